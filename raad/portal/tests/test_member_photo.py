"""A member's photo is public only with consent, only while they sit, and never by its storage path."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from raad.membership.models import Person

pytestmark = pytest.mark.django_db
SLUG = "integrationsraadet"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (0, 73, 147)).save(buffer, format="PNG")
    return buffer.getvalue()


def _give_photo(first_name: str, *, consent: bool) -> Person:
    person = Person.objects.get(first_name=first_name, last_name__isnull=False, memberships__isnull=False)
    person.photo.save(f"{first_name.lower()}.png", ContentFile(_png()), save=False)
    person.publish_photo = consent
    person.save(update_fields=["photo", "publish_photo"])
    return person


def test_consented_photo_is_shown_and_served(client, demo_data):
    amina = _give_photo("Amina", consent=True)
    url = reverse("portal:member_photo", args=[SLUG, amina.pk])
    page = client.get(reverse("portal:members", args=[SLUG])).content.decode()
    assert f'src="{url}" alt="Foto af Amina Yusuf"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == _png()


def test_photo_without_consent_is_neither_shown_nor_served(client, demo_data, settings):
    lars = _give_photo("Lars", consent=False)
    page = client.get(reverse("portal:members", args=[SLUG])).content.decode()
    assert "Foto af Lars Nielsen" not in page
    assert client.get(reverse("portal:member_photo", args=[SLUG, lars.pk])).status_code == 404
    # Uploaded files are not published under MEDIA_URL at all.
    assert client.get(settings.MEDIA_URL + lars.photo.name).status_code == 404


def test_an_id_too_large_for_the_database_is_not_found(client, demo_data):
    """A 20-digit id overflowed SQLite's integer and gave a server error instead of 404."""
    response = client.get(reverse("portal:member_photo", args=[SLUG, 99999999999999999999]))
    assert response.status_code == 404
