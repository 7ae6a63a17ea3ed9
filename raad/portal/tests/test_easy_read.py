"""Easy-read Danish (let dansk) on the public side: the toggle on the council page and the front page, kept in
the session, makes `translations.localized` show the easy-read text (docs/translations.md)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from raad.core import translations
from raad.core.translations import EASY_READ
from raad.councils.models import TermsOfReference
from raad.testing.cast import make_council

pytestmark = pytest.mark.django_db

EASY = "Rådet hjælper kommunen. Rådet taler med borgerne."


@pytest.fixture
def terms():
    """The kommissorium's introduction registered as translatable (as the councils app does once its texts
    live in ContentTranslation), with an easy-read version."""
    saved = translations._REGISTRY.get(TermsOfReference)
    if saved is None or "introduction" not in saved.fields:
        translations.register(TermsOfReference, ["introduction"])
    council = make_council()
    terms = TermsOfReference.objects.get(council=council)
    yield terms
    if saved is None:
        translations._REGISTRY.pop(TermsOfReference, None)
    else:
        translations._REGISTRY[TermsOfReference] = saved


def with_easy_read(terms):
    translations.translation_set(obj=terms, field="introduction", language=EASY_READ, text=EASY, status="reviewed")


def toggle(client, on: bool, next_url: str):
    return client.post(reverse("core:easy_read"), {"let_dansk": "1" if on else "0", "next": next_url})


def test_the_toggle_shows_the_easy_read_text_on_the_council_page_and_back(client, terms):
    with_easy_read(terms)
    url = reverse("portal:council", args=[terms.council.slug])
    html = client.get(url).content.decode()
    assert terms.introduction.split("\n\n")[0].strip()[:60] in html
    assert EASY not in html
    assert ">Let dansk</a>" in html and "Teksterne på siden findes også på let dansk." in html

    response = toggle(client, True, url)
    assert response.status_code == 302 and response["Location"] == url
    html = client.get(url).content.decode()
    assert f'<p class="font-lead">{EASY}</p>' in html
    assert ">Almindeligt dansk</a>" in html and "Du læser teksterne på let dansk." in html
    assert translations.easy_read_requested() is False  # the middleware reset it after the request

    toggle(client, False, url)
    html = client.get(url).content.decode()
    assert EASY not in html and ">Let dansk</a>" in html


def test_the_front_page_offers_it_too(client, terms):
    with_easy_read(terms)
    assert ">Let dansk</a>" in client.get(reverse("portal:home")).content.decode()
    toggle(client, True, "/")
    assert f'<p class="font-lead">{EASY}</p>' in client.get(reverse("portal:home")).content.decode()


def test_no_toggle_without_easy_read_content_nor_on_an_english_page(client, terms):
    url = reverse("portal:council", args=[terms.council.slug])
    assert "Let dansk" not in client.get(url).content.decode()
    with_easy_read(terms)
    assert "Easy-read" not in client.get("/en" + url).content.decode()
    assert "Let dansk" not in client.get("/en" + url).content.decode()


def test_works_with_a_plain_link_and_never_redirects_off_the_site(client, terms):
    with_easy_read(terms)
    response = client.get(reverse("core:easy_read"), {"let_dansk": "1", "next": "https://example.com/"})
    assert response["Location"] == reverse("portal:home")
    assert client.session["raad_easy_read"] is True
