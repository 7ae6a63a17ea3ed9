"""The meetings catalogue is complete, and the English public meeting pages are in English."""

import re
from pathlib import Path

from raad.testing.catalogues import entries as _entries

from .conftest import at
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


def test_meeting_times_are_written_in_the_page_language(client, cast):
    """Thursday 10 December 2026 at 17:00: English pages had the Danish "10. December 2026, kl. 17.00"."""
    meeting, *_ = published_meeting(cast)
    english = client.get(f"/en/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert "Thursday 10 December 2026, 17:00" in english
    assert "kl." not in english and "10. December" not in english
    listing = client.get(f"/en/raad/{cast.council.slug}/moeder/?aar=2026").content.decode()
    assert "Thursday 10 December 2026</a>" in listing and "at 17:00" in listing
    danish = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert "torsdag 10. december 2026, kl. 17.00" in danish
    danish_listing = client.get(f"/raad/{cast.council.slug}/moeder/?aar=2026").content.decode()
    assert "torsdag 10. december 2026</a>" in danish_listing and "kl. 17.00" in danish_listing


def test_an_items_proposed_decision_is_not_called_a_nomination(client, cast):
    """ "Indstilling" means a proposed decision on an agenda and a nomination in membership; the English
    agenda said "Nomination:" because the membership catalogue won."""
    meeting, *_ = published_meeting(cast)
    english = client.get(f"/en/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert (
        '<strong>Proposed decision:</strong> <span lang="da">Rådet anbefaler flere virksomhedspraktikker.</span>'
        in english
    )
    assert "Nomination" not in english
    danish = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert "<strong>Indstilling:</strong> <span>Rådet anbefaler flere virksomhedspraktikker.</span>" in danish


def test_english_workspace_meeting_names_the_council_and_purposes_in_english(client, cast):
    from django.utils.html import escape

    from raad.meetings import services
    from raad.testing.cast import log_in_verified

    purpose = cast.council.terms_of_reference.purposes.get(number=1)
    meeting = services.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), place="Rådhuset", by=None)
    services.item_add(meeting=meeting, title="Sprogcafé", purposes=[purpose], by=cast.secretary)
    log_in_verified(client, cast.secretary)
    page = client.get(f"/en/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    from raad.core.translations import translated

    assert f"Purpose: 1. {escape(translated(purpose, 'title', 'en'))}</p>" in page
    assert purpose.title not in page
    assert ">Holbæk Municipality Integration Council</a>" in page  # the breadcrumb
    assert ">Integrationsrådet i Holbæk Kommune</a>" not in page
