"""axe-core finds nothing on the archive, a statement page and the drafting screens; the drafting and the
written answer work in a real browser (with JavaScript off, since every page works without it)."""

from __future__ import annotations

import pytest

from raad.statements.models import Consultation, Statement, WrittenAnswer
from raad.testing.browser import login
from raad.testing.reflow import reflow_problems

pytestmark = pytest.mark.browser

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
    published = Statement.objects.filter(council__slug=SLUG, status="published").first()
    consultation = Consultation.objects.filter(council__slug=SLUG, statements=None).first()
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
    no_js_page, page, live_server, demo_data, assert_accessible
):
    """One click puts an own-initiative statement on the next meeting's agenda; the meeting adopts it; the
    desk then shows the decision, preselected, and one more click registers the adoption.

    Real time throughout (no time travel: it would upset Playwright's timers): the meeting is planned for
    tomorrow, before any other open meeting."""
    import datetime

    from django.utils import timezone

    from raad.core.models import User
    from raad.meetings import services as meetings
    from raad.membership.selectors import memberships_in_force
    from raad.statements import services
    from raad.statements.models import Committee
    from raad.statements.selectors import agenda_label

    secretary = User.objects.get(username="sekretariat")
    council = demo_data["council"]
    starts = (timezone.localtime() + datetime.timedelta(days=1)).replace(hour=17, minute=0, second=0, microsecond=0)
    meeting = meetings.meeting_plan(council=council, starts_at=starts, place="Holbæk Rådhus", by=secretary)
    statement = services.statement_create(
        council=council,
        kind="statement",
        title="Udtalelse om tolkning i sundhedsvæsenet",
        recipient=Committee.objects.get(municipality=council.municipality, name="Udvalget for Social og Sundhed"),
        text="Rådet anbefaler, at kommunen bruger professionelle tolke.",
        by=secretary,
    )
    item = services.statement_plan_route(statement=statement, route="meeting", by=secretary)
    assert item.meeting == meeting and item.kind == "decision"
    meetings.meeting_send_notice(meeting=meeting, by=secretary)
    members = [m.pk for m in memberships_in_force(council, starts.date())]
    meetings.attendance_register(meeting=meeting, present=members, substitutes_present=[], by=secretary)
    decision = meetings.item_decide(
        item=item, text="Rådet vedtog udtalelsen.", votes_for=len(members), by=secretary, now=starts
    )
    where = agenda_label(item)

    url = f"{live_server.url}{DESK}udtalelse-{statement.pk}/"
    # axe needs JavaScript: the page with the decision waiting is checked in an ordinary browser page.
    login(page, live_server, "sekretariat")
    page.goto(url)
    assert_accessible(page)
    # The work itself without JavaScript.
    login(no_js_page, live_server, "sekretariat")
    no_js_page.goto(url)
    assert f"Rådet vedtog indstillingen under {where}." in no_js_page.inner_text("main")
    assert no_js_page.locator("select[name=decision]").input_value() == str(decision.pk)
    no_js_page.click("form[action$='/moede/'] button[type=submit]")
    no_js_page.wait_for_load_state()
    text = no_js_page.inner_text("main")
    assert "Udtalelsen er registreret som vedtaget" in text and "Beslutning på et møde" in text and where in text
    statement.refresh_from_db()
    assert (statement.status, statement.decision) == ("adopted", decision)
    page.goto(url)
    assert_accessible(page)


def test_archive_statement_and_drafting_pages_reflow_at_320_pixels(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="da-DK")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        published = Statement.objects.filter(council__slug=SLUG, status="published").first()
        draft = Statement.objects.get(status="draft")
        public = [("archive", f"/raad/{SLUG}/hoeringssvar/"), ("statement", published.get_absolute_url())]
        problems = reflow_problems(page, live_server.url, public)
        login(page, live_server, "sekretariat")
        workspace = [
            ("desk", DESK),
            ("drafting", f"{DESK}udtalelse-{draft.pk}/"),
            ("compare", f"{DESK}udtalelse-{draft.pk}/sammenlign/?fra=1&til=2"),
            ("journal", f"{DESK}journal/"),
        ]
        problems += reflow_problems(page, live_server.url, workspace)
        assert not problems, "\n".join(problems)
    finally:
        context.close()
