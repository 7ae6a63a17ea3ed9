"""The admin demands the same second factor as the workspace, shows no device secret, and is read-only."""

import base64

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from raad.core.models import User
from raad.testing import assert_unchanged
from raad.testing.cast import PASSWORD, log_in_verified, make_council, make_secretary, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    user = make_user("drift", "Dorte", "Drift")
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    user.refresh_from_db()
    return user


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="Telefon", confirmed=True)


def test_a_password_alone_does_not_open_the_admin(client, staff, device):
    response = client.post(reverse("core:login"), {"username": "drift", "password": PASSWORD})
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('core:otp_verify')}?next=/admin/"
    page = client.get(response["Location"])
    assert "Engangskode" in page.content.decode()
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 302


def test_an_anonymous_visitor_is_sent_to_the_workspace_log_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('core:login')}?next=/admin/"


def test_a_verified_staff_user_reads_the_admin_pages(client, staff, device):
    log_in_verified(client, staff)
    index = client.get("/admin/")
    assert index.status_code == 200
    for url in (
        "/admin/core/auditentry/",
        "/admin/core/user/",
        f"/admin/core/user/{staff.pk}/change/",
        "/admin/auth/group/",
        "/admin/otp_totp/totpdevice/",
        f"/admin/otp_totp/totpdevice/{device.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url


def test_the_device_page_shows_no_secret(client, staff, device):
    secretary = make_secretary(make_council())
    secret_device = TOTPDevice.objects.create(user=secretary, name="Camillas telefon", confirmed=True)
    log_in_verified(client, staff)
    secrets = [secret_device.key, base64.b32encode(secret_device.bin_key).decode().rstrip("=")]
    for url in (
        "/admin/otp_totp/totpdevice/",
        f"/admin/otp_totp/totpdevice/{secret_device.pk}/change/",
        f"/admin/core/user/{secretary.pk}/change/",
    ):
        page = client.get(url).content.decode()
        assert "Camilla" in page or "Camillas telefon" in page, url
        for secret in secrets:
            assert secret not in page, url
        assert "pbkdf2" not in page and secretary.password not in page, url
    assert client.get(f"/admin/otp_totp/totpdevice/{secret_device.pk}/config/").status_code == 403
    assert client.get(f"/admin/otp_totp/totpdevice/{secret_device.pk}/qrcode/").status_code == 403


def test_every_admin_page_is_read_only(client, staff, device):
    group = Group.objects.create(name="Redaktører")
    log_in_verified(client, staff)
    page = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    with assert_unchanged():
        for url, data in (
            (f"/admin/otp_totp/totpdevice/{device.pk}/change/", {"name": "Ændret", "user": staff.pk, "key": "00"}),
            (f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"}),
            ("/admin/otp_totp/totpdevice/add/", {"name": "Ny", "user": staff.pk}),
            (f"/admin/auth/group/{group.pk}/change/", {"name": "Administratorer"}),
            (f"/admin/auth/group/{group.pk}/delete/", {"post": "yes"}),
            ("/admin/auth/group/add/", {"name": "Ny gruppe"}),
            (f"/admin/core/user/{staff.pk}/change/", {"username": "ny", "is_superuser": "on"}),
            (f"/admin/core/user/{staff.pk}/password/", {"password1": "x" * 12, "password2": "x" * 12}),
        ):
            assert client.post(url, data).status_code == 403, url
    assert 'href="/admin/auth/group/add/"' not in client.get("/admin/auth/group/").content.decode()
