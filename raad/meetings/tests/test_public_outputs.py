"""A meeting's public outputs: PDF/UA, iCal dates only, what is public when (R20). That no public output
contains closed text is checked by the shared leak test with this app's registration (tests/public_outputs.py)."""

import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from raad.meetings import selectors
from raad.meetings.models import Meeting

from .conftest import at
from .factories import SECRET, published_meeting


@pytest.fixture
def published(cast):
    return published_meeting(cast)


def test_the_closed_item_is_shown_by_its_number_only(client, cast, published):
    # Every public URL of the meeting is fetched and searched for the closed text by the shared leak test
    # (raad/testing/tests/test_public_outputs.py, registration in tests/public_outputs.py).
    meeting, *_ = published
    page = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert page.count("Lukket punkt") == 2  # in the minutes and in the agenda, number only
    assert SECRET not in page


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


def test_public_ical_has_what_the_public_page_shows_and_no_agenda(client, cast, published, whole_public_feed):
    meeting, *_ = published
    data = client.get(f"/raad/{cast.council.slug}/moeder/kalender.ics").content
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == meeting.starts_at
    assert str(event["LOCATION"]) == ", ".join(p for p in (meeting.place, meeting.address) if p)
    assert str(event["DESCRIPTION"]).startswith(f"https://raad.test/raad/{cast.council.slug}/moeder/{meeting.pk}/")
    assert "HEMMELIGT" not in str(event["DESCRIPTION"])  # no agenda text in the public feed


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


def test_a_meeting_before_any_rules_in_force_shows_its_page_without_saying_whether_the_public_may_attend(client, cast):
    # The council's first rules of procedure came into force on 1 July 2022; nothing says who may attend before.
    meeting = Meeting.objects.create(council=cast.council, starts_at=at(2022, 1, 10), place="Holbæk Rådhus")
    response = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/")
    assert response.status_code == 200
    assert "Tilhørere" not in response.content.decode()
