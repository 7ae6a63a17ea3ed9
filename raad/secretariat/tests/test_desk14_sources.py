"""The apps' task sources on the desk (docs/desk.md): minutes to write, circulate and answer, the next
meeting's papers and proposal deadline, inquiries to triage, events to prepare; each for the right people only."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from raad.community.services import events as event_services
from raad.core import desk, mail
from raad.core.desk import Audience
from raad.core.roles import Role
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
        "membership",
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


# ---------------------------------------------------------- the desk's deadlines are rules of procedure


def _new_rules(cast, **changes):
    """A new version of the rules of procedure in force from today, through the service that adopts versions."""
    from raad.councils.rules import SETTING_FIELDS
    from raad.councils.selectors import rules_in_force
    from raad.councils.services import rules_adopt_with_decision

    today = timezone.localdate()
    current = rules_in_force(cast.council, today)
    rules_adopt_with_decision(
        council=cast.council,
        settings={**{f: getattr(current, f) for f in SETTING_FIELDS}, **changes},
        in_force_from=today,
        adopted_on=today,
        decision_reference="KB, pkt. 7",
        by=None,
    )


def _due(cast, key):
    return [t.due for t in _tasks(cast.secretary, cast) if t.key == key]


def test_the_minutes_draft_deadline_comes_from_the_rules_in_force(cast):
    meeting = meeting_services.meeting_plan(
        council=cast.council, starts_at=timezone.now() - datetime.timedelta(days=3), place="Rådhuset", by=cast.secretary
    )
    _send_notice(cast, meeting)
    meeting_services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    held_on = timezone.localtime(meeting.starts_at).date()
    assert _due(cast, "meetings.minutes_draft") == [held_on + datetime.timedelta(days=7)]
    _new_rules(cast, minutes_draft_days=12)
    assert _due(cast, "meetings.minutes_draft") == [held_on + datetime.timedelta(days=12)]


def test_the_triage_deadline_comes_from_the_rules_in_force(cast):
    inquiry = inquiries.inquiry_submit(
        council=cast.council,
        kind="idea",
        text="Flere aftenhold i dansk.",
        language="da",
        reply_by="email",
        name="Omar Haddad",
        organisation="",
        email="omar@test.invalid",
        phone="",
        consent_publish=False,
    )
    arrived = timezone.localtime(inquiry.created_at).date()
    assert _due(cast, "dialogue.triage") == [arrived + datetime.timedelta(days=10)]
    _new_rules(cast, inquiry_triage_days=3)
    assert _due(cast, "dialogue.triage") == [arrived + datetime.timedelta(days=3)]


def test_the_claim_decision_deadline_comes_from_the_rules_in_force(cast):
    from decimal import Decimal

    from raad.finance import services as finance

    today = timezone.localdate()
    finance.budget_year_create(
        council=cast.council,
        year=today.year,
        transport_rate=Decimal("3.81"),
        decision_reference="KB 10.12, pkt. 4",
        claim_limit=Decimal("1000.00"),
        by=cast.secretary,
    )
    claim = finance.claim_submit(
        council=cast.council,
        claimant=cast.users["medlem"],
        incurred_on=today,
        kind="transport",
        what="Rådsmøde",
        km=Decimal("12"),
    )
    submitted = timezone.localtime(claim.created_at).date()
    assert _due(cast, "finance.claim") == [submitted + datetime.timedelta(days=14)]
    _new_rules(cast, claim_decision_days=21)
    assert _due(cast, "finance.claim") == [submitted + datetime.timedelta(days=21)]


def test_the_elected_national_representative_stays_on_the_desk_until_the_report_is_recorded(client, cast):
    from raad.core.models import AuditEntry
    from raad.membership import services as membership
    from raad.membership.models import Election
    from raad.testing.cast import log_in_verified

    meeting = meeting_services.meeting_plan(
        council=cast.council,
        kind="constituent",
        starts_at=timezone.now() - datetime.timedelta(days=5),
        place="Rådhuset",
        by=cast.secretary,
    )
    _send_notice(cast, meeting)
    meeting_services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    election = membership.election_open(
        council=cast.council,
        office=Election.Office.NATIONAL_REPRESENTATIVE,
        method=Election.Method.PAPER,
        held_on=timezone.localtime(meeting.starts_at).date(),
        candidates=[cast.member],
        voters_present=3,
        by=cast.secretary,
    )
    only = election.candidates.get()
    membership.round_close(round=election.rounds.get(), paper_counts={only.pk: 3}, blank=0, by=cast.secretary)
    report = [t for t in _tasks(cast.secretary, cast) if t.key == "meetings.election_report"]
    assert [t.title for t in report] == ["Indberet repræsentanten til Det Nationale Integrationsråd"]
    assert "Vælg og indberet repræsentanten til Det Nationale Integrationsråd" not in _titles(
        _tasks(cast.secretary, cast)
    )
    assert not [t for t in _tasks(cast.users["forperson"], cast) if t.key == "meetings.election_report"]

    log_in_verified(client, cast.secretary)
    future = timezone.localdate() + datetime.timedelta(days=1)
    refused = client.post(report[0].url, {"action": "report", "reported_on": future.isoformat()})
    assert refused.status_code == 400 and "Indberetningen kan ikke ligge i fremtiden." in refused.content.decode()
    today = timezone.localdate()
    assert client.post(report[0].url, {"action": "report", "reported_on": today.isoformat()}).status_code == 302
    assert not [t for t in _tasks(cast.secretary, cast) if t.key.startswith("meetings.election_")]
    entry = AuditEntry.objects.get(verb="election.reported")
    assert entry.changes["reported_on"] == {"before": None, "after": today.isoformat()}


def test_retention_erasures_of_the_next_30_days_are_due_the_day_the_commands_erase_them(cast):
    from raad.community.services import events as community
    from raad.community.tests.event_helpers import make_event, register
    from raad.councils.models import Council
    from raad.councils.services import staff_assign
    from raad.dialogue.models import Inquiry
    from raad.dialogue.services.inquiries import inquiries_erase_expired
    from raad.membership.rules import add_months
    from raad.testing.cast import make_user

    today = timezone.localdate()
    inquiry = inquiries.inquiry_submit(
        council=cast.council,
        kind="idea",
        text="Flere aftenhold i dansk.",
        language="da",
        reply_by="email",
        name="Omar Haddad",
        organisation="",
        email="omar@test.invalid",
        phone="",
        consent_publish=False,
    )
    arrived = timezone.make_aware(datetime.datetime.combine(add_months(today, -12), datetime.time(12)))
    Inquiry.objects.filter(pk=inquiry.pk).update(created_at=arrived + datetime.timedelta(days=9))  # 12 months: R35
    event = make_event(cast.council, cast.secretary)
    register(event)
    ended = timezone.now() - datetime.timedelta(days=25)
    type(event).objects.filter(pk=event.pk).update(starts_at=ended, ends_at=ended + datetime.timedelta(hours=2))

    found = {t.key: t for t in _tasks(cast.secretary, cast, Audience.SECRETARIAT)}
    details, registrants = found["dialogue.retention_details"], found["community.retention"]
    assert details.title.startswith("Kontaktoplysningerne i 1 henvendelse slettes efter opbevaringsfristen fra ")
    assert details.detail == "Opbevaringsperioden står i forretningsorden § 10, stk. 3."
    assert registrants.title.startswith("Oplysningerne om 1 tilmeldt slettes efter opbevaringsfristen fra ")
    assert today < details.due <= today + datetime.timedelta(days=30) and today < registrants.due
    # the desk's day is the day the retention commands erase, not a day earlier
    before = details.due - datetime.timedelta(days=1)
    assert inquiries_erase_expired(today=before) == (0, 0) and inquiries_erase_expired(today=details.due) == (1, 0)
    before = registrants.due - datetime.timedelta(days=1)
    assert community.registrations_erase_expired(today=before) == 0
    assert community.registrations_erase_expired(today=registrants.due) == 1
    assert not {"dialogue.retention_details", "community.retention"} & {t.key for t in _tasks(cast.secretary, cast)}

    # Nobody without the secretariat role in this council sees them: the forperson, another council's secretary.
    Inquiry.objects.filter(pk=inquiry.pk).update(name="Omar Haddad")  # the details back, the tasks too
    event.registrations.update(name="Hanne Mortensen", erased_at=None)
    new_keys = {"dialogue.retention_details", "community.retention"}
    assert new_keys <= {t.key for t in _tasks(cast.secretary, cast)}
    other = Council.objects.create(municipality=cast.council.municipality, name="Ældrerådet", slug="aeldreraadet")
    b_user = make_user("sekretariat_b", "Bo", "Berg")
    staff_assign(council=other, user=b_user, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None)
    for user in (cast.users["forperson"], cast.users["medlem"], b_user):
        keys = {t.key for t in desk.tasks_for(user, [cast.council, other], today)}
        assert not keys & new_keys


def test_a_press_release_in_draft_waits_for_the_forpersons_approval_only(cast):
    from raad.community.services import media

    release = media.press_release_draft(
        council=cast.council, title="Rådet holder borgermøde", body="Alle er velkomne.", by=cast.secretary
    )
    forperson = [(t.title, t.audience) for t in _tasks(cast.users["forperson"], cast) if t.key.startswith("community.")]
    assert forperson == [("Godkend pressemeddelelsen: Rådet holder borgermøde", Audience.PERSONAL)]
    secretariat = [t.title for t in _tasks(cast.secretary, cast) if t.key == "community.press_awaiting"]
    assert secretariat == ["Pressemeddelelse venter på forpersonens godkendelse: Rådet holder borgermøde"]
    for login in ("naestforperson", "medlem"):
        assert not [t for t in _tasks(cast.users[login], cast) if t.key.startswith("community.press")]
    media.press_release_approve(release=release, by=cast.users["forperson"])
    for user in (cast.users["forperson"], cast.secretary):
        assert not [t for t in _tasks(user, cast) if t.key.startswith("community.press")]


def test_an_apology_with_no_substitute_stays_on_the_desk_until_the_secretariat_confirms_it(client, cast):
    from django.urls import reverse

    from raad.core.models import AuditEntry
    from raad.meetings import selectors as meeting_selectors
    from raad.meetings.models import Attendance
    from raad.testing.cast import log_in_verified

    meeting = meeting_services.meeting_plan(
        council=cast.council, starts_at=timezone.now() + datetime.timedelta(days=9), place="Rådhuset", by=cast.secretary
    )
    chair = cast.users["forperson"]
    chair_membership = meeting_selectors.membership_of_user(chair, meeting)
    with mail.suppressed():
        meeting_services.apology_send(meeting=meeting, membership=chair_membership, by=chair)  # no substitute
        meeting_services.apology_send(meeting=meeting, membership=cast.member, by=cast.users["medlem"])  # Sara
    apologies = [t for t in _tasks(cast.secretary, cast) if t.key == "meetings.apology"]
    assert len(apologies) == 1 and apologies[0].title.startswith("Afbud: bekræft og indkald stedfortræder (")
    assert not [t for t in _tasks(chair, cast) if t.key == "meetings.apology"]

    log_in_verified(client, cast.secretary)
    url = reverse("meetings:apology_confirm", args=[cast.council.slug, meeting.pk])
    assert client.post(url, {"attendance": "x"}).status_code == 404
    attendance = Attendance.objects.get(meeting=meeting, membership=chair_membership)
    assert client.post(url, {"attendance": attendance.pk}).status_code == 302
    assert not [t for t in _tasks(cast.secretary, cast) if t.key == "meetings.apology"]
    page = client.get(apologies[0].url).content.decode()
    assert "(bekræftet uden stedfortræder)" in page
    assert AuditEntry.objects.filter(verb="attendance.apology_confirmed", actor=cast.secretary).count() == 1
    again = client.post(url, {"attendance": attendance.pk})
    assert again.status_code == 400 and "Afbuddet er allerede bekræftet." in again.content.decode()
