"""The secretariat keeps the seat catalogue: adds seats and changes who nominates for a seat."""

import pytest
from django.urls import reverse

from raad.core.models import AuditEntry
from raad.membership.models import NominatingBody, Seat
from raad.testing import assert_unchanged

from .test_views import SLUG, login

pytestmark = pytest.mark.django_db


def test_secretariat_adds_a_direct_seat(client, demo_data):
    login(client, "sekretariat")
    response = client.post(reverse("membership:seat_create", args=[SLUG]), {"number": "16", "kind": "direct"})
    assert response.status_code == 302
    seat = Seat.objects.get(council__slug=SLUG, number=16)
    assert (seat.kind, seat.nominating_body) == ("direct", None)
    assert AuditEntry.objects.filter(verb="seat.created", target_id=str(seat.pk)).exists()
    assert "Plads 16 er oprettet." in client.get(reverse("membership:seats", args=[SLUG])).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"number": "3", "kind": "direct"}, "Plads 3 findes allerede."),
        (
            {"number": "17", "kind": "nominated"},
            "En plads efter indstilling skal have en indstillingsberettiget organisation (forretningsorden § 1, stk. 2).",
        ),
    ],
)
def test_a_refused_seat_keeps_what_was_typed_and_writes_nothing(client, demo_data, data, message):
    login(client, "sekretariat")
    with assert_unchanged():
        response = client.post(reverse("membership:seat_create", args=[SLUG]), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert message in content
    assert f'value="{data["number"]}"' in content


def test_secretariat_changes_the_nominating_body_of_a_seat(client, demo_data):
    login(client, "sekretariat")
    body = NominatingBody.objects.get(council__slug=SLUG, name="Røde Kors Holbæk")
    response = client.post(reverse("membership:seat_body", args=[SLUG, 1]), {"nominating_body": str(body.pk)})
    assert response.status_code == 302
    assert Seat.objects.get(council__slug=SLUG, number=1).nominating_body == body
    entry = AuditEntry.objects.filter(verb="seat.nominating_body_changed").get()
    assert entry.changes["nominating_body"]["after"] == "Røde Kors Holbæk"
    refused = client.post(reverse("membership:seat_body", args=[SLUG, 1]), {"nominating_body": ""})
    assert refused.status_code == 400
    assert "En plads efter indstilling skal have en indstillingsberettiget organisation." in refused.content.decode()


@pytest.mark.parametrize("url_name", ["seat_create"])
def test_members_cannot_change_seats(client, demo_data, url_name):
    login(client, "medlem")
    assert (
        client.post(reverse(f"membership:{url_name}", args=[SLUG]), {"number": "16", "kind": "direct"}).status_code
        == 403
    )
    assert client.post(reverse("membership:seat_body", args=[SLUG, 1]), {"nominating_body": ""}).status_code == 403
    assert not Seat.objects.filter(council__slug=SLUG, number=16).exists()
