"""In Chromium: axe-core finds no WCAG 2.1 A/AA violation on the meeting pages, public and workspace."""

from __future__ import annotations

import pytest

from raad.testing.browser import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _meetings(council):
    from raad.meetings.models import Meeting

    return list(Meeting.objects.filter(council=council).order_by("starts_at"))


def test_public_meeting_pages_are_accessible(page, live_server, demo_data, assert_accessible):
    council = demo_data["council"]
    meetings = _meetings(council)
    base = f"{live_server.url}/raad/{council.slug}/moeder/"
    for url in (base, base + "?aar=2026", base + "kalender/", f"{base}{meetings[1].pk}/", f"{base}{meetings[-1].pk}/",
                f"{live_server.url}/en/raad/{council.slug}/moeder/{meetings[1].pk}/"):
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)


def test_workspace_meeting_pages_are_accessible(page, live_server, demo_data, assert_accessible):
    from raad.core.models import User
    from raad.meetings import services

    council = demo_data["council"]
    meetings = _meetings(council)
    upcoming, october = meetings[-1], meetings[-2]
    services.meeting_send_notice(meeting=upcoming, by=None)
    item = upcoming.items.first()
    login(page, live_server, "sekretariat")
    base = f"{live_server.url}/arbejdsrum/{council.slug}/moeder/"
    for url in (base, base + "nyt/", base + "kalender/", f"{base}{upcoming.pk}/", f"{base}{upcoming.pk}/punkter/{item.pk}/",
                f"{base}{upcoming.pk}/moedeskaerm/", f"{base}{october.pk}/referat/", f"{base}{meetings[1].pk}/referat/",
                f"{live_server.url}/arbejdsrum/{council.slug}/"):
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)
    # A member's view: the proposal form and the minutes out for approval.
    page.context.clear_cookies()
    login(page, live_server, "medlem")
    for url in (f"{base}{upcoming.pk}/", f"{base}{upcoming.pk}/foreslaa/", f"{base}{october.pk}/referat/"):
        page.goto(url)
        assert_accessible(page)
    assert User.objects.filter(username="medlem").exists()
