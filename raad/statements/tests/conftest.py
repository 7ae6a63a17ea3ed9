"""The statement tests use the named cast (raad/testing/cast.py) with all 15 members (chair Amina Yusuf
`forperson`, vice-chair Lars Nielsen `naestforperson`, member Ahmad Rahimi `medlem`), the secretary Camilla
Holt `sekretariat`, the board's liaison Henrik Bach `kontaktperson`, and two committees. As in the demo, Jonas
Petersen resigns on 30 June 2026 and his substitute Ali Hassan takes the seat on 1 July."""

from __future__ import annotations

import datetime

import pytest

from raad.core import mail
from raad.membership.services import member_resign, substitute_appoint, substitute_promote
from raad.statements import services
from raad.testing.cast import START, build_cast, make_person


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def cast(db):
    cast = build_cast(members=15)
    jonas = cast.members[5]
    substitute_appoint(
        membership=jonas,
        person=make_person("Ali", "Hassan", "4450", "Jyderup", resides_in_municipality=True),
        decision=cast.decision,
        starts_on=START,
        by=None,
    )
    with mail.suppressed():  # the resignation's mails are not what these tests look at
        member_resign(membership=jonas, last_day=datetime.date(2026, 6, 30), by=cast.secretary)
    substitute_promote(substitute=jonas.substitutes.get(), starts_on=datetime.date(2026, 7, 1), by=cast.secretary)
    return cast


@pytest.fixture
def council(cast):
    return cast.council


@pytest.fixture
def users(cast):
    return cast.users


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


def adopt_at_meeting(statement, *, by=None, day=datetime.date(2026, 11, 24), item_title: str = ""):
    """Route 1 as it happens: the council adopts the statement at a meeting (an open item, titled after the
    statement unless `item_title` is given); the secretariat registers it."""
    decision = meeting_decision(statement.council, title=item_title or statement.title, day=day)
    return services.statement_adopt_at_meeting(statement=statement, decision=decision, by=by)
