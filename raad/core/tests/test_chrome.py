"""The smaller chrome fixes of issue #10: one "(valgfri)" per field, an error summary that lists the real errors
(or does not appear), a header without "Log af" before the one-time code, the contact block once on the contact
page, and the README's demo_code command that works as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from raad.membership.forms import ConfirmForm

ROOT = Path(__file__).resolve().parents[3]


def test_optional_fields_say_valgfri_once():
    html = "".join(render_to_string("includes/field.html", {"field": field}) for field in ConfirmForm())
    assert "Kort præsentation <span" in html and "Foto <span" in html
    assert "(valgfri)" in html
    assert "valgfri) <span" not in html and "(valgfrit)" not in html
    labels = re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    assert all(label.count("valgfri") <= 1 for label in labels), labels


class _Form(forms.Form):
    name = forms.CharField(label="Navn")
    token = forms.CharField(widget=forms.HiddenInput)


def test_error_summary_lists_every_error_or_is_left_out():
    form = _Form(data={"name": ""})
    form.is_valid()
    form.add_error(None, "Fristen er udløbet.")
    del form.fields["token"]  # an error on a field the page does not show must still be listed
    html = render_to_string("includes/form_errors.html", {"form": form})
    items = re.findall(r"<li>(.*?)</li>", html)
    assert items == [
        '<a href="#id_name">Navn: Dette felt er påkrævet.</a>',
        "Dette felt er påkrævet.",
        "Fristen er udløbet.",
    ]

    valid = _Form(data={"name": "Amina", "token": "x"})
    valid.is_valid()
    assert "alert" not in render_to_string("includes/form_errors.html", {"form": valid})


@pytest.mark.django_db
def test_rule_alert_is_left_out_when_it_has_nothing_to_say(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    request.resolver_match = None
    html = render_to_string("base.html", {"errors": ["", "  "]}, request=request)
    assert "Det kunne ikke lade sig gøre" not in html
    html = render_to_string("base.html", {"errors": ["Mødet er aflyst."]}, request=request)
    assert re.search(r"<ul class=\"alert-text\"><li>Mødet er aflyst.</li></ul>", html)


@pytest.mark.django_db
def test_header_before_the_one_time_code_has_no_workspace_and_no_log_af(client, cast):
    client.force_login(cast.secretary)  # password given, second factor not yet
    for url in (reverse("core:otp_setup"), reverse("core:otp_verify")):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        header = response.content.decode().split("</header>", 1)[0]
        assert "Log af" not in header
        assert "Arbejdsrum" not in header
        assert "Afbryd log ind" in header


@pytest.mark.django_db
def test_contact_block_once_on_the_contact_page(client, holbaek):
    response = client.get(reverse("portal:contact", args=[holbaek.slug]))
    html = response.content.decode()
    assert html.count(f">{holbaek.contact_email}<") == 1
    if holbaek.contact_phone:
        assert html.count(holbaek.contact_phone) == 1
    if holbaek.contact_address:
        assert html.count(holbaek.contact_address.splitlines()[-1]) == 1
    # Elsewhere the footer still carries it.
    home = client.get(reverse("portal:council", args=[holbaek.slug])).content.decode()
    assert f">{holbaek.contact_email}<" in home.split("<footer>", 1)[1]


def test_readme_demo_code_command_works_as_written(tmp_path):
    [command] = [line for line in (ROOT / "README.md").read_text().splitlines() if "manage.py demo_code" in line]
    # As a reader's shell would have it: no test settings, no test database (the PostgreSQL run sets one).
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "RAAD_TEST_DB"}
    }
    env["RAAD_VAR_DIR"] = str(tmp_path)
    python = str(Path(sys.executable))
    run = subprocess.run(
        ["bash", "-c", command.replace(".venv/bin/python", python)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # The settings load (no "SECRET_KEY must be set"); on an empty database the command reaches the query.
    assert "ImproperlyConfigured" not in run.stderr, run.stderr[-500:]
    assert "no such table" in run.stderr or "has no authenticator" in run.stderr, run.stderr[-500:]
