"""WCAG 2.1 AA 1.4.10 Reflow, which axe-core does not check: at 320 CSS pixels wide (a phone, or 400 % zoom
of a 1280 px window) no page scrolls sideways. Wide data tables may scroll inside their own box, which then
must be reachable by keyboard: axe-core runs at this width too (scrollable-region-focusable and friends)."""

from __future__ import annotations

import pytest

from raad.portal.tests.test_accessibility import LANGUAGES, PUBLIC_PAGES, SECRETARIAT_PAGES
from raad.testing.browser import login
from raad.testing.reflow import reflow_problems

pytestmark = pytest.mark.browser


@pytest.fixture
def narrow_page(browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="da-DK")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
def test_public_pages_reflow_and_pass_axe_at_320_pixels(narrow_page, live_server, demo_data, language, prefix):
    pages = [(name, f"{prefix}{path}") for name, path, _status in PUBLIC_PAGES]
    problems = reflow_problems(narrow_page, live_server.url, pages)
    assert not problems, "pages that scroll sideways or fail axe at 320px:\n" + "\n".join(problems)


def test_secretariat_workspace_reflows_and_passes_axe_at_320_pixels(narrow_page, live_server, demo_data):
    login(narrow_page, live_server, "sekretariat")
    problems = reflow_problems(narrow_page, live_server.url, SECRETARIAT_PAGES)
    assert not problems, "workspace pages that scroll sideways or fail axe at 320px:\n" + "\n".join(problems)
