"""The meetings catalogue is complete, and the English public meeting pages are in English."""

import re
from pathlib import Path

from raad.portal.tests.test_translations import _entries

from .factories import published_meeting

PO = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def test_every_meetings_string_has_an_english_translation():
    entries = [e for e in _entries(PO) if e["msgid"] and not e["obsolete"]]
    assert len(entries) > 300
    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        assert entry["msgstr"].get(0), entry["msgid"]
        assert sorted(PLACEHOLDER.findall(entry["msgid"])) == sorted(PLACEHOLDER.findall(entry["msgstr"][0])), entry[
            "msgid"
        ]


def test_english_public_meeting_page(client, cast):
    meeting, *_ = published_meeting(cast)
    page = client.get(f"/en/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert "<h2>Minutes</h2>" in page and "<h2>Agenda</h2>" in page and "Closed item" in page
    assert "Dagsorden" not in page and "Lukket punkt" not in page
    listing = client.get(f"/en/raad/{cast.council.slug}/moeder/?aar=2026").content.decode()
    assert "Meetings 2026" in listing
