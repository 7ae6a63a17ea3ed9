"""Every public output of a meeting with open and closed items: closed text never appears (R20)."""

import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from raad.meetings import selectors
from raad.meetings.models import Attachment

from .factories import SECRET, published_meeting


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages) + str(reader.metadata)


@pytest.fixture
def published(cast):
    return published_meeting(cast)


def public_urls(council, meeting, open_attachment):
    slug, pk = council.slug, meeting.pk
    for prefix in ("", "/en"):
        yield f"{prefix}/raad/{slug}/moeder/"
        yield f"{prefix}/raad/{slug}/moeder/?aar=2026"
        yield f"{prefix}/raad/{slug}/moeder/{pk}/"
        yield f"{prefix}/raad/{slug}/moeder/kalender/"
        yield f"{prefix}/raad/{slug}/moeder/kalender.ics"
        yield f"{prefix}/raad/{slug}/moeder/{pk}/dagsorden.pdf"
        yield f"{prefix}/raad/{slug}/moeder/{pk}/referat.pdf"
        yield f"{prefix}/raad/{slug}/moeder/{pk}/bilag/{open_attachment.pk}/"
        yield f"{prefix}/raad/{slug}/"
        yield f"{prefix}/"


def test_no_public_output_contains_closed_text(client, cast, published):
    meeting, open_item, closed_item = published
    open_attachment = Attachment.objects.get(item=open_item, is_closed=False)
    seen = 0
    for url in public_urls(cast.council, meeting, open_attachment):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response["Content-Type"] == "application/pdf":
            text = pdf_text(body)
            assert text.strip(), url
        elif response["Content-Type"].startswith("text/calendar"):
            text = body.decode()
            assert Calendar.from_ical(body).walk("VEVENT"), url
        else:
            text = body.decode()
        assert SECRET not in text, url
        assert SECRET.lower() not in text.lower(), url
        seen += 1
    assert seen == 20
    # The open content is there: proof that the checks look at real output.
    page = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert "Beskæftigelse for nyankomne" in page and "Rådet anbefaler flere praktikpladser." in page
    assert page.count("Lukket punkt") == 2  # in the minutes and in the agenda, number only
    minutes_pdf = pdf_text(client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/referat.pdf").content)
    assert "Rådet anbefaler flere praktikpladser." in minutes_pdf and "Lukket punkt" in minutes_pdf


def test_closed_attachments_are_not_served_publicly(client, cast, published):
    meeting, open_item, closed_item = published
    for attachment in Attachment.objects.filter(is_closed=True) | Attachment.objects.filter(item=closed_item):
        response = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/bilag/{attachment.pk}/")
        assert response.status_code == 404
        assert SECRET not in response.content.decode()


def test_public_pdfs_are_tagged_pdf_ua(client, cast, published):
    meeting, *_ = published
    for name in ("dagsorden.pdf", "referat.pdf"):
        data = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/{name}").content
        reader = PdfReader(io.BytesIO(data))
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert str(root["/Lang"]).startswith("da")
        assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()  # PDF/UA-1 identification


def test_public_ical_has_dates_only(client, cast, published):
    meeting, *_ = published
    calendar = Calendar.from_ical(client.get(f"/raad/{cast.council.slug}/moeder/kalender.ics").content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == meeting.starts_at
    assert "LOCATION" not in event and "DESCRIPTION" not in event


def test_agenda_not_public_before_notice_and_minutes_not_before_publication(client, cast):
    from .factories import meeting_with_items

    meeting = meeting_with_items(cast)
    page = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert "Sprogskolens tilbud" not in page
    assert client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/dagsorden.pdf").status_code == 404
    assert client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/referat.pdf").status_code == 404


def test_unpublish_hides_but_keeps_everything(client, cast, published):
    from raad.meetings import services
    from raad.meetings.models import Minutes, MinutesVersion

    meeting, *_ = published
    minutes = Minutes.objects.get(meeting=meeting)
    services.minutes_unpublish(minutes=minutes, by=cast.secretary)
    assert selectors.public_minutes(meeting) is None
    assert client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/referat.pdf").status_code == 404
    assert (
        "Rådet anbefaler flere praktikpladser."
        not in client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    )
    assert MinutesVersion.objects.filter(minutes=minutes).count() == 1
    services.minutes_publish(minutes=minutes, by=cast.secretary)
    assert selectors.public_minutes(meeting) is not None
