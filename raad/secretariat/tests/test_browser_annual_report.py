"""In the browser: the annual report's workspace pages (the years, a draft with its forms) and the published
public page, in Danish and English, at 1280 and 320 px: no sideways scrolling, axe-core 0 violations."""

from __future__ import annotations

import pytest
from django.test import Client

from raad.secretariat.services import annual_report as services
from raad.testing.cast import build_cast, log_in_verified
from raad.testing.reflow import reflow_problems_here

from .test_annual_report_pages import published_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_annual_report_pages_pass_axe_in_both_languages(browser, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cast = build_cast(members=3)
    published_report(cast)
    draft = services.annual_report_start(council=cast.council, year=2025, by=cast.secretary)
    services.annual_report_comments_update(
        report=draft, introduction="Et udkast til forord.", comments={}, by=cast.secretary
    )
    client = Client()
    log_in_verified(client, cast.secretary)
    slug, problems = cast.council.slug, []
    for width in (1280, 320):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            for prefix in ("", "/en"):
                for path, expected in (
                    (f"/arbejdsrum/{slug}/aarsberetning/", ("Begynd en årsberetning", "Start an annual report")),
                    (f"/arbejdsrum/{slug}/aarsberetning/2025/", ("Forord og kommentarer", "Introduction and comments")),
                    (
                        f"/raad/{slug}/aarsberetning/2026/",
                        ("Budget og forbrug 2026 (kr.)", "Budget and spending 2026 (DKK)"),
                    ),
                ):
                    page.goto(f"{live_server.url}{prefix}{path}")
                    assert expected[1 if prefix else 0] in page.inner_text("main")
                    problems += reflow_problems_here(page, f"{path} {prefix or 'da'}")
                    if width == 320 and not prefix:
                        name = path.strip("/").replace("/", "-")
                        page.screenshot(path=f"/tmp/r14-shot-{name}.png", full_page=True)
        finally:
            context.close()
    assert not problems, "\n".join(problems)
