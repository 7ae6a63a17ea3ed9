"""In Chromium, the pages added or changed for issue #10 (everyday use): each passes axe (WCAG 2.1 A/AA) at
1280 px and at 320 px, where it does not scroll sideways either; each form keeps what was typed and shows a
translated error after a bad submission; and each page's main action works with JavaScript off.

One test per person (one login each): the secretariat and a member act with JavaScript off (axe runs there
too), then their pages are checked again with JavaScript on; the public pages with JavaScript on. All problems
of a test are collected and reported together."""

from __future__ import annotations

import datetime

import pytest

from raad.testing.axe import format_violations, run_axe
from raad.testing.browser import login, submit
from raad.testing.reflow import reflow_problems_here

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SLUG = "integrationsraadet"
WORKSPACE = f"/arbejdsrum/{SLUG}"


class Checker:
    """Runs axe on the page at 1280 px and at 320 px (plus the sideways-scroll check); collects what it finds
    instead of stopping at the first page."""

    def __init__(self, page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.checked: list[str] = []
        self.opened: list[str] = []

    def open(self, url: str, status: int = 200) -> None:
        self.opened.append(url)
        response = self.page.goto(url)
        if response is None or response.status != status:
            self.problems.append(f"{url}: HTTP {response and response.status}, expected {status}")

    def check(self, name: str, *, reload: bool = True) -> None:
        """Axe at 1280 px, then at 320 px (reloaded there unless `reload=False`) with the sideways check."""
        page = self.page
        self.checked.append(name)
        if page.locator("h1").count() != 1:
            self.problems.append(f"{name} ({page.url}): {page.locator('h1').count()} h1 elements")
        self._axe(name, "1280px")
        if reload:
            self.page.set_viewport_size({"width": 320, "height": 640})
            self.page.reload()
        self._narrow(name)

    def _narrow(self, name: str) -> None:
        """At 320 px without reloading (the answer to a POST): axe, and no sideways scrolling."""
        page = self.page
        page.set_viewport_size({"width": 320, "height": 640})
        try:
            self.problems += reflow_problems_here(page, f"{name} ({page.url})")
        finally:
            page.set_viewport_size({"width": 1280, "height": 900})

    def _axe(self, name: str, width: str) -> None:
        violations = run_axe(self.page)
        if violations:
            self.problems.append(format_violations(f"{name} ({self.page.url}) at {width}", violations))

    def expect(self, condition: bool, message: str) -> None:
        if not condition:
            self.problems.append(f"{message} ({self.page.url})")

    def with_javascript(self, browser) -> None:
        """The pages opened so far once more (as they are now), in a context with JavaScript on and the same
        login: what most visitors get (raad/js/menu.js's drawer below 992 px, the live view's updates)."""
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="da-DK", storage_state=self.page.context.storage_state()
        )
        context.set_default_timeout(15_000)
        javascript = Checker(context.new_page())
        try:
            for url in dict.fromkeys(self.opened):
                javascript.open(url)
                javascript.check(f"{url} with JavaScript")
        finally:
            context.close()
        self.checked += javascript.checked
        self.problems += javascript.problems

    def assert_clean(self) -> None:
        assert not self.problems, f"checked {len(self.checked)} pages:\n" + "\n".join(self.problems)


def _context(browser, *, javascript: bool):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="da-DK", java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    return context


def _upcoming(council):
    from raad.meetings.models import Meeting

    return Meeting.objects.filter(council=council, status=Meeting.Status.PLANNED).order_by("starts_at").last()


def _error_shown(page) -> bool:
    return page.locator(".form-error-message, .alert-error").count() >= 1


def test_secretariat_pages_with_javascript_off(browser, live_server, demo_data):
    """The secretariat's new and changed pages, every action done with JavaScript off (axe runs there too)."""
    from django.utils import timezone

    from raad.councils.models import RulesOfProcedure
    from raad.meetings import services as meetings
    from raad.meetings.models import Minutes, MinutesVersion
    from raad.membership import services as membership
    from raad.membership.selectors import memberships_in_force

    council = demo_data["council"]
    meeting = _upcoming(council)
    items = list(meeting.items.order_by("position"))
    base = f"{live_server.url}{WORKSPACE}/moeder/{meeting.pk}/"
    # The desk's panels: a vacant chair (Amina resigns), the term renewal (warned about from now on) and the
    # annual report (always shown).
    amina = memberships_in_force(council).get(person__first_name="Amina")
    membership.member_resign(membership=amina, last_day=datetime.date.today() - datetime.timedelta(days=1), by=None)
    RulesOfProcedure.objects.filter(council=council).update(term_renewal_warning_days=3650)
    # Published minutes with a phone number in their open part: publishing asks for a confirmation (R32).
    minutes = Minutes.objects.filter(meeting__council=council, is_published=True).order_by("-meeting__starts_at")[0]
    meetings.minutes_unpublish(minutes=minutes, by=None)
    version = minutes.versions.order_by("-number").first()
    MinutesVersion.objects.filter(pk=version.pk).update(
        content={**version.content, "introduction": "Spørgsmål til Mette på telefon 20 30 40 50."}
    )

    context = _context(browser, javascript=False)
    page = context.new_page()
    checker = Checker(page)
    try:
        login(page, live_server, "sekretariat")

        checker.open(f"{live_server.url}{WORKSPACE}/")
        checker.check("desk with the chair vacancy, term renewal and annual report panels")
        for panel in ("#chair-vacancy-panel", "#renewal-panel", "#annual-report-panel"):
            checker.expect(page.locator(panel).count() == 1, f"{panel} is on the desk")

        checker.open(base)
        checker.check("agenda with move up/down")
        submit(page, page.locator(f"#punkt-{items[1].pk}").get_by_role("button", name="Flyt op"))
        checker.expect(f"Punktet »{items[1].title}« er nu nummer 1." in page.inner_text("main"), "moved up without JS")

        checker.open(f"{base}punkter/{items[0].pk}/")
        checker.check("item form")
        page.get_by_label("Overskrift", exact=True).fill("")
        page.get_by_label("Sagsfremstilling").fill("Et **vigtigt** punkt")
        submit(page, page.get_by_role("button", name="Gem punktet"))
        checker.expect(_error_shown(page), "the item form shows an error for a missing title")
        checker.expect(page.get_by_label("Sagsfremstilling").input_value() == "Et **vigtigt** punkt", "item text kept")
        checker.check("item form with an error", reload=False)
        page.get_by_label("Overskrift", exact=True).fill("Lektiehjælp")
        submit(page, page.get_by_role("button", name="Vis forhåndsvisning"))
        checker.expect(page.locator("#forhaandsvisning strong").count() == 1, "the Markdown preview without JS")
        checker.check("item form with the Markdown preview", reload=False)

        checker.open(f"{base}indkald/")
        checker.check("notice preview")
        submit(page, page.get_by_role("button", name="Send indkaldelsen", exact=False))
        checker.expect("/indkald/" not in page.url, "the notice is sent without JS")

        checker.open(f"{base}moedeskaerm/punkt/{items[0].pk}/")
        checker.check("focused item on the meeting screen")
        checker.open(f"{base}direkte/")
        checker.check("live view")
        checker.open(f"{base}direkte/?projektor=1")
        checker.check("live view on the projector")

        minutes_url = f"{live_server.url}{WORKSPACE}/moeder/{minutes.meeting_id}/referat/"
        checker.open(minutes_url)
        checker.check("minutes with the publish check (R32)")
        page.locator("#override-reason-minutes").fill("Nummeret er rådets eget.")
        submit(page, page.get_by_role("button", name="Offentliggør referatet (uden lukkede punkter)"))
        checker.expect(_error_shown(page), "publishing over a finding without the box ticked is refused")
        checker.expect(
            page.locator("#override-reason-minutes").input_value() == "Nummeret er rådets eget.", "reason kept"
        )
        checker.check("minutes publish refused", reload=False)
        page.locator("label[for=confirm-findings-minutes]").click()
        submit(page, page.get_by_role("button", name="Offentliggør referatet (uden lukkede punkter)"))
        minutes.refresh_from_db()
        checker.expect(minutes.is_published, "the minutes are published over the finding without JS")

        checker.open(f"{live_server.url}{WORKSPACE}/bemanding/indkaldelser/")
        page.get_by_label("Overskrift").fill("Ny plads i foråret")
        submit(page, page.get_by_role("button", name="Se indkaldelsen, før den sendes"))
        checker.expect(_error_shown(page), "a call without a deadline is refused")
        checker.expect(page.get_by_label("Overskrift").input_value() == "Ny plads i foråret", "call title kept")
        checker.check("call form with an error", reload=False)
        page.get_by_label("Frist").fill("2027-01-15T12:00")
        submit(page, page.get_by_role("button", name="Se indkaldelsen, før den sendes"))
        checker.expect("Kontrollér indkaldelsen" in page.inner_text("h1"), "the call preview without JS")
        checker.check("call preview", reload=False)

        changes = f"{live_server.url}{WORKSPACE}/forretningsorden/aendringer/"
        checker.open(changes)
        checker.check("rules changes")
        page.fill("[name=in_force_from]", "")
        page.fill("[name=change_summary]", "Kortere frist for punkter")
        submit(page, page.get_by_role("button", name="Foreslå ændringen"))
        checker.expect(_error_shown(page), "a change without a date is refused")
        checker.expect(
            page.input_value("[name=change_summary]") == "Kortere frist for punkter",
            "change summary kept",
        )
        checker.check("rules change form with an error", reload=False)
        page.fill("[name=in_force_from]", "2027-03-01")
        submit(page, page.get_by_role("button", name="Foreslå ændringen"))
        checker.expect("/aendringer/" in page.url and page.url != changes, "a change is proposed without JS")
        checker.check("a rules change")
        page.fill("[name=votes_for]", "9")
        submit(page, page.get_by_role("button", name="Registrér afstemningen"))
        checker.expect(_error_shown(page), "a vote without a date and votes against is refused")
        checker.expect(page.input_value("[name=votes_for]") == "9", "votes for kept")
        checker.check("rules change vote with an error", reload=False)
        page.fill("[name=voted_on]", timezone.localdate().isoformat())
        page.fill("[name=votes_against]", "2")
        submit(page, page.get_by_role("button", name="Registrér afstemningen"))
        checker.expect(
            page.locator("form[action$='/vedtagelse/']").count() == 1, f"vote saved: {page.inner_text('main')[:400]}"
        )
        checker.check("a rules change adopted by the council")

        checker.open(f"{live_server.url}/konto/konto/")
        checker.check("account with the e-mail language")
        if page.locator("select[name=language]").count():
            page.select_option("select[name=language]", "en")
        else:
            page.check("[name=language][value=en]")
        submit(page, page.get_by_role("button", name="Gem"))
        checker.expect("Dit valg er gemt." in page.inner_text("main"), "the language is saved without JS")

        checker.with_javascript(browser)

        from raad.councils.services import council_archive
        from raad.testing.cast import make_decision

        council_archive(council=council, decision=make_decision(council), by=None)
        checker.open(f"{live_server.url}{WORKSPACE}/")
        checker.check("an archived council's workspace")
        checker.open(f"{live_server.url}{WORKSPACE}/bemanding/ny-plads/")  # read-only: shown, not saved
        with page.expect_navigation() as navigation:
            page.locator("main form button[type=submit]").click()
        checker.expect(navigation.value.status == 403, "an archived council refuses a change without JS")
        checker.check("an archived council refuses a change", reload=False)
    finally:
        context.close()
    checker.assert_clean()


def test_member_pages_with_javascript_off(browser, live_server, demo_data):
    """A member: the duty of confidentiality, then an apology with its preview and its withdrawal."""
    from raad.membership.models import Person

    council = demo_data["council"]
    meeting = _upcoming(council)
    base = f"{live_server.url}{WORKSPACE}/moeder/{meeting.pk}/"
    Person.objects.filter(user__username="medlem").update(confidentiality_acknowledged_at=None)
    context = _context(browser, javascript=False)
    page = context.new_page()
    checker = Checker(page)
    try:
        login(page, live_server, "medlem")
        checker.open(f"{live_server.url}/arbejdsrum/tavshedspligt/accepter/")
        checker.check("confidentiality acceptance")
        submit(page, page.locator("main form button[type=submit]"))
        checker.expect(
            "Sæt kryds for at bekræfte, at du kender og overholder tavshedspligten." in page.inner_text("main"),
            "accepting without the box ticked is refused",
        )
        checker.check("confidentiality acceptance with an error", reload=False)
        checker.open(f"{live_server.url}/en/arbejdsrum/tavshedspligt/accepter/")
        submit(page, page.locator("main form button[type=submit]"))
        checker.expect(
            "Tick the box to confirm that you know and keep the duty of confidentiality." in page.inner_text("main"),
            "the refusal is in English on the English page",
        )
        checker.check("confidentiality acceptance with an error in English", reload=False)
        page.locator("main form label[for]").first.click()
        submit(page, page.locator("main form button[type=submit]"))
        accepted = Person.objects.get(user__username="medlem").confidentiality_acknowledged_at
        checker.expect(accepted is not None, "the duty of confidentiality is accepted without JS")

        checker.open(f"{base}afbud/")
        checker.check("apology preview")
        submit(page, page.get_by_role("button", name="Bekræft afbud"))
        checker.expect("Dit afbud er registreret" in page.inner_text("main"), "apology sent without JS")
        checker.check("meeting with the apology and its withdrawal", reload=False)
        submit(page, page.get_by_role("button", name="Træk afbuddet tilbage"))
        checker.expect("Dit afbud er trukket tilbage" in page.inner_text("main"), "apology withdrawn without JS")
        checker.opened.remove(f"{live_server.url}/arbejdsrum/tavshedspligt/accepter/")  # accepted: no page now
        checker.opened.remove(f"{live_server.url}/en/arbejdsrum/tavshedspligt/accepter/")
        checker.with_javascript(browser)
    finally:
        context.close()
    checker.assert_clean()


def test_public_pages_and_logins_with_javascript_on(browser, live_server, demo_data):
    """Public pages (front page, meetings list, the nomination submitter's confirmation, the 429 page), the admin
    login's one-time code and the two-factor set-up, with JavaScript on as most visitors have it."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from raad.core import ratelimit
    from raad.core.roles import Role
    from raad.core.services import user_create
    from raad.councils.selectors import current_term
    from raad.councils.services import staff_assign
    from raad.membership import links, services
    from raad.membership.models import Nomination, Seat

    council = demo_data["council"]
    nomination = Nomination.objects.get(candidate__first_name="Helle")
    Nomination.objects.filter(pk=nomination.pk).update(submitted_by_confirmed_at=None)
    user_create(username="ny-sekretaer", email="ny@demo.invalid", password=demo_data["password"], by=None)
    context = _context(browser, javascript=True)
    page = context.new_page()
    checker = Checker(page)
    try:
        checker.open(f"{live_server.url}/")
        checker.check("front page")
        checker.open(f"{live_server.url}/raad/{SLUG}/moeder/")
        checker.check("public meetings list")

        token = links.submitter_token(nomination_id=nomination.pk)
        checker.open(f"{live_server.url}/indstilling/kvittering/{token}/")
        checker.check("nomination submitter confirmation")
        submit(page, page.locator("main form button[type=submit]"))
        checker.expect(page.locator("[role=status]").count() == 1, "the submitter confirms the address")

        call = services.nomination_call_open(
            council=council,
            term=current_term(council),
            title="Indstilling til plads 5",
            deadline=timezone.now() + datetime.timedelta(days=7),
            by=None,
        )
        seat = Seat.objects.get(council=council, number=5)
        token = links.nominate_token(call_id=call.pk, body_id=seat.nominating_body_id)
        checker.open(f"{live_server.url}/indstilling/{token}/")
        for _submission in range(settings.PUBLIC_FORM_RATE_LIMIT):
            ratelimit.count("nominate", token)
        submit(page, page.locator("main form button[type=submit]"))
        checker.expect(page.inner_text("h1") == "For mange indsendelser", "the 429 page")
        checker.check("429 page", reload=False)

        checker.open(f"{live_server.url}/admin/")
        checker.expect("/konto/log-ind/" in page.url, "the admin login is the site's login")
        page.fill("input[name=username]", "sekretariat")
        page.fill("input[name=password]", demo_data["password"])
        submit(page, page.locator("form:has(input[name=username]) button[type=submit]"))
        checker.expect(page.locator("input[name=token]").count() == 1, "the admin login asks for the one-time code")
        page.fill("input[name=token]", "000000")
        submit(page, page.locator("form:has(input[name=token]) button[type=submit]"))
        checker.expect(_error_shown(page), "a wrong one-time code is refused")
        checker.check("one-time code with an error", reload=False)

        page.context.clear_cookies()
        staff_assign(
            council=council,
            user=get_user_model().objects.get(username="ny-sekretaer"),
            role=Role.SECRETARIAT,
            starts_on=datetime.date(2026, 1, 1),
            by=None,
        )
        checker.open(f"{live_server.url}/konto/log-ind/")
        page.fill("input[name=username]", "ny-sekretaer")
        page.fill("input[name=password]", demo_data["password"])
        submit(page, page.locator("form:has(input[name=username]) button[type=submit]"))
        checker.expect("/log-ind/tofaktor/" in page.url, "a new secretary sets up two-factor first")
        checker.check("two-factor set-up")
    finally:
        context.close()
    checker.assert_clean()
