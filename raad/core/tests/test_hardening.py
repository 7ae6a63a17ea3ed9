"""Small hardening: unknown methods, the two-factor set-up page, refused requests in the log."""

import logging

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from raad.testing import assert_unchanged
from raad.testing.cast import PASSWORD, make_council, make_secretary, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"])
@pytest.mark.parametrize("url", ["/", "/konto/log-ind/", "/findes-ikke/"])
def test_methods_other_than_get_head_and_post_answer_405(client, method, url):
    response = client.generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert response.content == b""


def test_opening_the_two_factor_set_up_writes_nothing_until_a_code_confirms_it(client):
    secretary = make_secretary(make_council())
    client.post(reverse("core:login"), {"username": "sekretariat", "password": PASSWORD})
    with assert_unchanged():
        first = client.get(reverse("core:otp_setup"))
        again = client.get(reverse("core:otp_setup"))
        wrong = client.post(reverse("core:otp_setup"), {"token": "000000"})
    assert first.status_code == again.status_code == 200
    assert first.context["secret"] == again.context["secret"] == wrong.context["secret"]  # one secret, in the session
    assert wrong.status_code == 400
    assert "Koden passer ikke" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=secretary).exists()


def test_a_refused_request_logs_one_line_without_a_traceback(client, caplog):
    council = make_council()
    client.force_login(make_user("borger", "Mariam", "Khalil"))
    url = reverse("secretariat:council", args=[council.slug])
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get(url).status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert [(r.levelname, r.getMessage(), r.exc_info) for r in records] == [
        ("WARNING", f"Forbidden (Permission denied): {url}", None)
    ]
    assert "Traceback" not in caplog.text
