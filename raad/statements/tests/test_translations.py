"""English for this app: every catalogue string translated, placeholders kept, and English pages in English."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from raad.testing.catalogues import entries as _entries

# The cast's term and meetings are those of the demo story (2026): on the demo day, whatever today is.
pytestmark = pytest.mark.usefixtures("on_the_demo_day")

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def test_every_string_is_translated_with_the_same_placeholders():
    entries = [e for e in _entries(CATALOGUE) if e["msgid"] and not e["obsolete"]]
    assert len(entries) > 300
    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        for text in entry["msgstr"].values():
            assert text, entry["msgid"]
            assert (
                sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(entry["msgid"]))
                or entry["msgid_plural"]
            ), entry["msgid"]


def test_english_archive_and_statement_page(client, demo_data):
    from raad.statements.models import Statement

    page = client.get("/en" + reverse("statements:public_archive", args=["integrationsraadet"])).content.decode()
    assert "Consultation responses and statements" in page and "5 statements" in page
    assert "Høringssvar og udtalelser" not in page
    statement = Statement.objects.get(title="Høringssvar om Integrationspolitik 2027–2030")
    response = client.get(f"/en/raad/integrationsraadet/hoeringssvar/{statement.pk}/")
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    assert "Response on the integration policy 2027–2030" in page
    assert "What happened next?" in page and "The municipal board adopted the integration policy 2027–2030." in page


def test_no_obsolete_entries_strings_in_code_are_all_extracted():
    # An obsolete (#~) entry means a string left the code or is no longer marked for extraction.
    assert not [e["msgid"] for e in _entries(CATALOGUE) if e["obsolete"]]
