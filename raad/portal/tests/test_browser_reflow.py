"""WCAG 2.1 AA 1.4.10 Reflow, which axe-core does not check: at 320 CSS pixels wide (a phone, or 400 % zoom
of a 1280 px window) no public page scrolls sideways. Wide data tables may scroll inside their own box."""

from __future__ import annotations

import pytest

from raad.portal.tests.test_accessibility import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const culprits = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && !element.closest('.table--responsive-scroll, .table-responsive')) {
      culprits.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ends at ${Math.round(box.right)}px: `
        + (element.textContent || '').trim().slice(0, 50));
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5)};
}"""


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="da-DK")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
def test_public_pages_reflow_at_320_pixels(narrow_page, live_server, demo_data, language, prefix):
    problems = []
    for name, path, _status in PUBLIC_PAGES:
        narrow_page.goto(f"{live_server.url}{prefix}{path}")
        result = narrow_page.evaluate(OVERFLOW)
        if result["scrollWidth"] > result["width"]:
            problems.append(f"{name} ({prefix}{path}) is {result['scrollWidth']}px wide: {result['culprits']}")
    assert not problems, "pages that scroll sideways at 320px:\n" + "\n".join(problems)
