"""The notice (indkaldelse) is previewed before it is sent: recipients by name, the e-mail as it goes out,
the calendar invitation and links; only the confirmation POST sends. The e-mail lists the agenda (a closed
item as "Lukket punkt" only), links the papers, carries an .ics, and is in each member's own language."""

from __future__ import annotations

import time_machine
from django.core import mail as django_mail
from icalendar import Calendar

from raad.core.models import OutgoingMail
from raad.core.services import user_set_language
from raad.meetings.models import Meeting
from raad.testing.cast import log_in_verified

from .conftest import at
from .factories import SECRET, meeting_with_items, published_meeting


def url(cast, meeting, rest="indkald/"):
    return f"/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/{rest}"


def with_closed_item(cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from raad.meetings import services

    from .factories import tiny_pdf

    meeting = meeting_with_items(cast, n_open=1)
    item = meeting.items.get()
    services.attachment_add(
        item=item,
        title="Notat om aftenhold",
        upload=SimpleUploadedFile("notat.pdf", tiny_pdf("Aftenhold")),
        by=cast.secretary,
    )
    services.item_add(
        meeting=meeting,
        title=f"{SECRET} sag om en forening",
        is_closed=True,
        case_presentation=f"<p>{SECRET}</p>",
        by=cast.secretary,
    )
    return meeting


def test_preview_shows_recipients_message_and_attachments_and_sends_nothing(login_secretary, cast):
    meeting = with_closed_item(cast)
    with time_machine.travel(at(2026, 11, 20, 10), tick=False):
        response = login_secretary.get(url(cast, meeting))
    page = response.content.decode()
    assert response.status_code == 200
    for membership in cast.members:
        assert str(membership.person) in page
    assert "ahmad@test.invalid" in page
    assert "Dagsorden: Integrationsrådet i Holbæk Kommune 10. december 2026" in page  # the subject as it is sent
    assert "1. Sprogskolens tilbud 1" in page
    assert "2. Lukket punkt" in page
    assert SECRET not in page
    assert f"https://raad.test/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/dagsorden.pdf" in page
    assert "Notat om aftenhold" in page
    assert f"moede-{meeting.pk}.ics" in page
    assert "Send indkaldelsen til 10 medlemmer" in page
    assert not OutgoingMail.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_a_post_without_confirmation_sends_nothing(login_secretary, cast, django_capture_on_commit_callbacks):
    meeting = with_closed_item(cast)
    with django_capture_on_commit_callbacks(execute=True):
        response = login_secretary.post(url(cast, meeting))
    assert response.status_code == 302 and response["Location"] == url(cast, meeting)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED
    assert not OutgoingMail.objects.exists() and django_mail.outbox == []


def test_warning_while_members_may_still_propose_items(client, cast):
    meeting = with_closed_item(cast)  # 10 December 2026; the members' deadline is 30 November, 17:00
    warning = "Medlemmernes frist for punkter er ikke udløbet"
    with time_machine.travel(at(2026, 11, 30, 16), tick=False):
        log_in_verified(client, cast.secretary)
        assert warning in client.get(url(cast, meeting)).content.decode()
    with time_machine.travel(at(2026, 11, 30, 17, 1), tick=False):
        log_in_verified(client, cast.secretary)
        page = client.get(url(cast, meeting)).content.decode()
    assert warning not in page
    assert "Send indkaldelsen til 10 medlemmer" in page  # a warning, not a block


def test_confirmed_notice_lists_items_links_papers_attaches_ics_and_speaks_english(
    client, cast, django_capture_on_commit_callbacks
):
    meeting = with_closed_item(cast)
    ahmad = cast.users["medlem"]
    user_set_language(user=ahmad, language="en", by=ahmad)
    with time_machine.travel(at(2026, 12, 1, 10), tick=False):
        log_in_verified(client, cast.secretary)
        preview = client.get(url(cast, meeting)).content.decode()
        assert "E-mailen på English" in preview and "Agenda: Integrationsrådet" in preview
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url(cast, meeting), {"confirm": "yes"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NOTICE_SENT
    assert len(django_mail.outbox) == 10
    by_address = {message.to[0]: message for message in django_mail.outbox}

    english = by_address["ahmad@test.invalid"]
    assert english.subject == "Agenda: Integrationsrådet i Holbæk Kommune 10 December 2026"
    assert english.body.startswith("Dear Ahmad")
    assert "1. Sprogskolens tilbud 1" in english.body
    assert "2. Closed item" in english.body
    danish = by_address["amina@test.invalid"]
    assert danish.body.startswith("Kære Amina")
    assert "2. Lukket punkt" in danish.body
    for message in (english, danish):
        assert SECRET not in message.body
        assert f"https://raad.test/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/dagsorden.pdf" in message.body
        attachment = meeting.items.get(position=1).attachments.get()
        assert (
            f"Notat om aftenhold https://raad.test/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/bilag/"
            f"{attachment.pk}/" in message.body
        )
        ((name, content, mimetype),) = message.attachments
        assert (name, mimetype) == (f"moede-{meeting.pk}.ics", "text/calendar")
        calendar = Calendar.from_ical(content)
        (event,) = calendar.walk("VEVENT")
        assert str(event["UID"]) == f"meeting-{meeting.pk}@raad.test"
        assert event.decoded("dtstart") == meeting.starts_at
        assert str(event["LOCATION"]) == "Holbæk Rådhus, Kanalstræde 2, 4300 Holbæk"
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
        assert SECRET not in str(event["DESCRIPTION"])
    assert "2. Closed item" in str(Calendar.from_ical(english.attachments[0][1]).walk("VEVENT")[0]["DESCRIPTION"])


def test_confirming_a_notice_already_sent_is_refused_with_the_rule(login_secretary, cast):
    meeting, *_ = published_meeting(cast)
    response = login_secretary.post(url(cast, meeting), {"confirm": "yes"})
    assert response.status_code == 400
    assert "Indkaldelsen er allerede sendt" in response.content.decode()


def test_a_member_cannot_open_the_preview(client, cast):
    meeting = with_closed_item(cast)
    client.force_login(cast.users["medlem"])
    assert client.get(url(cast, meeting)).status_code == 403
