"""The demo's content translations (issue #11): the council page in Arabic, Ukrainian and easy-read Danish,
all our drafts for a professional translator."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from raad.core import translation_desk
from raad.core.models import AuditEntry, ContentTranslation
from raad.core.translations import EASY_READ
from raad.councils import demo_translations as story
from raad.councils.models import Purpose, TermsOfReference

COUNCIL = "/raad/integrationsraadet/"


def titles(language):
    return [story.PURPOSES[number]["title"][language] for number in (1, 2, 3, 4)]


def test_the_council_page_in_arabic_shows_the_arabic_purposes(client, demo_data):
    page = client.get(f"/ar{COUNCIL}").content.decode()
    for title in titles("ar"):
        assert escape(title) in page
    assert story.COUNCIL_NAME["ar"] in page
    assert story.PURPOSES[1]["title"]["uk"] not in page


def test_the_council_page_in_ukrainian_shows_the_ukrainian_purposes(client, demo_data):
    page = client.get(f"/uk{COUNCIL}").content.decode()
    for title in titles("uk"):
        assert escape(title) in page
    assert story.TERMS["limits"]["uk"] in page


def test_easy_read_toggled_shows_the_easy_read_limits(client, demo_data):
    easy = story.TERMS["limits"][EASY_READ]
    page = client.get(COUNCIL).content.decode()
    assert "Integrationsrådet kan ikke behandle enkeltsager." in page and escape(easy) not in page
    client.post(reverse("core:easy_read"), {"let_dansk": "1", "next": COUNCIL})
    page = client.get(COUNCIL).content.decode()
    assert escape(easy) in page
    assert escape(titles(EASY_READ)[0]) in page


def test_the_translation_desk_counts_them_as_drafts(demo_data):
    council = demo_data["council"]
    terms = TermsOfReference.objects.get(council=council)
    for language in ("ar", "uk", EASY_READ):
        found = translation_desk.items(council, [language])
        rows = {(row.entry.model, row.field): row.counts for row in translation_desk.summary(found, [language])}
        # Four purpose titles, two descriptions (purposes 1 and 2 have none), the three kommissorium texts.
        assert rows[(Purpose, "title")].get(translation_desk.DRAFT) == 4
        assert rows[(Purpose, "description")].get(translation_desk.DRAFT) == 2
        for field in ("introduction", "tasks_introduction", "limits"):
            assert rows[(TermsOfReference, field)].get(translation_desk.DRAFT) == 1
    ours = ContentTranslation.objects.filter(language__in=["ar", "uk", EASY_READ], object_id=str(terms.pk))
    assert set(ours.values_list("status", flat=True)) == {"draft"}


def test_a_second_load_changes_nothing(demo_data):
    before = list(ContentTranslation.objects.order_by("pk").values())
    journalled = AuditEntry.objects.filter(verb="translation.saved").count()
    call_command("load_demo", stdout=io.StringIO())
    assert list(ContentTranslation.objects.order_by("pk").values()) == before
    assert AuditEntry.objects.filter(verb="translation.saved").count() == journalled
