"""While the database cannot be reached, every request gets the 503 page (or JSON under /api/), never a 500, and
the site answers again as soon as the database does. The real outage (PostgreSQL stopped under load, gunicorn
recovering without a restart) is `raad/core/tests/test_load.py`; here the database driver refuses."""

from __future__ import annotations

import contextlib
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

pytestmark = pytest.mark.django_db


@contextlib.contextmanager
def database_down():
    def refuse(*args, **kwargs):
        raise OperationalError('connection to server on socket "/tmp/.s.PGSQL.5432" failed: No such file')

    with (
        mock.patch.object(CursorWrapper, "execute", refuse),
        mock.patch.object(CursorWrapper, "executemany", refuse),
    ):
        yield


def test_pages_say_the_service_is_unavailable_in_the_readers_language(holbaek):
    client = Client(raise_request_exception=False)
    with database_down():
        danish = client.get(f"/raad/{holbaek.slug}/")
        english = client.get(f"/en/raad/{holbaek.slug}/moeder/")
        api = client.get(f"/api/councils/{holbaek.slug}")
    assert danish.status_code == 503 and danish["Retry-After"] == "30" and danish["Cache-Control"] == "no-store"
    page = danish.content.decode()
    assert '<html lang="da">' in page and "<h1>Tjenesten er midlertidigt utilgængelig</h1>" in page
    assert "Prøv igen om lidt." in page
    assert english.status_code == 503
    assert "<h1>The service is temporarily unavailable</h1>" in english.content.decode()
    assert api.status_code == 503 and api["Retry-After"] == "30"
    assert api.json() == {
        "error": "Service temporarily unavailable: the database cannot be reached. Try again shortly."
    }
    assert client.get(f"/raad/{holbaek.slug}/").status_code == 200  # back by itself


def test_a_signed_in_request_and_a_form_post_get_the_503_page_too(cast):
    """The session, the user and the messages are read from the database by middleware, outside the view."""
    client = Client(raise_request_exception=False)
    client.force_login(cast.users["medlem"])
    with database_down():
        workspace = client.get(f"/arbejdsrum/{cast.council.slug}/")
        inquiry = client.post(f"/raad/{cast.council.slug}/skriv/", {"kind": "question", "text": "Hej"})
    assert workspace.status_code == 503 and "Tjenesten er midlertidigt utilgængelig" in workspace.content.decode()
    assert inquiry.status_code == 503
    assert client.get(f"/arbejdsrum/{cast.council.slug}/").status_code == 200


@pytest.mark.browser
def test_the_unavailable_page_is_accessible_in_both_languages_on_desktop_and_at_320(
    page, live_server, assert_accessible
):
    """The 503 page as Chromium shows it (the real answer of the middleware, with its stylesheet from the live
    server): axe finds nothing in Danish or English, at 1280 and 320 px, and it reads as it should."""
    from django.test import RequestFactory

    from raad.core.middleware import database_unavailable

    for prefix, heading in (
        ("", "Tjenesten er midlertidigt utilgængelig"),
        ("/en", "The service is temporarily unavailable"),
    ):
        answer = database_unavailable(RequestFactory().get(f"{prefix}/raad/"))
        page.route(f"{live_server.url}/nede/", _fulfil_with(answer.content))
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{live_server.url}/nede/")
            assert page.locator("h1").inner_text() == heading
            assert_accessible(page)
        page.unroute(f"{live_server.url}/nede/")


def _fulfil_with(body: bytes):
    def handler(route):  # one parameter: Playwright passes (route, request) to a handler that takes two
        route.fulfill(status=503, body=body, content_type="text/html; charset=utf-8")

    return handler
