"""Keyboard use: the first Tab reaches a visible skip link, which moves focus to the main content;
the main menu, language switch and login link are reachable with Tab alone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || '').trim(), href: el.getAttribute('href'),
          visible: box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < window.innerHeight,
          outline: getComputedStyle(el).outlineStyle};
}"""


@pytest.mark.parametrize(("prefix", "label"), [("", "Gå til sideindhold"), ("/en", "Skip to main content")])
def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_main(page, live_server, demo_data, prefix, label):
    page.goto(f"{live_server.url}{prefix}/raad/integrationsraadet/")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert focused["href"] == "#main-content"
    assert focused["text"] == label
    assert focused["visible"], "the skip link must become visible when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main-content').contains(document.activeElement)")


def test_header_controls_are_reachable_with_tab(page, live_server, demo_data):
    page.goto(f"{live_server.url}/")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"focus went to something not visible: {focused}"
        seen.append(focused["text"] or focused["href"] or focused["tag"])
        if focused["tag"] == "main" or page.evaluate("() => !!document.activeElement.closest('main')"):
            break
    for wanted in ("English", "Log ind", "Medlemmer", "Forretningsorden", "Kontakt"):
        assert any(wanted in text for text in seen), f"{wanted!r} not reached by Tab; reached: {seen}"
