"""Topics: every service with good and bad input; a refusal changes nothing and names the rule."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry, OutgoingMail
from raad.councils.models import Purpose
from raad.dialogue.models import InquiryEvent, Topic
from raad.dialogue.services import topics as services
from raad.meetings import services as meetings
from raad.meetings.models import AgendaItem
from raad.testing import assert_unchanged

from .topic_helpers import adopted_statement, hold, inquiry, plan


@pytest.fixture
def topic(council, secretary):
    return services.topic_create(council=council, title="Lektiehjælp", summary="Børn mangler hjælp.", by=secretary)


def test_topics_are_numbered_per_council_and_cpr_numbers_are_masked(council, secretary):
    purposes = list(Purpose.objects.filter(terms_of_reference__council=council).order_by("number")[:2])
    first = services.topic_create(
        council=council,
        title="Fritidsjob",
        summary="En borger med cpr 010190-1234 skrev.",
        purposes=purposes,
        raised_elsewhere_count=4,
        by=secretary,
    )
    second = services.topic_create(council=council, title="Bolig", by=secretary)
    assert (first.number, second.number) == (1, 2)
    assert "010190-1234" not in first.summary
    assert first.summary.startswith("En borger med cpr ")
    assert sorted(p.number for p in first.purposes.all()) == [p.number for p in purposes]
    assert first.raised_elsewhere_count == 4 and first.published is False
    entry = AuditEntry.objects.get(verb="topic.created", target_id=str(first.pk))
    assert entry.changes["number"]["after"] == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, "Skriv emnets titel."),
        ({"title": "Emne", "raised_elsewhere_count": -1}, "Antallet kan ikke være negativt."),
    ],
)
def test_topic_create_refuses_bad_input(council, secretary, fields, message):
    with assert_unchanged(), pytest.raises(RuleViolation, match=message):
        services.topic_create(council=council, by=secretary, **fields)


def test_topic_update_journals_the_change_and_a_closed_topic_is_refused(topic, secretary):
    services.topic_update(topic=topic, data={"title": "Lektiehjælp på biblioteket", "published": True}, by=secretary)
    topic.refresh_from_db()
    assert (topic.title, topic.published) == ("Lektiehjælp på biblioteket", True)
    entry = AuditEntry.objects.get(verb="topic.updated")
    assert entry.changes["title"] == {"before": "Lektiehjælp", "after": "Lektiehjælp på biblioteket"}
    services.topic_close(topic=topic, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Emnet er afsluttet og kan ikke ændres."):
        services.topic_update(topic=topic, data={"title": "Nyt"}, by=secretary)


# --- The agenda ------------------------------------------------------------------------------------------


def test_sat_paa_dagsordenen_adds_an_item_to_the_next_open_meeting(council, topic, secretary):
    later = plan(council, days=60)
    meeting = plan(council, days=30)
    meetings.item_add(meeting=meeting, title="Meddelelser", kind="information", by=secretary)
    item = services.topic_place_on_agenda(topic=topic, by=secretary)
    topic.refresh_from_db()
    assert (item.meeting_id, item.position, item.kind, item.title) == (meeting.pk, 2, "discussion", "Lektiehjælp")
    assert "Børn mangler hjælp." in item.case_presentation
    assert (topic.status, topic.agenda_item_id) == (Topic.Status.ON_AGENDA, item.pk)
    assert not AgendaItem.objects.filter(meeting=later).exists()
    assert AuditEntry.objects.filter(verb="agenda_item.added", target_id=str(item.pk)).exists()
    assert AuditEntry.objects.filter(verb="topic.placed_on_agenda", target_id=str(topic.pk)).exists()


def test_a_topic_already_on_an_agenda_is_refused(council, topic, secretary):
    plan(council, days=30)
    services.topic_place_on_agenda(topic=topic, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Emnet står allerede på dagsordenen for mødet"):
        services.topic_place_on_agenda(topic=topic, by=secretary)


def test_without_an_open_meeting_the_refusal_names_the_rule(council, topic, secretary):
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.topic_place_on_agenda(topic=topic, by=secretary)
    assert "Der er intet kommende møde, hvis dagsorden stadig er åben" in str(refused.value)
    assert "forretningsorden §" in str(refused.value)


def test_a_meeting_past_its_notice_deadline_is_skipped_for_the_next(council, topic, secretary):
    """R15: the agenda goes out 7 days before; a meeting in 5 days is closed for new items, the one after is not."""
    soon = plan(council, days=5)
    after = plan(council, days=40)
    item = services.topic_place_on_agenda(topic=topic, by=secretary)
    assert item.meeting_id == after.pk
    assert not AgendaItem.objects.filter(meeting=soon).exists()


def test_a_meeting_past_its_notice_deadline_alone_is_refused(council, topic, secretary):
    plan(council, days=5)
    with assert_unchanged(), pytest.raises(RuleViolation, match="dagsordenen udsendes senest 7 dage før mødet"):
        services.topic_place_on_agenda(topic=topic, by=secretary)


def test_a_meeting_whose_notice_is_sent_takes_no_new_topic(council, topic, secretary):
    meeting = plan(council, days=20)
    meetings.item_add(meeting=meeting, title="Meddelelser", kind="information", by=secretary)
    meetings.meeting_send_notice(meeting=meeting, by=secretary)
    with assert_unchanged(ignore={"core.OutgoingMail"}), pytest.raises(RuleViolation, match="intet kommende møde"):
        services.topic_place_on_agenda(topic=topic, by=secretary)


def test_after_a_cancelled_meeting_the_topic_can_go_on_the_next(council, topic, secretary):
    first = plan(council, days=20)
    services.topic_place_on_agenda(topic=topic, by=secretary)
    meetings.meeting_cancel(meeting=first, by=secretary)
    second = plan(council, days=50)
    item = services.topic_place_on_agenda(topic=topic, by=secretary)
    assert item.meeting_id == second.pk


def test_discussed_only_when_the_meeting_was_held(council, topic, secretary):
    with assert_unchanged(), pytest.raises(RuleViolation, match="Emnet står ikke på en dagsorden"):
        services.topic_mark_discussed(topic=topic, by=secretary)
    meeting = plan(council, days=30)
    services.topic_place_on_agenda(topic=topic, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="er ikke afholdt endnu"):
        services.topic_mark_discussed(topic=topic, by=secretary)
    hold(meeting, by=secretary)
    services.topic_mark_discussed(topic=topic, by=secretary)
    topic.refresh_from_db()
    assert topic.status == Topic.Status.DISCUSSED
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede registreret som drøftet"):
        services.topic_mark_discussed(topic=topic, by=secretary)


def test_linking_a_held_meeting_item_makes_the_topic_discussed(council, topic, secretary):
    meeting = plan(council, days=30)
    item = meetings.item_add(meeting=meeting, title="Lektiehjælp", kind="discussion", by=secretary)
    hold(meeting, by=secretary)
    services.topic_agenda_item_link(topic=topic, item=item, by=secretary)
    topic.refresh_from_db()
    assert (topic.status, topic.agenda_item_id) == (Topic.Status.DISCUSSED, item.pk)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede knyttet til dette dagsordenspunkt"):
        services.topic_agenda_item_link(topic=topic, item=item, by=secretary)


# --- Statement and follow-up --------------------------------------------------------------------------------


def test_only_an_adopted_statement_of_the_council_can_be_linked(council, topic, secretary):
    from raad.statements import services as statements

    committee = statements.committee_create(
        municipality=council.municipality, name="Økonomiudvalget", email="oeu@holbaek.invalid", by=None
    )
    draft = statements.statement_create(
        council=council, kind="statement", title="Kladde", recipient=committee, text="Tekst", by=secretary
    )
    with assert_unchanged(), pytest.raises(RuleViolation, match="Udtalelsen er ikke vedtaget endnu."):
        services.topic_statement_link(topic=topic, statement=draft, by=secretary)
    adopted = adopted_statement(council, title="Udtalelse om lektiehjælp", by=secretary, publish=False)
    services.topic_statement_link(topic=topic, statement=adopted, by=secretary)
    topic.refresh_from_db()
    assert (topic.status, topic.statement_id) == (Topic.Status.STATEMENT, adopted.pk)


@pytest.mark.parametrize(
    ("outcome", "days", "message"),
    [
        ("  ", 0, "Skriv, hvad kommunalbestyrelsen eller forvaltningen gjorde."),
        ("Udvalget fulgte rådet.", 1, "Datoen kan ikke ligge i fremtiden."),
    ],
)
def test_outcome_refuses_bad_input(topic, secretary, outcome, days, message):
    day = timezone.localdate() + datetime.timedelta(days=days)
    with assert_unchanged(), pytest.raises(RuleViolation, match=message):
        services.topic_outcome_register(topic=topic, outcome=outcome, outcome_on=day, by=secretary)


def test_outcome_is_registered_and_the_topic_is_followed_up(topic, secretary):
    day = timezone.localdate()
    services.topic_outcome_register(topic=topic, outcome="Udvalget fulgte rådet.", outcome_on=day, by=secretary)
    topic.refresh_from_db()
    assert (topic.status, topic.outcome, topic.outcome_on) == (Topic.Status.FOLLOWED_UP, "Udvalget fulgte rådet.", day)
    assert AuditEntry.objects.get(verb="topic.followed_up").changes["outcome_on"]["after"] == day.isoformat()


def test_a_closed_topic_takes_no_move(council, topic, secretary):
    plan(council, days=30)
    services.topic_close(topic=topic, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Emnet er afsluttet"):
        services.topic_place_on_agenda(topic=topic, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Emnet er afsluttet"):
        services.topic_close(topic=topic, by=secretary)


# --- The inquirers hear of each move --------------------------------------------------------------------------


def test_inquirers_are_told_of_each_move_once_in_their_language(council, topic, secretary):
    danish = inquiry(topic, email="da@test.invalid", language="da")
    english = inquiry(topic, email="en@test.invalid", language="en")
    no_reply = inquiry(topic, email="none@test.invalid", reply_by="none")
    anonymous = inquiry(topic)
    erased = inquiry(topic, email="", erased=True)
    meeting = plan(council, days=30)

    services.topic_place_on_agenda(topic=topic, by=secretary)
    mails = {m.to: m for m in OutgoingMail.objects.all()}
    assert set(mails) == {"da@test.invalid", "en@test.invalid"}
    assert mails["da@test.invalid"].language == "da"
    assert mails["da@test.invalid"].subject == f"Nyt om din henvendelse {danish.reference}"
    assert "Rådet drøfter emnet »Lektiehjælp« på mødet" in mails["da@test.invalid"].body
    assert mails["en@test.invalid"].language == "en"
    assert mails["en@test.invalid"].subject == f"News about your inquiry {english.reference}"
    assert "The council will discuss the topic »Lektiehjælp« at the meeting" in mails["en@test.invalid"].body
    events = {e.inquiry_id: e for e in InquiryEvent.objects.all()}
    assert set(events) == {danish.pk, english.pk, no_reply.pk, anonymous.pk}
    assert erased.pk not in events
    assert events[english.pk].note.startswith("The council will discuss the topic")
    assert events[danish.pk].note.startswith("Rådet drøfter emnet")

    hold(meeting, by=secretary)
    services.topic_mark_discussed(topic=topic, by=secretary)
    services.topic_outcome_register(
        topic=topic, outcome="Biblioteket åbner lektiecafé.", outcome_on=timezone.localdate(), by=secretary
    )
    assert OutgoingMail.objects.filter(to="da@test.invalid").count() == 3
    assert OutgoingMail.objects.filter(to="en@test.invalid").count() == 3
    assert InquiryEvent.objects.filter(inquiry=anonymous).count() == 3
    assert "Biblioteket åbner lektiecafé." in OutgoingMail.objects.filter(to="en@test.invalid").latest("id").body


def test_a_refused_move_tells_nobody(council, topic, secretary):
    inquiry(topic, email="da@test.invalid")
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.topic_place_on_agenda(topic=topic, by=secretary)
    assert not OutgoingMail.objects.exists()


def test_the_nightly_command_marks_topics_of_held_meetings_discussed_once(council, topic, secretary):
    import io

    from django.core.management import call_command

    inquiry(topic, email="da@test.invalid")
    meeting = plan(council, days=30)
    services.topic_place_on_agenda(topic=topic, by=secretary)
    out = io.StringIO()
    call_command("topics_discussed", stdout=out)
    assert "0 topic(s)" in out.getvalue()
    hold(meeting, by=secretary)
    call_command("topics_discussed", stdout=out)
    call_command("topics_discussed", stdout=out)
    topic.refresh_from_db()
    assert topic.status == Topic.Status.DISCUSSED
    assert "1 topic(s) marked as discussed." in out.getvalue()
    assert OutgoingMail.objects.filter(to="da@test.invalid").count() == 2  # on the agenda, then discussed
