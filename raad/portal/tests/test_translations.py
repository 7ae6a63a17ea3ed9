"""English is complete: every catalogue string of core, councils, secretariat and portal is translated,
and the English pages show English headings where the Danish pages show Danish ones.

The .po files are read with a small parser (polib is not a dependency). The page tests need the
compiled catalogues (`make messages`, which `make test` runs first).
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from raad.testing import catalogues

APPS = ["core", "councils", "secretariat", "portal"]
COUNCIL = "/raad/integrationsraadet"


@pytest.mark.parametrize("app", APPS)
def test_every_string_of_the_app_has_an_english_translation(app):
    catalogues.assert_english_complete(app)


@pytest.mark.parametrize("app", APPS)
def test_compiled_catalogue_is_up_to_date(app):
    catalogues.assert_compiled(app)


class _Headings(HTMLParser):
    """The text of every h1–h4 in the page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"h1", "h2", "h3", "h4"}:
            self._depth += 1
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag in {"h1", "h2", "h3", "h4"} and self._depth:
            self._depth -= 1
            self.headings[-1] = " ".join(self.headings[-1].split())

    def handle_data(self, data):
        if self._depth:
            self.headings[-1] += data


def _headings(client, url: str, status: int = 200) -> list[str]:
    response = client.get(url)
    assert response.status_code == status, f"{url}: HTTP {response.status_code}"
    parser = _Headings()
    parser.feed(response.content.decode())
    return parser.headings


PAGES = [
    (
        "/",
        ["The council's purposes", "The council does not deal with individual cases"],
        ["Rådets formål", "Rådet behandler ikke enkeltsager"],
    ),
    (
        f"{COUNCIL}/",
        ["Purposes and tasks", "What the council cannot do", "Members and how they are appointed", "Legal basis"],
        ["Formål og opgaver", "Det kan rådet ikke", "Bemanding og udpegning", "Lovgrundlag"],
    ),
    (
        f"{COUNCIL}/forretningsorden/",
        [
            "§ 1. Composition",
            "§ 2. Term",
            "§ 6. Quorum and voting",
            "§ 8. Conflict of interest and confidentiality",
            "§ 9. Consultation responses and statements",
            "All versions",
        ],
        ["§ 1. Sammensætning", "§ 2. Valgperiode", "§ 6. Beslutningsdygtighed og afstemning", "Alle versioner"],
    ),
    (f"{COUNCIL}/medlemmer/", ["The council's members"], ["Rådets medlemmer"]),
    (f"{COUNCIL}/kontakt/", ["Contact the secretariat"], ["Kontakt sekretariatet"]),
    ("/tilgaengelighed/", ["Accessibility statement", "Enforcement procedure"], ["Tilgængelighedserklæring"]),
    ("/persondata/", ["How the council handles personal data"], ["Sådan behandler rådet persondata"]),
]


@pytest.mark.parametrize(("path", "english", "danish"), PAGES, ids=[p for p, _, _ in PAGES])
def test_english_page_has_english_headings_and_no_danish_ones(client, demo_data, path, english, danish):
    danish_page = _headings(client, path)
    english_page = _headings(client, f"/en{path}")

    for heading in danish:
        assert heading in danish_page, f"{path}: Danish heading {heading!r} missing on the Danish page"
    for heading in english:
        assert heading in english_page, f"/en{path}: heading {heading!r} missing; got {english_page}"
    left_over = sorted(set(danish_page) & set(english_page))
    assert not left_over, f"/en{path} still shows the Danish headings {left_over}"


def test_english_rules_cite_clauses_in_english(client, demo_data):
    body = client.get(f"/en{COUNCIL}/forretningsorden/").content.decode()
    assert "The council has up to 15 members." in body
    assert "Stk." not in body
    assert "Rådet består af" not in body


def test_english_page_chrome_is_english(client, demo_data):
    body = client.get(f"/en{COUNCIL}/").content.decode()
    for text in ["Skip to main content", "Accessibility statement", "About the council", "Rules of procedure"]:
        assert text in body
    for text in ["Gå til sideindhold", "Tilgængelighedserklæring", "Om rådet", "Forretningsorden"]:
        assert text not in body
    assert '<html lang="en">' in body
