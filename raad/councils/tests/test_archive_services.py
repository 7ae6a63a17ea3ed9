"""R1: an archived council is read-only in the services too, not only behind the workspace's POST guard: every
service that writes a council's data refuses with the rule named (councils.services.ensure_not_archived), and
nothing changes. Its public pages stay."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.councils import services as councils
from raad.councils.models import Purpose, TermsOfReference
from raad.meetings import services as meetings
from raad.meetings.tests.conftest import at
from raad.membership import services as membership
from raad.membership.models import Seat
from raad.statements import services as statements
from raad.testing import assert_unchanged

REFUSAL = r"Rådet blev arkiveret .*; intet kan ændres længere \(integrationsloven § 42, stk\. 1\)\."


@pytest.fixture
def archived(cast):
    council = cast.council
    meeting = meetings.meeting_plan(council=council, starts_at=at(2026, 12, 10), place="Rådhuset", by=cast.secretary)
    item = meetings.item_add(meeting=meeting, title="Sprogskolens tilbud", by=cast.secretary)
    committee = statements.committee_create(
        municipality=council.municipality, name="Social- og Sundhedsudvalget", email="sosu@holbaek.invalid", by=None
    )
    consultation = statements.consultation_register(
        council=council,
        subject="Integrationspolitik",
        committee=committee,
        received_on=datetime.date(2026, 11, 2),
        deadline=datetime.date(2026, 12, 4),
        case_number="27.00.00-P15-3-26",
        by=cast.secretary,
    )
    draft = statements.statement_create(
        council=council,
        kind="response",
        title="Høringssvar",
        consultation=consultation,
        text="Rådet støtter politikken.",
        by=cast.secretary,
    )
    decision = councils.board_decision_record(
        municipality=council.municipality,
        decided_on=timezone.localdate(),
        reference="KB, pkt. 9",
        title="Nedlæggelse af integrationsrådet",
        by=None,
    )
    councils.council_archive(council=council, decision=decision, by=cast.secretary)
    council.refresh_from_db()
    return SimpleNamespace(
        cast=cast,
        council=council,
        by=cast.secretary,
        meeting=meeting,
        item=item,
        committee=committee,
        consultation=consultation,
        draft=draft,
    )


WRITES = {
    # councils: contact, purpose, terms of reference, terms
    "councils.council_update_contact": lambda a: councils.council_update_contact(
        council=a.council, data={"contact_email": "ny@test.invalid"}, by=a.by
    ),
    "councils.terms_of_reference_update": lambda a: councils.terms_of_reference_update(
        terms=TermsOfReference.objects.get(council=a.council), data={}, by=a.by
    ),
    "councils.purpose_update": lambda a: councils.purpose_update(
        purpose=Purpose.objects.filter(terms_of_reference__council=a.council).first(),
        data={"title": "Nyt formål"},
        tasks=[],
        by=a.by,
    ),
    "councils.term_open_next": lambda a: councils.term_open_next(council=a.council, by=a.by),
    # meetings: planning, agenda, notice, attendance, proceedings, minutes
    "meetings.meeting_update": lambda a: meetings.meeting_update(meeting=a.meeting, data={"place": "Andet"}, by=a.by),
    "meetings.meeting_cancel": lambda a: meetings.meeting_cancel(meeting=a.meeting, by=a.by),
    "meetings.item_add": lambda a: meetings.item_add(meeting=a.meeting, title="Nyt punkt", by=a.by),
    "meetings.item_update": lambda a: meetings.item_update(item=a.item, data={"title": "Ny titel"}, by=a.by),
    "meetings.meeting_send_notice": lambda a: meetings.meeting_send_notice(meeting=a.meeting, by=a.by),
    "meetings.apology_send": lambda a: meetings.apology_send(meeting=a.meeting, membership=a.cast.member, by=None),
    "meetings.conflict_declare": lambda a: meetings.conflict_declare(
        item=a.item, membership=a.cast.member, reason="Inhabil", by=a.by
    ),
    "meetings.minutes_start": lambda a: meetings.minutes_start(meeting=a.meeting, by=a.by),
    # statements: consultations, drafting, dispatch
    "statements.consultation_register": lambda a: statements.consultation_register(
        council=a.council,
        subject="Ny høring",
        committee=a.committee,
        received_on=datetime.date(2026, 11, 2),
        deadline=datetime.date(2026, 12, 4),
        case_number="1",
        by=a.by,
    ),
    "statements.statement_create": lambda a: statements.statement_create(
        council=a.council, kind="statement", title="Udtalelse", text="Tekst.", by=a.by
    ),
    "statements.statement_version_save": lambda a: statements.statement_version_save(
        statement=a.draft, text="Ny tekst.", by=a.by
    ),
    "statements.statement_publish": lambda a: statements.statement_publish(statement=a.draft, by=a.by),
    # membership: bodies, appointments, nominations
    "membership.seat_create": lambda a: membership.seat_create(
        council=a.council, number=99, kind=Seat.Kind.DIRECT, by=a.by
    ),
    "membership.nominating_body_create": lambda a: membership.nominating_body_create(
        council=a.council, name="Ny forening", by=a.by
    ),
    "membership.member_resign": lambda a: membership.member_resign(
        membership=a.cast.members[4], last_day=timezone.localdate(), by=a.by
    ),
    "membership.membership_set_role": lambda a: membership.membership_set_role(
        membership=a.cast.member, role="vice_chair", by=a.by
    ),
    "membership.nomination_call_open": lambda a: membership.nomination_call_open(
        council=a.council,
        term=a.cast.term,
        title="Indkaldelse",
        deadline=timezone.now() + datetime.timedelta(days=30),
        by=a.by,
    ),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_write_to_an_archived_council_is_refused_and_changes_nothing(archived, name):
    with assert_unchanged(), pytest.raises(RuleViolation, match=REFUSAL):
        WRITES[name](archived)


def test_the_public_pages_of_an_archived_council_stay(client, archived):
    slug = archived.council.slug
    for url in (f"/raad/{slug}/", f"/raad/{slug}/moeder/", f"/raad/{slug}/moeder/{archived.meeting.pk}/"):
        assert client.get(url).status_code == 200, url
