"""The demo's rooms and associations (raad/councils/demo_rooms.py, raad/community/demo_associations.py)."""

import pytest

from raad.community.models import Association
from raad.councils.models import Room
from raad.meetings.models import Meeting

pytestmark = pytest.mark.django_db


def test_the_demo_meetings_are_in_a_room_and_the_directory_has_associations(demo_data, client):
    council = demo_data["council"]
    assert set(Room.objects.values_list("name", flat=True)) >= {
        "Holbæk Rådhus, mødelokale 1",
        "Holbæk Bibliotek, salen",
        "Medborgerhuset Holbæk Øst",
    }
    meetings = Meeting.objects.filter(council=council)
    assert meetings.exists() and not meetings.filter(room__isnull=True).exists()
    assert set(meetings.values_list("room__name", flat=True)) == {"Holbæk Rådhus, mødelokale 1"}
    assert Association.objects.filter(council=council, status="listed").count() >= 5
    assert Association.objects.filter(council=council, status="pending").count() == 1
    page = client.get(f"/raad/{council.slug}/foreninger/").content.decode()
    assert "Ukrainsk Forening i Holbæk" in page and "Afghansk Kulturforening" not in page
    meeting = meetings.order_by("-starts_at").first()
    page = client.get(meeting.get_public_url()).content.decode()
    assert "Holbæk Rådhus, mødelokale 1, Kanalstræde 2, 4300 Holbæk" in page and "Teleslynge" in page
