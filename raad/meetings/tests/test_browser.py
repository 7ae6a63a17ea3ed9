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
    for url in (
        base,
        base + "?aar=2026",
        base + "kalender/",
        f"{base}{meetings[1].pk}/",
        f"{base}{meetings[-1].pk}/",
        f"{live_server.url}/en/raad/{council.slug}/moeder/{meetings[1].pk}/",
    ):
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
    for url in (
        base,
        base + "nyt/",
        base + "kalender/",
        f"{base}{upcoming.pk}/",
        f"{base}{upcoming.pk}/punkter/{item.pk}/",
        f"{base}{upcoming.pk}/moedeskaerm/",
        f"{base}{october.pk}/referat/",
        f"{base}{meetings[1].pk}/referat/",
        f"{live_server.url}/arbejdsrum/{council.slug}/",
    ):
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)
    # The meeting screen on a tablet: accessible, and nothing wider than the screen.
    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto(f"{base}{upcoming.pk}/moedeskaerm/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 768
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    # A member's view: the proposal form and the minutes out for approval.
    page.context.clear_cookies()
    login(page, live_server, "medlem")
    for url in (f"{base}{upcoming.pk}/", f"{base}{upcoming.pk}/foreslaa/", f"{base}{october.pk}/referat/"):
        page.goto(url)
        assert_accessible(page)
    assert User.objects.filter(username="medlem").exists()


def test_a_whole_meeting_in_the_browser(browser, live_server, demo_data, smtp_server, assert_accessible):
    """Plan, a member's proposal, notice, apology and substitute, quorum, a vote with a conflict of interest,
    a tie, minutes, approval and publication, all through the pages."""
    import datetime

    from django.utils import timezone

    from raad.meetings import services
    from raad.meetings.models import Meeting
    from raad.meetings.tests.conftest import at

    council = demo_data["council"]
    base = f"{live_server.url}/arbejdsrum/{council.slug}/moeder/"
    day = timezone.localdate() + datetime.timedelta(days=60)  # well before its item deadline
    starts = at(day.year, day.month, day.day)
    secretary = browser.new_context(locale="da-DK").new_page()
    member = browser.new_context(locale="da-DK").new_page()
    login(secretary, live_server, "sekretariat")
    login(member, live_server, "medlem")

    # Plan the meeting and build the agenda.
    secretary.goto(base + f"?aar={timezone.localdate().year + 1}")
    assert "forretningsordenen kræver mindst 6 om året" in secretary.inner_text("main")
    secretary.get_by_role("link", name="Planlæg et møde").click()
    secretary.get_by_label("Mødetype").select_option("ordinary")
    secretary.get_by_label("Begynder").fill(f"{day.isoformat()}T17:00")
    secretary.get_by_label("Sted").fill("Holbæk Rådhus, mødelokale 2")
    secretary.get_by_role("button", name="Gem", exact=True).click()
    meeting = Meeting.objects.get(council=council, starts_at=starts)
    secretary.get_by_role("link", name="Tilføj punkt").click()
    secretary.get_by_label("Overskrift").fill("Sprogcentrets aftenhold")
    secretary.get_by_label("Type").select_option("decision")
    secretary.get_by_label("Indstilling").fill("Rådet anbefaler to nye aftenhold.")
    secretary.get_by_role("button", name="Gem punktet").click()
    assert "Punktet er gemt." in secretary.inner_text("main")

    # A member proposes an item before the deadline.
    member.goto(f"{base}{meeting.pk}/")
    member.get_by_role("link", name="Foreslå et punkt").click()
    member.get_by_label("Overskrift").fill("Foreningernes sommerarrangement")
    member.get_by_label("Nej, det er et generelt emne").check()
    member.get_by_role("button", name="Send forslaget").click()
    assert "Punktet er sat på dagsordenen" in member.inner_text("main")

    # Notice: every member gets an e-mail.
    secretary.goto(f"{base}{meeting.pk}/")
    secretary.get_by_role("link", name="Send indkaldelse").click()  # the preview first; nothing is sent yet
    secretary.get_by_role("button", name="Send indkaldelsen til 15 medlemmer").click()
    assert len(smtp_server.messages(count=15)) == 15

    # Apology: the personal substitute is invited by e-mail.
    member.goto(f"{base}{meeting.pk}/")
    member.get_by_role("link", name="Meld afbud").click()
    member.get_by_role("button", name="Bekræft afbud").click()
    assert "Din stedfortræder Sara Lindholm er indkaldt" in member.inner_text("main")
    from raad.meetings.services import email_of
    from raad.membership.models import Person

    sara = email_of(Person.objects.get(first_name="Sara", last_name="Lindholm"))
    invitations = [m for m in smtp_server.messages(count=16) if m["To"] == sara]
    assert len(invitations) == 1 and "Ahmad Rahimi har meldt afbud" in invitations[0].get_content()

    # The meeting screen: attendance, quorum, a conflict of interest and a tie.
    secretary.goto(f"{base}{meeting.pk}/moedeskaerm/")
    assert_accessible(secretary)
    for box in secretary.locator("input[name=present]").all():
        if box.get_attribute("value") != str(_membership(council, "Ahmad", day).pk):
            box.check()
    secretary.get_by_label("Stedfortræder Sara Lindholm i stedet for Ahmad Rahimi").check()
    secretary.get_by_role("button", name="Gem fremmøde").click()
    assert "Beslutningsdygtigt: 15 af 15" in secretary.inner_text("main")
    first = meeting.items.get(position=1)
    section = secretary.locator(f"#punkt-{first.pk}")
    section.get_by_text("Erklær inhabilitet").click()
    section.get_by_label("Medlem").select_option(str(_membership(council, "Mette", day).pk))
    section.get_by_label("Begrundelse").fill("Underviser på sprogcentret")
    section.get_by_role("button", name="Registrér inhabilitet").click()
    section = secretary.locator(f"#punkt-{first.pk}")
    assert "Mette Kristensen (Underviser på sprogcentret)" in section.inner_text()
    section.get_by_label("For", exact=True).fill("7")
    section.get_by_label("Imod", exact=True).fill("7")
    section.get_by_role("button", name="Registrér beslutning").click()
    assert "stemmelighed: forslaget bortfalder (forretningsorden § 6, stk. 2)" in secretary.inner_text("main")
    second = secretary.locator(f"#punkt-{meeting.items.get(position=2).pk}")
    second.get_by_label("Beslutning").fill("Rådet drøftede forslaget og beder sekretariatet om et budget.")
    second.get_by_role("button", name="Registrér beslutning").click()
    secretary.get_by_role("button", name="Afslut mødet").click()

    # Minutes: drafted from the decisions, circulated, approved at the next meeting, published.
    secretary.goto(f"{base}{meeting.pk}/referat/")
    secretary.get_by_role("button", name="Begynd referatet ud fra beslutningerne").click()
    assert "Mette Kristensen erklærede sig inhabil" in secretary.locator("textarea").nth(1).input_value()
    secretary.get_by_label("Indledning").fill("Forpersonen bød velkommen.")
    secretary.get_by_role("button", name="Gem udkastet").click()
    secretary.get_by_role("button", name="Rundsend til godkendelse").click()
    assert "sendt til godkendelse" in secretary.inner_text("main")
    member.goto(f"{base}{meeting.pk}/referat/")
    member.get_by_label("Godkender").check()
    member.get_by_role("button", name="Send dit svar").click()
    assert "Dit svar er registreret." in member.inner_text("main")
    later = day + datetime.timedelta(days=35)
    following = services.meeting_plan(
        council=council, starts_at=at(later.year, later.month, later.day), place="Rådhuset", by=None
    )
    services.item_add(meeting=following, title="Godkendelse af referat", by=None)
    services.meeting_send_notice(meeting=following, by=None)
    secretary.goto(f"{base}{meeting.pk}/referat/")
    secretary.get_by_label("Godkendt på mødet").select_option(str(following.pk))
    secretary.get_by_role("button", name="Registrér godkendelse på mødet").click()
    assert "Referatet er godkendt" in secretary.inner_text("main")
    assert_accessible(secretary)
    secretary.get_by_role("button", name="Offentliggør referatet (uden lukkede punkter)").click()

    # The public sees the minutes, with the rule that decided the tie.
    public = browser.new_context(locale="da-DK").new_page()
    public.goto(f"{live_server.url}/raad/{council.slug}/moeder/{meeting.pk}/")
    text = public.inner_text("main")
    assert "Forpersonen bød velkommen." in text and "forslaget bortfalder" in text
    assert "Foreningernes sommerarrangement" in text
    assert_accessible(public)


def _membership(council, first_name, day):
    from raad.membership.selectors import memberships_in_force

    return memberships_in_force(council, day).get(person__first_name=first_name)
