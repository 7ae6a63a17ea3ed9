"""In Chromium, at 1280 px and at 320 px: the agenda with move up/down, the item form with its Markdown preview,
the meeting screen with "alle til stede", the focused item view and the live view pass axe and do not scroll
sideways; the live view updates itself with JavaScript and has a reload link without; move and preview work
with JavaScript off."""

from __future__ import annotations

import pytest

from raad.testing.browser import login
from raad.testing.reflow import reflow_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _upcoming(council):
    from raad.meetings import services
    from raad.meetings.models import Meeting

    meeting = Meeting.objects.filter(council=council).order_by("starts_at").last()
    services.meeting_send_notice(meeting=meeting, by=None)
    return meeting


def _pages(council, meeting):
    base = f"/arbejdsrum/{council.slug}/moeder/{meeting.pk}/"
    item = meeting.items.order_by("position").first()
    return [
        ("agenda", base),
        ("item form", f"{base}punkter/{item.pk}/"),
        ("screen", f"{base}moedeskaerm/"),
        ("focused item", f"{base}moedeskaerm/punkt/{item.pk}/"),
        ("live", f"{base}direkte/"),
        ("projector", f"{base}direkte/?projektor=1"),
    ]


def test_agenda_and_meeting_screen_pages_pass_axe_at_1280_and_320(browser, live_server, demo_data, assert_accessible):
    council = demo_data["council"]
    meeting = _upcoming(council)
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    login(page, live_server, "sekretariat")
    for name, path in _pages(council, meeting):
        page.goto(f"{live_server.url}{path}")
        assert page.locator("h1").count() == 1, name
        assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    problems = reflow_problems(page, live_server.url, _pages(council, meeting))
    assert not problems, "\n".join(problems)
    context.close()


def test_a_member_follows_the_meeting_live_at_320_px(browser, live_server, demo_data, assert_accessible):
    from raad.meetings import services
    from raad.meetings.selectors import attendance_rows

    council = demo_data["council"]
    meeting = _upcoming(council)
    context = browser.new_context(locale="da-DK", viewport={"width": 320, "height": 640})
    page = context.new_page()
    login(page, live_server, "medlem")
    path = f"/arbejdsrum/{council.slug}/moeder/{meeting.pk}/direkte/"
    page.goto(f"{live_server.url}{path}")
    assert "Til stede: 0 af" in page.inner_text("#live")
    assert not reflow_problems(page, live_server.url, [("live", path)])

    services.attendance_register(
        meeting=meeting, present=[r.membership.pk for r in attendance_rows(meeting)], substitutes_present=[], by=None
    )
    members = len(attendance_rows(meeting))
    page.wait_for_function(
        f"() => document.getElementById('live').innerText.includes('Til stede: {members} af {members}')",
        timeout=12_000,
    )
    assert page.url == f"{live_server.url}{path}"  # updated in place, not reloaded
    assert_accessible(page)
    context.close()


def test_without_javascript_move_preview_and_reload_work(browser, live_server, demo_data):
    from raad.meetings import services
    from raad.meetings.selectors import attendance_rows

    council = demo_data["council"]
    meeting = _upcoming(council)
    items = list(meeting.items.order_by("position"))
    context = browser.new_context(locale="da-DK", java_script_enabled=False)
    page = context.new_page()
    login(page, live_server, "sekretariat")
    base = f"{live_server.url}/arbejdsrum/{council.slug}/moeder/{meeting.pk}/"

    page.goto(base)
    page.locator(f"#punkt-{items[0].pk}").get_by_role("button", name="Flyt ned").click()
    assert f"Punktet »{items[0].title}« er nu nummer 2." in page.inner_text("main")
    assert list(meeting.items.order_by("position").values_list("pk", flat=True))[:2] == [items[1].pk, items[0].pk]

    page.goto(f"{base}punkter/{items[0].pk}/")
    page.get_by_label("Sagsfremstilling").fill("Et **vigtigt** punkt\n\n- første\n- anden")
    page.get_by_role("button", name="Vis forhåndsvisning").click()
    preview = page.locator("#forhaandsvisning")
    assert preview.locator("strong").inner_text() == "vigtigt"
    assert preview.locator("li").all_inner_texts() == ["første", "anden"]
    page.get_by_role("button", name="Gem punktet").click()
    assert page.url == f"{base}#punkt-{items[0].pk}"
    assert "Punktet er gemt." in page.inner_text("main")

    page.goto(f"{base}direkte/")
    assert "Til stede: 0 af" in page.inner_text("#live")
    services.attendance_register(
        meeting=meeting, present=[r.membership.pk for r in attendance_rows(meeting)], substitutes_present=[], by=None
    )
    page.get_by_role("link", name="Opdatér visningen").click()
    assert "Til stede: 0 af" not in page.inner_text("#live")
    context.close()
