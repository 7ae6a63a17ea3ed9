"""R32: the personal-data check before publishing is binding. Publishing the minutes, or the agenda (published
with the notice), over a finding needs an explicit confirmation with a reason; the reason is stored and in the
journal (the personal data itself is not). Without it the publication is refused, naming the rule."""

from __future__ import annotations

import json

import pytest
from django.core import mail

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.meetings import services
from raad.meetings.models import Meeting, Minutes
from raad.testing import assert_unchanged

from .conftest import all_present, at
from .factories import approved_by_circulation, meeting_with_items

pytestmark = pytest.mark.django_db

EMAIL = "karen.jensen@example.invalid"
PHONE = "22 33 44 55"
REASON = "Foreningens offentlige kontaktadresse, aftalt med foreningen"


def _approved_minutes_with_an_email(cast) -> Minutes:
    meeting = meeting_with_items(cast, n_open=1, starts=at(2026, 12, 3))
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    item = meeting.items.get()
    services.item_decide(
        item=item, text=f"Rådet beder sekretariatet skrive til {EMAIL}.", votes_for=9, votes_against=1, by=None
    )
    minutes = approved_by_circulation(cast, meeting)
    return Minutes.objects.get(pk=minutes.pk)


def _planned_meeting_with_a_phone_number(cast) -> Meeting:
    meeting = meeting_with_items(cast, n_open=1, starts=at(2026, 12, 17))
    services.item_add(
        meeting=meeting,
        title="Henvendelse om sprogundervisning",
        case_presentation=f"<p>Borgeren kan kontaktes på {PHONE}.</p>",
        proposed_decision="Rådet drøfter henvendelsen.",
        by=cast.secretary,
    )
    return meeting


def _journal(verb: str) -> AuditEntry:
    return AuditEntry.objects.filter(verb=verb).latest("pk")


def test_minutes_with_a_finding_are_refused_without_a_reason(cast):
    minutes = _approved_minutes_with_an_email(cast)
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.minutes_publish(minutes=minutes, by=cast.secretary)
    [message] = refused.value.messages
    assert "R32" in message and "E-mailadresse" in message
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.minutes_publish(minutes=minutes, by=cast.secretary, override_reason="   ")


def test_minutes_published_over_a_finding_record_the_reason_in_the_record_and_the_journal(cast):
    minutes = _approved_minutes_with_an_email(cast)
    services.minutes_publish(minutes=minutes, by=cast.secretary, override_reason=f"  {REASON} ")
    minutes = Minutes.objects.get(pk=minutes.pk)
    assert (minutes.is_published, minutes.publish_override_reason) == (True, REASON)
    entry = _journal("minutes.published")
    assert entry.actor == cast.secretary
    assert entry.changes == {
        "is_published": {"before": False, "after": True},
        "published_over_findings": {"before": "", "after": "email"},
        "override_reason": {"before": "", "after": REASON},
    }
    assert EMAIL not in json.dumps(entry.changes)


def test_minutes_without_a_finding_publish_without_a_reason(cast):
    from .factories import published_meeting

    meeting, _open, _closed = published_meeting(cast)
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.is_published and minutes.publish_override_reason == ""
    assert _journal("minutes.published").changes == {"is_published": {"before": False, "after": True}}


def test_the_agenda_with_a_finding_is_not_sent_without_a_reason(cast):
    meeting = _planned_meeting_with_a_phone_number(cast)
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    assert "R32" in refused.value.messages[0] and "Telefonnummer" in refused.value.messages[0]


def test_the_agenda_sent_over_a_finding_records_the_reason(cast):
    meeting = _planned_meeting_with_a_phone_number(cast)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary, override_reason=REASON)
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert (meeting.status, meeting.notice_override_reason) == (Meeting.Status.NOTICE_SENT, REASON)
    changes = _journal("meeting.notice_sent").changes
    assert (changes["published_over_findings"]["after"], changes["override_reason"]["after"]) == ("phone", REASON)
    assert PHONE not in json.dumps(changes)


def test_a_closed_item_is_not_checked(cast):
    meeting = meeting_with_items(cast, n_open=1, starts=at(2026, 12, 17))
    services.item_add(
        meeting=meeting, title="Lukket henvendelse", is_closed=True, case_presentation=f"<p>{PHONE}</p>", by=None
    )
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    assert Meeting.objects.get(pk=meeting.pk).notice_override_reason == ""


def test_the_pages_refuse_with_the_rule_named_and_accept_a_confirmed_reason(login_secretary, cast):
    client = login_secretary
    slug = cast.council.slug
    meeting = _planned_meeting_with_a_phone_number(cast)
    url = f"/arbejdsrum/{slug}/moeder/{meeting.pk}/indkald/"
    page = client.get(url).content.decode()  # the notice's preview shows the findings before anything is sent
    assert 'name="confirm_findings"' in page and PHONE in page
    # A reason without the box ticked is no confirmation.
    with assert_unchanged():
        response = client.post(url, {"confirm": "yes", "override_reason": REASON})
    assert response.status_code == 400
    assert "R32" in response.content.decode()
    mail.outbox.clear()
    response = client.post(url, {"confirm": "yes", "override_reason": REASON, "confirm_findings": "1"})
    assert response.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).notice_override_reason == REASON

    minutes = _approved_minutes_with_an_email(cast)
    url = f"/arbejdsrum/{slug}/moeder/{minutes.meeting_id}/referat/offentliggoer/"
    with assert_unchanged():
        response = client.post(url, {"confirm_findings": "1"})
    assert response.status_code == 400 and "R32" in response.content.decode()
    response = client.post(url, {"confirm_findings": "1", "override_reason": REASON})
    assert response.status_code == 302
    assert Minutes.objects.get(pk=minutes.pk).publish_override_reason == REASON
