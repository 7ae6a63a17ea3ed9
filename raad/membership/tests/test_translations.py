"""English is complete for membership: every catalogue string translated, the catalogue compiled, and the
public nomination form in English when asked for."""

import datetime

import pytest
from django.utils import timezone

from raad.councils.selectors import council_by_slug, current_term
from raad.membership import links, services
from raad.membership.models import Seat
from raad.testing import catalogues


def test_every_membership_string_has_an_english_translation():
    catalogues.assert_english_complete("membership")


def test_membership_catalogue_is_compiled():
    catalogues.assert_compiled("membership")


@pytest.mark.django_db
def test_the_nomination_form_in_english(client, demo_data):
    council = council_by_slug("integrationsraadet")
    seat = Seat.objects.get(council=council, number=5)
    call = services.nomination_call_open(
        council=council,
        term=current_term(council),
        title="Plads 5",
        deadline=timezone.now() + datetime.timedelta(days=3),
        by=None,
    )
    token = links.nominate_token(call_id=call.pk, body_id=seat.nominating_body_id)
    page = client.get(f"/en/indstilling/{token}/").content.decode()
    assert "Nominate a candidate" in page and "The candidate must live in the municipality." in page
    assert "Indstilling af kandidat" not in page
