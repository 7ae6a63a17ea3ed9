"""Finding things (raad/portal/sitemaps.py, the canonical link in base.html, schema.org data on event pages):
the sitemap lists public pages only, at SITE_URL, in Danish and English with hreflang alternates; robots.txt
keeps crawlers out of the workspace and the account pages and names the sitemap; every page names its
canonical URL without tracking parameters; an event page describes the event for search engines."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from django.utils import timezone

from raad.community.tests import public_outputs_events
from raad.community.tests.event_helpers import make_event, make_room
from raad.statements.tests import public_outputs as statement_outputs

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_sitemap_lists_public_pages_in_both_languages_and_nothing_unpublished(client, cast):
    statement_outputs.build(cast)
    public_outputs_events.build(cast)
    index = client.get("/sitemap.xml")
    assert (index.status_code, index["Content-Type"]) == (200, "application/xml")
    sections = [loc.text for loc in ET.fromstring(index.content).iter(f"{SM}loc")]
    assert sections == [
        f"https://raad.test/sitemap-{section}.xml"
        for section in ("site", "councils", "meetings", "statements", "events", "topics", "associations")
    ]
    body, entries = "", {}
    for section in sections:
        response = client.get(section.removeprefix("https://raad.test"))
        assert (response.status_code, response["Content-Type"]) == (200, "application/xml")
        body += response.content.decode()
        for url in ET.fromstring(response.content).findall(f"{SM}url"):
            links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
            entries[url.findtext(f"{SM}loc")] = links
    slug = cast.council.slug
    assert entries["https://raad.test/"] == {
        "da": "https://raad.test/",
        "en": "https://raad.test/en/",
        "x-default": "https://raad.test/",
    }
    for path in (f"/raad/{slug}/", f"/raad/{slug}/moeder/", f"/raad/{slug}/hoeringssvar/", f"/raad/{slug}/emner/"):
        assert f"https://raad.test{path}" in entries and f"https://raad.test/en{path}" in entries
    statements = sorted(loc for loc in entries if "/hoeringssvar/" in loc and loc.rstrip("/")[-1].isdigit())
    assert len(statements) == 2  # the one published statement, in Danish and English; no draft, none unsent
    events = [loc for loc in entries if re.search(r"/arrangementer/\d+/$", loc) and "/en/" not in loc]
    assert len(events) == 2  # the published and the past event; not the draft
    assert not [secret for secret in statement_outputs.SECRETS + public_outputs_events.SECRETS if secret in body]
    assert "/arbejdsrum/" not in body and "/konto/" not in body and "testserver" not in body
    assert client.get("/sitemap-ukendt.xml").status_code == 404
    assert client.get("/sitemap-meetings.xml?p=2").status_code == 404  # one page holds the demo's meetings


def test_a_sitemap_section_pages_through_every_council_in_one_query_a_page(
    client, cast, django_assert_num_queries, monkeypatch
):
    """Its cost does not grow with the number of councils: pages of PAGE_SIZE locations (a row in each language),
    the rows of a page read in one query; the index names every page."""
    from raad.councils.presets import PRESETS
    from raad.councils.services import council_setup_from_preset
    from raad.meetings import services as meetings
    from raad.meetings.tests.conftest import at
    from raad.portal import sitemaps

    other, _created = council_setup_from_preset(preset=PRESETS["holbaek-handicap"])
    for council, day in ((cast.council, 1), (other, 2), (cast.council, 3)):
        meetings.meeting_plan(council=council, starts_at=at(2027, 2, day), place="Rådhuset", by=None)
    monkeypatch.setattr(sitemaps.Meetings, "limit", 4)  # two meetings a page, each in Danish and English
    index = [loc.text for loc in ET.fromstring(client.get("/sitemap.xml").content).iter(f"{SM}loc")]
    assert [loc for loc in index if "meetings" in loc] == [
        "https://raad.test/sitemap-meetings.xml",
        "https://raad.test/sitemap-meetings.xml?p=2",
    ]
    with django_assert_num_queries(2):  # the count and the page's rows (with their councils)
        first = client.get("/sitemap-meetings.xml")
    second = client.get("/sitemap-meetings.xml?p=2")
    locs = [
        url.findtext(f"{SM}loc") for page in (first, second) for url in ET.fromstring(page.content).findall(f"{SM}url")
    ]
    assert len(locs) == 6 and len(set(locs)) == 6
    assert sum(f"/raad/{other.slug}/moeder/" in loc for loc in locs) == 2  # Danish and English


def test_robots_txt_keeps_crawlers_out_of_the_workspace_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "\n".join(
        [
            "User-agent: *",
            "Disallow: /arbejdsrum/",
            "Disallow: /konto/",
            "Disallow: /admin/",
            *(
                f"Disallow: /{code}{path}"
                for code in ("en", "ar", "uk")
                for path in ("/arbejdsrum/", "/konto/", "/admin/")
            ),
            "",
            "Sitemap: https://raad.test/sitemap.xml",
            "",
        ]
    )


def test_pages_name_their_canonical_url_without_tracking_parameters(client, cast):
    slug = cast.council.slug
    cases = {
        f"/raad/{slug}/": f"https://raad.test/raad/{slug}/",
        f"/en/raad/{slug}/moeder/?utm_source=nyhedsbrev&aar=2026&fbclid=x": f"https://raad.test/en/raad/{slug}/moeder/?aar=2026",
        f"/raad/{slug}/emner/?side=2&gclid=1": f"https://raad.test/raad/{slug}/emner/?side=2",
    }
    for url, canonical in cases.items():
        page = client.get(url, headers={"host": "evil.example"}).content.decode()
        assert re.findall(r'<link rel="canonical" href="([^"]*)">', page) == [canonical.replace("&", "&amp;")], url


def test_an_event_page_carries_schema_org_event_data(client, cast):
    room = make_room(cast.council)
    event = make_event(cast.council, cast.secretary, room=room, place="", address="")
    page = client.get(f"/raad/{cast.council.slug}/arrangementer/{event.pk}/").content.decode()
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(raw)
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Sprogcafé",
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": f"https://raad.test/raad/{cast.council.slug}/arrangementer/{event.pk}/",
        "inLanguage": "da",
        "description": "Øv dansk.",
        "organizer": {
            "@type": "Organization",
            "name": cast.council.name,
            "url": f"https://raad.test/raad/{cast.council.slug}/",
        },
        "location": {
            "@type": "Place",
            "name": "Biblioteket",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Klosterstræde 13",
                "postalCode": "4300",
                "addressLocality": "Holbæk",
                "addressCountry": "DK",
            },
        },
    }
