"""Chrome in the browser (issue #10): breadcrumbs take one line at 1280 px (DKFDS capped the list at 66ch, so
"Arbejdsrum › Integrationsrådet i Holbæk Kommune › Møder › Ordinært møde …" wrapped); the contact page and the
one-time-code page pass axe at 1280 and 320 px."""

from __future__ import annotations

import pytest

from raad.testing.axe import format_violations, run_axe
from raad.testing.browser import login

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"
ONE_LINE = """() => {
  const items = [...document.querySelectorAll('.breadcrumbs__list > li')];
  return {tops: [...new Set(items.map(e => Math.round(e.getBoundingClientRect().top)))], count: items.length};
}"""


def test_breadcrumbs_take_one_line_at_1280(page, live_server, demo_data):
    from raad.meetings.models import Meeting

    meeting = Meeting.objects.filter(council=demo_data["council"], status=Meeting.Status.PLANNED).first()
    login(page, live_server, "sekretariat")
    for path in (
        f"/arbejdsrum/{SLUG}/moeder/{meeting.pk}/punkter/nyt/",
        f"/arbejdsrum/{SLUG}/moeder/{meeting.pk}/",
        f"/raad/{SLUG}/moeder/{meeting.pk}/",
    ):
        page.goto(f"{live_server.url}{path}")
        crumbs = page.evaluate(ONE_LINE)
        assert crumbs["count"] >= 4, (path, crumbs)
        assert len(crumbs["tops"]) == 1, f"{path}: breadcrumbs on {len(crumbs['tops'])} lines"


@pytest.mark.parametrize("width", [1280, 320])
def test_contact_and_one_time_code_pages_pass_axe(browser, live_server, demo_data, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    tab = context.new_page()
    try:
        tab.goto(f"{live_server.url}/raad/{SLUG}/kontakt/")
        violations = run_axe(tab)
        assert not violations, format_violations(tab.url, violations)
        tab.goto(f"{live_server.url}/konto/log-ind/")
        tab.fill("input[name=username]", "sekretariat")
        tab.fill("input[name=password]", demo_data["password"])
        with tab.expect_navigation():
            tab.click("form:has(input[name=username]) button[type=submit]")
        assert tab.locator("input[name=token]").count() == 1
        assert tab.get_by_role("button", name="Afbryd log ind").is_visible()
        assert tab.get_by_role("button", name="Log af").count() == 0
        violations = run_axe(tab)
        assert not violations, format_violations(tab.url, violations)
    finally:
        context.close()
