"""In Chromium with JavaScript off, at 1280 and 320 pixels, in Danish and English: the public lists whose look
the feeds slice changed (the feed links under the heading, the shared pagination nav) pass axe-core and do not
scroll sideways; the pagination's links work without JavaScript."""

from __future__ import annotations

import pytest

from raad.dialogue.services import topics as topic_services
from raad.testing.reflow import reflow_problems

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"


@pytest.mark.parametrize("width", [1280, 320])
def test_lists_with_feed_links_and_pagination_pass_axe_and_reflow(browser, live_server, demo_data, width):
    from raad.councils.models import Council

    council = Council.objects.get(slug=SLUG)
    for n in range(45):  # three pages of topics next to the demo's
        topic_services.topic_create(council=council, title=f"Emne nummer {n + 1}", published=True, by=None)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        pages = [
            (f"{name} {prefix or 'da'}", f"{prefix}/raad/{SLUG}/{path}")
            for prefix in ("", "/en")
            for name, path in (
                ("topics page 2", "emner/?side=2"),
                ("meetings", "moeder/"),
                ("statements", "hoeringssvar/"),
                ("events", "arrangementer/"),
                ("associations", "foreninger/"),
            )
        ]
        problems = reflow_problems(page, live_server.url, pages)
        assert not problems, "\n".join(problems)
        page.goto(f"{live_server.url}/raad/{SLUG}/emner/")
        navigation = page.get_by_role("navigation", name="Sider")
        assert navigation.locator("[aria-current=page]").text_content().split() == ["Side", "1"]
        navigation.get_by_role("link", name="Næste side").click()
        assert page.url.endswith("/emner/?side=2")
        assert page.get_by_role("navigation", name="Sider").locator("[aria-current=page]").text_content().split() == [
            "Side",
            "2",
        ]
    finally:
        context.close()
