"""The apps' task sources on the desk (docs/desk.md): minutes to write, circulate and answer, the next
meeting's papers and proposal deadline, inquiries to triage, events to prepare; each for the right people only."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from raad.community.services import events as event_services
from raad.core import desk, mail
from raad.core.desk import Audience
from raad.dialogue.services import inquiries
from raad.meetings import services as meeting_services

pytestmark = pytest.mark.django_db


def _tasks(user, cast, audience=None):
    return desk.tasks_for(user, [cast.council], timezone.localdate(), audience=audience)


def _titles(tasks) -> list[str]:
    return [t.title for t in tasks]


def _send_notice(cast, meeting):
    meeting_services.item_add(meeting=meeting, title="Fritidsjob", by=cast.secretary)
    with mail.suppressed():
        meeting_services.meeting_send_notice(meeting=meeting, by=cast.secretary)


def test_every_app_with_deadlines_is_registered():
    assert desk.registered_task_sources() == [
        "community",
        "councils",
        "dialogue",
        "finance",
        "meetings",
        "secretariat",
        "statements",
    ]


def test_minutes_to_write_then_to_answer_and_who_sees_what(cast):
    now = timezone.now()
    meeting = meeting_services.meeting_plan(
        council=cast.council, starts_at=now - datetime.timedelta(days=10), place="Rådhuset", by=cast.secretary
    )
    _send_notice(cast, meeting)
    meeting_services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    write = [t for t in _tasks(cast.secretary, cast) if t.key == "meetings.minutes_draft"]
    assert len(write) == 1 and write[0].is_overdue(timezone.localdate())  # due a week after the meeting
    assert not [t for t in _tasks(cast.users["medlem"], cast) if t.key == "meetings.minutes_draft"]

    minutes = meeting_services.minutes_start(meeting=meeting, by=cast.secretary)
    with mail.suppressed():
        meeting_services.minutes_circulate(minutes=minutes, by=cast.secretary)
    assert "meetings.minutes_approval" in {t.key for t in _tasks(cast.secretary, cast)}
    for login in ("medlem", "forperson"):
        assert "meetings.minutes_response" in {t.key for t in _tasks(cast.users[login], cast, Audience.PERSONAL)}
    meeting_services.minutes_respond(minutes=minutes, membership=cast.member, kind="approve", by=None)
    assert "meetings.minutes_response" not in {t.key for t in _tasks(cast.users["medlem"], cast)}
    assert "meetings.minutes_response" in {t.key for t in _tasks(cast.users["forperson"], cast)}
    # neither the citizen nor the substitute (not a member) gets the minutes to answer
    assert _tasks(cast.citizen, cast) == []
    assert "meetings.minutes_response" not in {t.key for t in _tasks(cast.users["stedfortraeder"], cast)}


def test_the_next_meetings_papers_and_proposal_deadline_for_members(cast):
    meeting = meeting_services.meeting_plan(
        council=cast.council,
        starts_at=timezone.now() + datetime.timedelta(days=30),
        place="Rådhuset",
        by=cast.secretary,
    )
    member = {t.key for t in _tasks(cast.users["medlem"], cast, Audience.PERSONAL)}
    assert "meetings.item_deadline" in member and "meetings.papers" not in member  # no notice yet
    assert "meetings.notice" in {t.key for t in _tasks(cast.secretary, cast, Audience.SECRETARIAT)}
    _send_notice(cast, meeting)
    assert "meetings.papers" in {t.key for t in _tasks(cast.users["medlem"], cast, Audience.PERSONAL)}
    assert "meetings.notice" not in {t.key for t in _tasks(cast.secretary, cast)}


def test_an_inquiry_waits_for_triage_on_the_secretariats_desk_without_the_citizens_name(cast):
    inquiries.inquiry_submit(
        council=cast.council,
        kind="idea",
        text="Der mangler danskundervisning om aftenen.",
        language="da",
        reply_by="email",
        name="Nadia Saleh",
        organisation="",
        email="nadia@test.invalid",
        phone="",
        consent_publish=False,
    )
    found = [t for t in _tasks(cast.secretary, cast) if t.key == "dialogue.triage"]
    assert len(found) == 1 and "Nadia" not in found[0].title and "venter på vurdering" in found[0].title
    assert not [t for t in _tasks(cast.users["forperson"], cast) if t.key == "dialogue.triage"]


def test_an_event_in_the_next_month_is_to_prepare(cast):
    event_services.event_create(
        council=cast.council,
        data={"title": "Sprogcafé", "starts_at": timezone.now() + datetime.timedelta(days=12), "place": "Biblioteket"},
        by=cast.secretary,
    )
    assert "Forbered arrangementet: Sprogcafé" in _titles(_tasks(cast.secretary, cast))
    assert "Forbered arrangementet: Sprogcafé" not in _titles(_tasks(cast.users["medlem"], cast))


def test_an_urgent_answer_waits_for_the_forpersons_and_naestforpersons_approval_only(cast):
    from raad.statements import services as statements

    committee = statements.committee_create(
        municipality=cast.council.municipality, name="Økonomiudvalget", email="oeu@holbaek.invalid", by=None
    )
    today = timezone.localdate()
    consultation = statements.consultation_register(
        council=cast.council,
        subject="Budget",
        committee=committee,
        received_on=today - datetime.timedelta(days=5),
        deadline=today + datetime.timedelta(days=2),
        case_number="00.01.00-S00-1-26",
        by=cast.secretary,
    )
    draft = statements.statement_create(
        council=cast.council,
        kind="response",
        title="Hastesvar om budgettet",
        consultation=consultation,
        rapporteur=cast.secretary,
        text="Rådet støtter budgettet.",
        by=cast.secretary,
    )
    statements.statement_plan_route(statement=draft, route="urgent", by=cast.secretary)
    for login in ("forperson", "naestforperson"):
        found = [t for t in _tasks(cast.users[login], cast) if t.key == "statements.urgent_approval"]
        assert [(t.title, t.due) for t in found] == [
            ("Godkend hastesvar: Hastesvar om budgettet", consultation.deadline)
        ]
    assert not [t for t in _tasks(cast.users["medlem"], cast) if t.key == "statements.urgent_approval"]
    statements.urgent_approve(statement=draft, user=cast.users["forperson"])
    assert not [t for t in _tasks(cast.users["forperson"], cast) if t.key == "statements.urgent_approval"]
    assert [t for t in _tasks(cast.users["naestforperson"], cast) if t.key == "statements.urgent_approval"]


def test_after_a_held_constituent_meeting_the_elections_and_the_national_representative_are_due(cast):
    meeting = meeting_services.meeting_plan(
        council=cast.council,
        kind="constituent",
        starts_at=timezone.now() - datetime.timedelta(days=5),
        place="Rådhuset",
        by=cast.secretary,
    )
    _send_notice(cast, meeting)
    meeting_services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    due = sorted(t.title for t in _tasks(cast.secretary, cast) if t.key == "meetings.election")
    assert due == [
        "Valg af forperson efter det konstituerende møde",
        "Valg af næstforperson efter det konstituerende møde",
        "Vælg og indberet repræsentanten til Det Nationale Integrationsråd",
    ]
    assert not [t for t in _tasks(cast.users["forperson"], cast) if t.key == "meetings.election"]
