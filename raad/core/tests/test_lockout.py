"""Wrong passwords lock the user name from that address only: nobody can lock the secretariat out from afar."""

import logging

import pytest
from django.conf import settings
from django.urls import reverse

from raad.testing.cast import PASSWORD, make_council, make_secretary

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"
SECRETARIAT_OFFICE = "198.51.100.20"


def test_wrong_passwords_from_one_address_do_not_lock_the_account_out_elsewhere(client, caplog):
    make_secretary(make_council())
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            client.post(
                reverse("core:login"), {"username": "sekretariat", "password": "forkert-kode"}, REMOTE_ADDR=ATTACKER
            )
    locked = client.post(reverse("core:login"), {"username": "sekretariat", "password": PASSWORD}, REMOTE_ADDR=ATTACKER)
    assert locked.status_code == 429
    assert "Log-ind er sat på pause" in locked.content.decode()
    assert sorted({r.getMessage() for r in caplog.records if "Locking out" in r.getMessage()}) == [
        f'AXES: Locking out {{username: "sekretariat", ip_address: "{ATTACKER}", '
        'path_info: "/konto/log-ind/"} after repeated login failures.'
    ]

    office = client.post(
        reverse("core:login"), {"username": "sekretariat", "password": PASSWORD}, REMOTE_ADDR=SECRETARIAT_OFFICE
    )
    assert office.status_code == 302
    assert office["Location"].startswith(reverse("core:otp_setup"))
