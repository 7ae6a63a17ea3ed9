"""axe-core finds nothing on the archive, a statement page and the drafting screens; the drafting and the
written answer work in a real browser (with JavaScript off, since every page works without it)."""

from __future__ import annotations

import pytest

from raad.statements.models import Consultation, Statement, WrittenAnswer
from raad.testing.browser import login

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _late_november():
    """The demo tells its story as of late November 2026, before the meeting of 10 December."""
    import datetime
    import zoneinfo

    import time_machine

    with time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Copenhagen"))):
        yield


SLUG = "integrationsraadet"
DESK = f"/arbejdsrum/{SLUG}/hoeringer/"


def _check(page, url, assert_accessible, status=200):
    response = page.goto(url)
    assert response is not None and response.status == status, url
    assert page.locator("h1").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_public_archive_and_statement_pages_are_accessible(page, live_server, demo_data, assert_accessible, prefix):
    base = f"{live_server.url}{prefix}/raad/{SLUG}/hoeringssvar/"
    _check(page, base, assert_accessible)
    _check(page, base + "?aar=2026&type=response", assert_accessible)
    for statement in Statement.objects.filter(status="published"):
        _check(page, f"{live_server.url}{prefix}{statement.get_absolute_url()}", assert_accessible)


def test_drafting_screens_are_accessible(page, live_server, demo_data, assert_accessible):
    login(page, live_server, "sekretariat")
    draft = Statement.objects.get(status="draft")
    published = Statement.objects.filter(status="published").first()
    consultation = Consultation.objects.filter(statements=None).first()
    for path in [
        DESK,
        f"{DESK}ny-hoering/",
        f"{DESK}ny-udtalelse/",
        f"{DESK}ny-udtalelse/?hoering={consultation.pk}",
        f"{DESK}hoering-{consultation.pk}/",
        f"{DESK}udtalelse-{draft.pk}/",
        f"{DESK}udtalelse-{draft.pk}/sammenlign/?fra=1&til=2",
        f"{DESK}udtalelse-{published.pk}/",
        f"{DESK}journal/",
        f"/arbejdsrum/{SLUG}/",
    ]:
        _check(page, live_server.url + path, assert_accessible)


def test_form_errors_are_accessible(page, live_server, demo_data, assert_accessible):
    login(page, live_server, "sekretariat")
    page.goto(f"{live_server.url}{DESK}ny-hoering/")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".form-error-message").count() >= 3
    assert_accessible(page)


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_member_saves_a_version_compares_and_answers_without_javascript(
    no_js_page, live_server, demo_data, assert_accessible
):
    page = no_js_page
    draft = Statement.objects.get(status="draft")
    login(page, live_server, "forperson")
    page.goto(f"{live_server.url}{DESK}udtalelse-{draft.pk}/")
    page.fill(
        "textarea[name=text]",
        draft.versions.order_by("-number").first().text + "\n\nRådet ønsker et frivilligcenter i Jyderup.",
    )
    page.fill("input[name=note]", "Jyderup")
    page.click("form[action$='/gem/'] button[type=submit]")
    page.wait_for_load_state()
    assert "Version 3 er gemt." in page.inner_text("main")
    page.fill("input[name=fra]", "2")
    page.fill("input[name=til]", "3")
    page.click("form[action$='/sammenlign/'] button[type=submit]")
    page.wait_for_load_state()
    assert "Rådet ønsker et frivilligcenter i Jyderup." in " ".join(page.locator("ins").all_inner_texts())
    assert page.locator("del").count() == 0
    # The secretariat opens a written procedure; the chair answers in the workspace.
    from raad.core.models import User
    from raad.statements import services

    services.written_procedure_open(statement=draft, by=User.objects.get(username="sekretariat"))
    page.goto(f"{live_server.url}{DESK}udtalelse-{draft.pk}/")
    page.check("input[name=answer][value=agree]")
    page.click("form[action$='/skriftlig/svar/'] button[type=submit]")
    page.wait_for_load_state()
    assert "Dit svar er registreret" in page.inner_text("main")
    assert WrittenAnswer.objects.get(procedure__statement=draft).answer == "agree"


def test_secretariat_registers_the_meetings_decision_without_javascript(
    no_js_page, live_server, demo_data, assert_accessible
):
    """The demo's open response is on the agenda of 10 December. The meeting is held and adopts it; the
    desk then shows the decision, preselected, and one click registers the adoption."""
    from raad.core.models import User
    from raad.meetings import services as meetings
    from raad.membership.selectors import memberships_in_force

    page = no_js_page
    secretary = User.objects.get(username="sekretariat")
    draft = Statement.objects.get(status="draft")
    item = draft.agenda_item
    assert item is not None and item.kind == "decision"
    meetings.meeting_send_notice(meeting=item.meeting, by=secretary)
    members = [m.pk for m in memberships_in_force(draft.council, item.meeting.starts_at.date())]
    meetings.attendance_register(meeting=item.meeting, present=members, substitutes_present=[], by=secretary)
    decision = meetings.item_decide(
        item=item, text="Rådet vedtog høringssvaret.", votes_for=len(members), by=secretary, now=item.meeting.starts_at
    )

    login(page, live_server, "sekretariat")
    page.goto(f"{live_server.url}{DESK}udtalelse-{draft.pk}/")
    assert "Rådet vedtog indstillingen under Møde 10.12.2026, pkt. 5." in page.inner_text("main")
    assert page.locator("select[name=decision]").input_value() == str(decision.pk)
    assert_accessible(page)
    page.click("form[action$='/moede/'] button[type=submit]")
    page.wait_for_load_state()
    assert "Udtalelsen er registreret som vedtaget" in page.inner_text("main")
    assert "Beslutning på et møde" in page.inner_text("main") and "Møde 10.12.2026, pkt. 5" in page.inner_text("main")
    draft.refresh_from_db()
    assert (draft.status, draft.decision) == ("adopted", decision)
    assert_accessible(page)


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const culprits = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && !element.closest('.table--responsive-scroll, .table-responsive')) {
      culprits.push(element.tagName.toLowerCase() + ' ends at ' + Math.round(box.right) + 'px: '
        + (element.textContent || '').trim().slice(0, 50));
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5)};
}"""


def _narrow_problems(page, base_url, pages):
    """WCAG 1.4.10: no sideways scrolling at 320 px (tables may scroll in their own box), and axe at that width."""
    from raad.testing.axe import format_violations, run_axe

    problems = []
    for name, path in pages:
        page.goto(f"{base_url}{path}")
        result = page.evaluate(OVERFLOW)
        if result["scrollWidth"] > result["width"]:
            problems.append(f"{name} ({path}) is {result['scrollWidth']}px wide: {result['culprits']}")
        violations = run_axe(page)
        if violations:
            problems.append(format_violations(f"{name} ({path}) at 320px", violations))
    return problems


def test_archive_statement_and_drafting_pages_reflow_at_320_pixels(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="da-DK")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        published = Statement.objects.filter(status="published").first()
        draft = Statement.objects.get(status="draft")
        public = [("archive", f"/raad/{SLUG}/hoeringssvar/"), ("statement", published.get_absolute_url())]
        problems = _narrow_problems(page, live_server.url, public)
        login(page, live_server, "sekretariat")
        workspace = [
            ("desk", DESK),
            ("drafting", f"{DESK}udtalelse-{draft.pk}/"),
            ("compare", f"{DESK}udtalelse-{draft.pk}/sammenlign/?fra=1&til=2"),
            ("journal", f"{DESK}journal/"),
        ]
        problems += _narrow_problems(page, live_server.url, workspace)
        assert not problems, "\n".join(problems)
    finally:
        context.close()
