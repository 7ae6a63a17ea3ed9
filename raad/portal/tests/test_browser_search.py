"""The search page in a browser (raad.core.search, `/soeg/`), on the demo: the header's search box works without
JavaScript; the results page passes axe in Danish and English, on a desktop and at 320 px without sideways
scrolling (WCAG 1.4.10)."""

from __future__ import annotations

import pytest

from raad.testing.reflow import reflow_problems

pytestmark = pytest.mark.browser


def test_the_header_search_works_without_javascript_and_the_page_passes_axe(
    browser, live_server, demo_data, assert_accessible
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/raad/integrationsraadet/")
        box = page.get_by_role("searchbox", name="Søg på sitet")
        box.fill("høringssvarene")
        box.press("Enter")  # a plain GET form: no script involved
        page.wait_for_url("**/soeg/?q=*")
        assert page.locator(".raad-search-results > li").count() > 0
        assert page.locator(".raad-search-results mark").count() > 0
        page.get_by_role("link", name="Beslutninger").first.click()  # a filter, a plain link
        page.wait_for_url("**art=decision*")
        assert page.locator(".raad-search-results > li").count() > 0
    finally:
        context.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    tab = desktop.new_page()
    try:
        for url in ("/soeg/?q=h%C3%B8ringssvaret", "/en/soeg/?q=udtalelserne"):
            tab.goto(live_server.url + url)
            assert tab.locator(".raad-search-results > li").count() > 0
            assert_accessible(tab)
    finally:
        desktop.close()


def test_the_search_page_reflows_and_passes_axe_at_320_pixels(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="da-DK")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    try:
        pages = [
            ("search da", "/soeg/?q=h%C3%B8ringssvaret"),
            ("search en", "/en/soeg/?q=udtalelserne"),
            ("search error", "/soeg/?q=skole&art=x"),
        ]
        problems = reflow_problems(tab, live_server.url, pages)
        assert not problems, "search pages that scroll sideways or fail axe at 320px:\n" + "\n".join(problems)
    finally:
        context.close()
