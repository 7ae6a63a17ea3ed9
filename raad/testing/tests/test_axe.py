"""The accessibility check can fail: axe-core finds known violations on a page built to have them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BROKEN = """<!doctype html><html><head><title>Broken</title></head><body>
<main><h1>Broken</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#aaa;background:#fff">Too pale to read</p>
<form><input type="text" name="q"></form></main></body></html>"""

FINE = """<!doctype html><html lang="da"><head><title>Fin</title></head><body>
<main><h1>Fin side</h1><p>Læselig tekst.</p>
<form><label for="q">Søg</label><input id="q" type="text" name="q"></form></main></body></html>"""


def test_axe_reports_violations_with_rule_impact_target_and_help(page, assert_accessible):
    page.set_content(BROKEN)
    with pytest.raises(pytest.fail.Exception) as failure:
        assert_accessible(page)
    report = str(failure.value)
    for rule in ("image-alt", "color-contrast", "label", "html-has-lang"):
        assert rule in report
    assert "(critical)" in report or "(serious)" in report
    assert "at img" in report
    assert "Images must have alternative text" in report


def test_axe_passes_a_clean_page(page, assert_accessible):
    page.set_content(FINE)
    assert_accessible(page)


def test_axe_reports_the_same_violations_with_javascript_off(browser):
    """With JavaScript off Chromium fires no timers; axe waits on them, and used to hang the test for good."""
    from raad.testing.axe import run_axe

    context = browser.new_context(java_script_enabled=False)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.set_content(BROKEN)
        assert {violation["id"] for violation in run_axe(page)} >= {"image-alt", "color-contrast", "label"}
        page.set_content(FINE)
        assert run_axe(page) == []
    finally:
        context.close()
