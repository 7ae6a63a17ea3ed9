"""The cast for statement tests: Holbæk's council with the membership demo (15 members, chair Amina Yusuf
`forperson`, vice-chair Lars Nielsen `naestforperson`, member Ahmad Rahimi `medlem`), the secretary Camilla
Holt `sekretariat`, and two committees."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from raad.councils.demo import load as load_council
from raad.membership.demo import load as load_members
from raad.statements import services


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def council(db):
    state: dict = {"logins": [], "notes": []}
    load_council(state)
    load_members(state)
    return state["council"]


@pytest.fixture
def users(council):
    User = get_user_model()
    return {
        u.username: u
        for u in User.objects.filter(
            username__in=["sekretariat", "forperson", "naestforperson", "medlem", "stedfortraeder", "kontaktperson"]
        )
    }


@pytest.fixture
def secretary(users):
    return users["sekretariat"]


@pytest.fixture
def committee(council):
    return services.committee_create(
        municipality=council.municipality, name="Social- og Sundhedsudvalget", email="sosu@holbaek.invalid", by=None
    )


@pytest.fixture
def other_committee(council):
    return services.committee_create(
        municipality=council.municipality, name="Økonomiudvalget", email="oeu@holbaek.invalid", by=None
    )


@pytest.fixture
def consultation(council, committee, secretary):
    return services.consultation_register(
        council=council,
        subject="Integrationspolitik 2027–2030",
        committee=committee,
        received_on=datetime.date(2026, 11, 2),
        deadline=datetime.date(2026, 12, 4),
        case_number="27.00.00-P15-3-26",
        summary="Udkast til ny integrationspolitik.",
        by=secretary,
    )


@pytest.fixture
def draft(council, consultation, secretary):
    return services.statement_create(
        council=council,
        kind="response",
        title="Høringssvar om integrationspolitikken",
        consultation=consultation,
        rapporteur=secretary,
        text="Rådet støtter politikken.\n\nRådet foreslår mere sprogundervisning.",
        by=secretary,
    )


def table_counts() -> dict[str, int]:
    """Rows in every table of this app and the audit journal: a refused transition must change none."""
    tables = [t for t in connection.introspection.table_names() if t.startswith("statements_")] + ["core_auditentry"]
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def statement_state(statement) -> tuple:
    from raad.statements.models import Statement

    s = Statement.objects.get(pk=statement.pk)
    return (
        s.status,
        s.adoption_route,
        s.adopted_on,
        s.adopted_version_id,
        s.sent_at,
        s.sent_to,
        s.late_reason,
        s.published_at,
        bool(s.letter),
        s.planned_route,
        s.report_at_next_meeting,
    )


@pytest.fixture
def unchanged():
    """Use as: with unchanged(statement): call_that_must_be_refused()"""
    import contextlib

    @contextlib.contextmanager
    def check(statement=None):
        before = table_counts()
        state = statement_state(statement) if statement is not None else None
        yield
        assert table_counts() == before
        if statement is not None:
            assert statement_state(statement) == state

    return check


def user_for(first_name: str):
    """A login for the demo member with this first name (most demo members have none)."""
    from raad.membership.models import Membership

    User = get_user_model()
    membership = Membership.objects.select_related("person").get(person__first_name=first_name)
    if membership.person.user is None:
        membership.person.user = User.objects.create_user(username=first_name.lower(), password="x")
        membership.person.save(update_fields=["user"])
    return membership.person.user
