"""The cast for statement tests: Holbæk's council with the membership demo (15 members, chair Amina Yusuf
`forperson`, vice-chair Lars Nielsen `naestforperson`, member Ahmad Rahimi `medlem`), the secretary Camilla
Holt `sekretariat`, and two committees."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from raad.councils.demo import REFERENCE_DAY, demo_start
from raad.membership.demo import load as load_members
from raad.statements import services


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def council(db):
    # The membership demo as written (appointed 1 February 2026): these tests pin their dates to that term.
    context = demo_start(today=REFERENCE_DAY)
    load_members(context)
    return context.council


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


def meeting_decision(council, *, title: str, day=datetime.date(2026, 11, 24), adopted: bool = True, item=None):
    """A held meeting of the council on `day` that decided an item (`title`, or the given `item`), with
    every member in office present: adopted unanimously, or rejected unanimously."""
    from django.utils import timezone

    from raad.meetings import services as meetings
    from raad.membership.selectors import memberships_in_force

    starts = datetime.datetime.combine(day, datetime.time(17), tzinfo=timezone.get_default_timezone())
    if item is None:
        meeting = meetings.meeting_plan(council=council, starts_at=starts, place="Holbæk Rådhus", by=None)
        item = meetings.item_add(meeting=meeting, title=title, proposed_decision="Rådet vedtager udtalelsen.", by=None)
    meeting = item.meeting
    meetings.meeting_send_notice(meeting=meeting, by=None, now=starts - datetime.timedelta(days=8))
    members = [m.pk for m in memberships_in_force(council, day)]
    meetings.attendance_register(meeting=meeting, present=members, substitutes_present=[], by=None)
    return meetings.item_decide(
        item=item,
        text="Rådet vedtog udtalelsen." if adopted else "Rådet forkastede udkastet.",
        votes_for=len(members) if adopted else 0,
        votes_against=0 if adopted else len(members),
        by=None,
        now=starts + datetime.timedelta(hours=1),
    )


def adopt_at_meeting(statement, *, by=None, day=datetime.date(2026, 11, 24)):
    """Route 1 as it happens: the council adopts the statement at a meeting; the secretariat registers it."""
    decision = meeting_decision(statement.council, title=statement.title, day=day)
    return services.statement_adopt_at_meeting(statement=statement, decision=decision, by=by)
