"""The citizen pages in the community languages, in Chromium: axe-core finds nothing in Danish, English, Arabic
(right to left) and Ukrainian at 1280 and 320 px, nothing scrolls sideways, the Arabic layout is the mirror of
the Danish one, the notice on a Danish-only page is said in the visitor's language, and the language switch
works without JavaScript."""

from __future__ import annotations

import pytest

from raad.testing.axe import format_violations, run_axe
from raad.testing.reflow import reflow_problems

pytestmark = pytest.mark.browser

COUNCIL = "/raad/integrationsraadet"
CITIZEN_PAGES = [
    ("front page", "/"),
    ("council", f"{COUNCIL}/"),
    ("contact", f"{COUNCIL}/kontakt/"),
    ("privacy", "/persondata/"),
    ("accessibility statement", "/tilgaengelighed/"),
]
LANGUAGES = [("da", ""), ("en", "/en"), ("ar", "/ar"), ("uk", "/uk")]


def _context(browser, width: int, *, javascript: bool = True):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    return context


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
def test_citizen_pages_pass_axe_at_1280_and_320_pixels(browser, live_server, demo_data, language, prefix):
    problems = []
    for width in (1280, 320):
        context = _context(browser, width)
        tab = context.new_page()
        pages = [(name, f"{prefix}{path}") for name, path in CITIZEN_PAGES]
        for _name, path in pages:
            response = tab.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"
            assert tab.locator("html").get_attribute("lang") == language
            assert tab.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else None)
        if width == 320:
            problems += reflow_problems(tab, live_server.url, pages)
        else:
            for name, path in pages:
                tab.goto(f"{live_server.url}{path}")
                violations = run_axe(tab)
                if violations:
                    problems.append(format_violations(f"{name} ({path}) at 1280px", violations))
        context.close()
    assert not problems, "\n".join(problems)


def _box(tab, selector: str) -> dict:
    box = tab.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not visible"
    return box


@pytest.mark.parametrize("width", [1280, 320])
def test_arabic_mirrors_the_danish_layout(browser, live_server, demo_data, width):
    context = _context(browser, width)
    tab = context.new_page()
    boxes = {}
    for prefix in ("", "/ar"):
        tab.goto(f"{live_server.url}{prefix}{COUNCIL}/kontakt/")
        boxes[prefix] = {
            "logo": _box(tab, ".raad-logo"),
            "heading": _box(tab, "main h1"),
            "crumb": _box(tab, ".breadcrumbs__list-item"),
            "chevron": tab.locator(".breadcrumbs__list-item .icon-svg").first.evaluate(
                "element => getComputedStyle(element).transform"
            ),
        }
    context.close()
    danish, arabic = boxes[""], boxes["/ar"]
    # Danish: the municipality's name at the left edge; Arabic: at the right edge, as far in.
    left_gap = danish["logo"]["x"]
    right_gap = width - (arabic["logo"]["x"] + arabic["logo"]["width"])
    assert left_gap < width / 4 and abs(left_gap - right_gap) <= 2, (danish["logo"], arabic["logo"])
    # The page heading and the first breadcrumb start on the right.
    assert abs((arabic["heading"]["x"] + arabic["heading"]["width"]) - (width - danish["heading"]["x"])) <= 2
    assert arabic["crumb"]["x"] + arabic["crumb"]["width"] > width - left_gap - 2
    # The breadcrumb chevron points the other way.
    assert danish["chevron"] == "none" and arabic["chevron"] == "matrix(-1, 0, 0, 1, 0, 0)"


def test_a_danish_only_page_in_arabic_says_so_in_arabic_and_passes_axe(browser, live_server, demo_data):
    for width in (1280, 320):
        context = _context(browser, width)
        tab = context.new_page()
        tab.goto(f"{live_server.url}/ar{COUNCIL}/medlemmer/")
        assert tab.locator("html").get_attribute("lang") == "da"
        notice = tab.locator(".raad-language-notice")
        assert notice.get_attribute("lang") == "ar" and notice.get_attribute("dir") == "rtl"
        assert "هذه الصفحة متوفرة باللغتين الدنماركية والإنجليزية فقط." in notice.inner_text()
        problems = reflow_problems(tab, live_server.url, [("members in Arabic", f"/ar{COUNCIL}/medlemmer/")])
        assert not problems, "\n".join(problems)
        context.close()


def test_the_switch_to_arabic_and_back_works_without_javascript(browser, live_server, demo_data):
    context = _context(browser, 1280, javascript=False)
    tab = context.new_page()
    tab.goto(f"{live_server.url}{COUNCIL}/")
    with tab.expect_navigation():
        tab.locator('.raad-language-switch a[hreflang="ar"]').click()
    assert tab.url == f"{live_server.url}/ar{COUNCIL}/"
    assert tab.locator("html").get_attribute("dir") == "rtl"
    with tab.expect_navigation():
        tab.locator('.raad-language-switch a[hreflang="uk"]').click()
    assert tab.url == f"{live_server.url}/uk{COUNCIL}/"
    # From a page that exists only in Danish and English, the notice's link leads to the Danish page.
    tab.goto(f"{live_server.url}/uk{COUNCIL}/medlemmer/")
    with tab.expect_navigation():
        tab.locator(".raad-language-notice").get_by_role("link", name="English").click()
    assert tab.url == f"{live_server.url}/en{COUNCIL}/medlemmer/"
    assert tab.locator("html").get_attribute("lang") == "en"
    context.close()
