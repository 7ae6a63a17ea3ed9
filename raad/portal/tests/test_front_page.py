"""The public front page shows what is current (issue #10): the next meeting with whether the public may attend
(from the rules of procedure in force on its date), the latest published minutes and statements, and how to
write to the council. The public meetings list marks the next meeting and says whether agenda and minutes are out."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from raad.councils.presets import PRESETS
from raad.councils.services import board_decision_record, rules_adopt_version
from raad.meetings import selectors as meetings
from raad.meetings.models import Meeting
from raad.statements.models import Statement
from raad.testing.reflow import OVERFLOW

# The story is the demo day's (its term 2026–2029, its meetings): the clock stands there.
pytestmark = pytest.mark.usefixtures("on_the_demo_day")

SLUG = "integrationsraadet"


def _next_meeting() -> Meeting:
    return (
        Meeting.objects.filter(starts_at__gte=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
        .first()
    )


def _when(meeting: Meeting) -> str:
    from raad.core import i18n

    with translation.override("da"):
        return i18n.date_local(meeting.starts_at, "WEEKDAY_DATETIME_FORMAT")


def _open_meetings_from(council, day: datetime.date) -> None:
    """A new version of the rules of procedure, in force from `day`, under which meetings are public."""
    settings = dict(PRESETS["holbaek"]["rules"]["settings"], meetings_public=True)
    decision = board_decision_record(
        municipality=council.municipality, decided_on=timezone.localdate(), reference="KB", title="FO", by=None
    )
    rules_adopt_version(
        council=council,
        settings=settings,
        in_force_from=day,
        adopted_on=timezone.localdate(),
        decision=decision,
        by=None,
    )


@pytest.mark.django_db
def test_front_page_shows_the_next_meeting_minutes_statements_and_contact(client, demo_data):
    nxt = _next_meeting()
    html = client.get(reverse("portal:home")).content.decode()

    assert "Næste møde" in html
    assert _when(nxt) in html
    assert nxt.place in html
    assert "Mødet er lukket for offentligheden." in html  # Holbæk's rules: meetings_public is False
    assert "alle er velkomne" not in html

    minutes = meetings.public_latest_minutes(demo_data["council"])
    assert len(minutes) == 3
    for meeting in minutes:
        assert reverse("meetings_public:meeting", args=[SLUG, meeting.pk]) in html
    newest = Statement.objects.filter(council=demo_data["council"], status=Statement.Status.PUBLISHED).order_by(
        "-adopted_on", "-id"
    )[:3]
    for statement in newest:
        assert statement.title in html
    assert f'href="mailto:{demo_data["council"].contact_email}"' in html
    assert "Skriv til rådet" in html


@pytest.mark.django_db
def test_front_page_says_the_public_may_attend_when_the_rules_in_force_then_say_so(client, demo_data):
    nxt = _next_meeting()
    _open_meetings_from(demo_data["council"], meetings.local_date(nxt))

    html = client.get(reverse("portal:home")).content.decode()

    assert "Mødet er åbent: alle er velkomne til at overvære det." in html
    assert "Mødet er lukket for offentligheden." not in html


@pytest.mark.django_db
def test_front_page_query_count_is_pinned(client, demo_data, django_assert_num_queries):
    with django_assert_num_queries(10):  # one of them: is there an easy-read version of a text shown
        assert client.get(reverse("portal:home")).status_code == 200


@pytest.mark.django_db
def test_meetings_list_marks_the_next_meeting_and_whether_agenda_and_minutes_are_out(client, demo_data):
    nxt = _next_meeting()
    response = client.get(reverse("meetings_public:list", args=[SLUG]), {"aar": nxt.starts_at.year})
    html = response.content.decode()

    cards = html.split('<li class="raad-card')[1:]
    marked = [card for card in cards if "raad-next-meeting" in card.split(">", 1)[0]]
    assert len(marked) == 1
    assert reverse("meetings_public:meeting", args=[SLUG, nxt.pk]) in marked[0]
    assert "Dagsorden: ikke udsendt endnu" in marked[0] and "Referat: ikke offentliggjort" in marked[0]

    published = Meeting.objects.filter(
        council=demo_data["council"], minutes__is_published=True, starts_at__year=nxt.starts_at.year
    )
    assert published.exists()
    for meeting in published:
        [card] = [c for c in cards if reverse("meetings_public:meeting", args=[SLUG, meeting.pk]) + '"' in c]
        assert "Dagsorden: udsendt" in card and "Referat: offentliggjort" in card
    assert "<strong>Næste møde</strong>" in html
    with translation.override("da"):
        assert date_format(timezone.localtime(nxt.starts_at), "j. F Y") in html


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_front_page_in_the_browser(browser, live_server, demo_data, width):
    from raad.testing.axe import format_violations, run_axe

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    tab = context.new_page()
    try:
        tab.goto(f"{live_server.url}/")
        assert tab.get_by_role("heading", name="Næste møde").is_visible()
        assert tab.get_by_role("heading", name="Seneste referater").is_visible()
        assert tab.get_by_role("heading", name="Skriv til rådet").is_visible()
        result = tab.evaluate(OVERFLOW)
        assert result["scrollWidth"] <= result["width"], result
        violations = run_axe(tab)
        assert not violations, format_violations(tab.url, violations)
        tab.goto(f"{live_server.url}/raad/{SLUG}/moeder/")
        violations = run_axe(tab)
        assert not violations, format_violations(tab.url, violations)
    finally:
        context.close()
