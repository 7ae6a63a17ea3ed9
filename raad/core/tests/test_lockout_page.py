"""The lockout page says what django-axes does: logins for this user name from this address are paused for the
configured number of minutes (AXES_COOLOFF_MINUTES), in Danish and English; and the pause is logged."""

import logging

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from raad.testing.cast import make_council, make_secretary

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"


def lock_out(client, language="da"):
    make_secretary(make_council())
    with translation.override(language):
        url = reverse("core:login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(url, {"username": "sekretariat", "password": "forkert"}, REMOTE_ADDR=ADDRESS)
    return response


def test_the_page_says_this_user_name_from_this_address_is_paused_for_the_configured_minutes(client, caplog):
    with caplog.at_level(logging.WARNING, logger="raad.security"):
        response = lock_out(client)
    page = response.content.decode()
    assert response.status_code == 429
    assert "<h1>Log-ind er sat på pause</h1>" in page
    assert "Log-ind med dette brugernavn fra denne adresse er sat på pause i 15 minutter." in page
    assert "Fra andre adresser kan der logges ind som normalt." in page
    assert "Kontoen er midlertidigt spærret" not in page
    assert [r.getMessage() for r in caplog.records if r.name == "raad.security"] == [
        f"Login paused for 15 minutes: user name 'sekretariat' from address {ADDRESS} (too many wrong passwords)."
    ]


@override_settings(AXES_COOLOFF_TIME=1 / 60)
def test_the_minutes_follow_the_setting_and_read_in_english(client):
    response = lock_out(client, language="en")
    page = response.content.decode()
    assert response.status_code == 429
    assert "<h1>Login is paused</h1>" in page
    assert "Logins with this user name from this address are paused for 1 minute." in page
