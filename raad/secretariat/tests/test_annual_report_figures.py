"""The annual report's figures (R23): a year built through the services, with things in the year before and
after and closed or unpublished things in the year, and every count checked."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raad.community.services import events as event_services
from raad.community.services import media as media_services
from raad.community.services import volunteering as volunteering_services
from raad.core import mail
from raad.councils.models import Purpose
from raad.dialogue.services.log import dialogue_entry_record
from raad.dialogue.services.topics import topic_create, topic_outcome_register
from raad.dialogue.tests.topic_helpers import inquiry
from raad.finance import services as finance
from raad.meetings import services as meetings
from raad.membership.services import member_resign
from raad.secretariat.selectors.annual_report import annual_report_figures, figures_from_json, figures_to_json
from raad.statements import services as statements

YEAR = 2026
QUERIES = 27  # a fixed number, whatever the size of the year
CPH = timezone.get_default_timezone()


def at(day: datetime.date, hour: int = 17) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=CPH)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _meeting(council, day, items=()):
    meeting = meetings.meeting_plan(council=council, starts_at=at(day), place="Holbæk Rådhus", by=None)
    made = [meetings.item_add(meeting=meeting, by=None, **item) for item in items]
    meetings.meeting_send_notice(meeting=meeting, by=None, now=at(day) - datetime.timedelta(days=8))
    return meeting, made


def _decide(item, n):
    return meetings.item_decide(item=item, text="Vedtaget.", votes_for=n, by=None, now=item.meeting.starts_at)


def _statement(council, secretary, item, n, **fields):
    statement = statements.statement_create(council=council, text="Rådet anbefaler mere.", by=secretary, **fields)
    return statements.statement_adopt_at_meeting(statement=statement, decision=_decide(item, n), by=secretary)


def build_year(cast):
    council, secretary, members = cast.council, cast.secretary, cast.members
    p1, p2, p3, p4 = Purpose.objects.filter(terms_of_reference__council=council).order_by("number")[:4]
    ids = [m.pk for m in members]
    committee = statements.committee_create(
        municipality=council.municipality, name="Økonomiudvalget", email="oeu@holbaek.invalid", by=None
    )
    # Meetings: one in the year before, two held and one cancelled in the year, one planned in the year after.
    before, _items = _meeting(council, datetime.date(2025, 11, 10), [{"title": "Meddelelser"}])
    meetings.meeting_mark_held(meeting=before, by=None)
    first, _items = _meeting(
        council,
        datetime.date(YEAR, 3, 10),
        [
            {"title": "Beskæftigelse", "purposes": [p1]},
            {"title": "HEMMELIG personsag", "is_closed": True, "purposes": [p2]},
            {"title": "Sprog og uddannelse", "purposes": [p1, p3]},
        ],
    )
    meetings.apology_send(meeting=first, membership=members[2], by=None)  # Sara Lindholm sits for Ahmad
    meetings.apology_send(meeting=first, membership=members[3], by=None)
    meetings.attendance_register(meeting=first, present=ids[:2] + ids[5:], substitutes_present=[ids[2]], by=None)
    meetings.meeting_mark_held(meeting=first, by=None)
    second, (info, adopt_response, adopt_own, adopt_unpublished) = _meeting(
        council,
        datetime.date(YEAR, 6, 10),
        [
            {"title": "Orientering", "purposes": [p4]},
            {"title": "Høringssvar om boliger"},
            {"title": "Udtalelse om fritidsjob"},
            {"title": "Udtalelse om lektiehjælp"},
        ],
    )
    meetings.attendance_register(meeting=second, present=ids, substitutes_present=[], by=None)
    consultation = statements.consultation_register(
        council=council,
        subject="Boligpolitik",
        committee=committee,
        received_on=datetime.date(YEAR, 5, 1),
        deadline=datetime.date(YEAR, 6, 20),
        case_number="03.00.00-P15-1-26",
        by=secretary,
    )
    response = _statement(
        council, secretary, adopt_response, 10, kind="response", title="Boliger", consultation=consultation
    )
    own = _statement(
        council, secretary, adopt_own, 10, kind="statement", title="Fritidsjob", recipient=committee, purpose=p2
    )
    _statement(
        council, secretary, adopt_unpublished, 10, kind="statement", title="HEMMELIG udtalelse", recipient=committee
    )
    with mail.suppressed():
        for statement in (response, own):
            statements.statement_send(statement=statement, by=secretary, late_reason="Sent efter mødet.")
    statements.follow_up_register(
        statement=own,
        decided_on=datetime.date(YEAR, 9, 1),
        body="Økonomiudvalget",
        decision="Pulje oprettet.",
        by=secretary,
    )
    statements.follow_up_register(
        statement=own,
        decided_on=datetime.date(YEAR, 10, 1),
        body="Kommunalbestyrelsen",
        decision="Godkendt.",
        by=secretary,
    )
    meetings.meeting_mark_held(meeting=second, by=None)
    cancelled = meetings.meeting_plan(council=council, starts_at=at(datetime.date(YEAR, 9, 1)), place="Holbæk", by=None)
    meetings.meeting_cancel(meeting=cancelled, by=secretary)
    meetings.meeting_plan(council=council, starts_at=at(datetime.date(YEAR + 1, 1, 20)), place="Holbæk", by=None)

    # Topics (created in the year unless travelled): two published, one unpublished, one the year before.
    with time_machine.travel(at(datetime.date(YEAR, 4, 1)), tick=False):
        lektier = topic_create(
            council=council, title="Lektiehjælp", purposes=[p3], published=True, raised_elsewhere_count=4, by=secretary
        )
        jobs = topic_create(council=council, title="Fritidsjob", purposes=[p1, p3], published=True, by=secretary)
        hidden = topic_create(council=council, title="HEMMELIGT emne", purposes=[p1], by=secretary)
    with time_machine.travel(at(datetime.date(YEAR - 1, 4, 1)), tick=False):
        topic_create(council=council, title="Gammelt emne", purposes=[p1], published=True, by=secretary)
    inquiry(lektier)
    inquiry(lektier, consent=True)
    inquiry(hidden)
    topic_outcome_register(
        topic=jobs, outcome="Jobcentret åbnede en fritidsjobpulje.", outcome_on=datetime.date(YEAR, 10, 1), by=secretary
    )

    # Dialogue: three in the year, one before.
    for day, counterpart in [
        ((YEAR, 2, 1), "associations"),
        ((YEAR, 5, 1), "associations"),
        ((YEAR, 8, 1), "authorities"),
        ((YEAR - 1, 12, 31), "citizens"),
    ]:
        dialogue_entry_record(
            council=council, held_on=datetime.date(*day), counterpart=counterpart, learned="Noteret.", by=secretary
        )

    # Events: two published (one with 35 participants, one without a count), one cancelled, one draft,
    # one published the year after.
    def event(day, title, publish=True, **extra):
        start = at(day, 14)
        made = event_services.event_create(
            council=council,
            data={
                "title": title,
                "starts_at": start,
                "ends_at": start + datetime.timedelta(hours=2),
                "place": "Biblioteket",
                **extra,
            },
            by=secretary,
        )
        return event_services.event_publish(event=made, by=secretary) if publish else made

    cafe = event(datetime.date(YEAR, 5, 5), "Sprogcafé", purposes=[p4])
    event(datetime.date(YEAR, 6, 6), "Foreningsdag")
    with mail.suppressed():
        event_services.event_cancel(event=event(datetime.date(YEAR, 7, 7), "Aflyst fest"), reason="Regn.", by=secretary)
    event(datetime.date(YEAR, 8, 8), "HEMMELIG kladde", publish=False, purposes=[p4])
    event(datetime.date(YEAR + 1, 2, 2), "Næste år", purposes=[p4])
    with time_machine.travel(at(datetime.date(YEAR, 5, 6)), tick=False):
        event_services.event_report(event=cafe, participant_count=35, account="Godt fremmøde.", by=secretary)

    # Media: two pieces in the year (one for purposes 1 and 2), one the year before; a release sent in the year,
    # a draft.
    media_services.coverage_record(
        council=council,
        outlet="Isefjordsposten (opdigtet)",
        published_on=datetime.date(YEAR, 3, 1),
        headline="A",
        purposes=[p1, p2],
        by=secretary,
    )
    media_services.coverage_record(
        council=council, outlet="X", published_on=datetime.date(YEAR, 4, 1), headline="B", by=secretary
    )
    media_services.coverage_record(
        council=council,
        outlet="X",
        published_on=datetime.date(YEAR - 1, 4, 1),
        headline="C",
        purposes=[p1],
        by=secretary,
    )
    media_services.outlet_add(council=council, name="Lokalavisen", email="red@lokal.invalid", by=secretary)
    release = media_services.press_release_draft(council=council, title="Sprogcafé", body="Kom.", by=secretary)
    media_services.press_release_draft(council=council, title="HEMMELIG kladde", body="Nej.", by=secretary)
    with time_machine.travel(at(datetime.date(YEAR, 5, 1)), tick=False), mail.suppressed():
        media_services.press_release_approve(release=release, by=cast.users["forperson"])
        media_services.press_release_send(release=release, by=secretary)

    # Volunteering: two contributions in the year (an event and a dialogue), one the year before.
    strategy = volunteering_services.strategy_save(council=council, title="Frivillighedsstrategi", by=secretary)
    goal = volunteering_services.goal_add(strategy=strategy, number=1, title="Flere frivillige", by=secretary)
    for day, kind in [((YEAR, 5, 5), "event"), ((YEAR, 9, 9), "dialogue"), ((YEAR - 1, 9, 9), "other")]:
        volunteering_services.contribution_record(
            council=council, goal=goal, what="Noget.", done_on=datetime.date(*day), kind=kind, by=secretary
        )

    # Budget: two lines; paid expenses count as spent, committed ones do not; the year after has its own.
    budget = finance.budget_year_create(council=council, year=YEAR, transport_rate=Decimal("3.79"), by=secretary)
    meetings_line = finance.budget_line_set(budget=budget, name="Møder", amount=Decimal("20000"), by=secretary)
    events_line = finance.budget_line_set(budget=budget, name="Arrangementer", amount=Decimal("30000"), by=secretary)
    paid = finance.expense_register(
        line=meetings_line, spent_on=datetime.date(YEAR, 3, 10), payee="Café", amount=Decimal("1250.50"), by=secretary
    )
    finance.expense_mark_paid(expense=paid, by=secretary)
    finance.expense_register(
        line=events_line, spent_on=datetime.date(YEAR, 5, 5), payee="Bager", amount=Decimal("800"), by=secretary
    )
    finance.budget_year_create(council=council, year=YEAR + 1, transport_rate=Decimal("3.79"), by=secretary)

    # Membership: ten members and a substitute started in the year (cast); one member resigns in the year.
    with mail.suppressed():
        member_resign(membership=members[9], last_day=datetime.date(YEAR, 10, 31), by=secretary)
    return council


def test_every_figure_of_the_year_is_counted_exactly(cast):
    council = build_year(cast)
    with CaptureQueriesContext(connection) as queries:
        figures = annual_report_figures(council, YEAR)
    assert len(queries) == QUERIES, [q["sql"] for q in queries.captured_queries]

    assert [(p.number, p.agenda_items, p.statements, p.topics, p.events, p.media) for p in figures.purposes] == [
        (1, 2, 0, 1, 0, 1),
        (2, 0, 1, 0, 0, 1),
        (3, 1, 0, 2, 0, 0),
        (4, 1, 0, 0, 1, 0),
    ]
    m = figures.meetings
    assert (m.held, m.cancelled, m.open_items) == (2, 1, 6)
    assert [(r.held_on, r.seats, r.filled, r.apologies) for r in m.rows] == [
        (datetime.date(YEAR, 3, 10), 10, 8, 2),
        (datetime.date(YEAR, 6, 10), 10, 10, 0),
    ]
    assert (m.seats, m.filled, m.attendance_percent) == (20, 18, 90)
    s = figures.statements
    assert (s.responses, s.own_initiative, s.with_follow_up, s.follow_ups) == (1, 1, 1, 2)
    t = figures.topics
    assert (t.raised, t.inquiries, t.raised_elsewhere) == (2, 2, 4)  # the hidden topic's inquiry never counts
    assert (t.discussed, t.with_statement, t.with_outcome) == (1, 0, 1)  # followed up counts as dealt with
    assert figures.dialogue.total == 3
    assert {r.key: r.count for r in figures.dialogue.per_counterpart} == {
        "citizens": 0,
        "professionals": 0,
        "businesses": 0,
        "authorities": 1,
        "associations": 2,
    }
    e = figures.events
    assert (e.held, e.cancelled, e.participants, e.counted) == (2, 1, 35, 1)
    assert (figures.media.coverage, figures.media.press_releases) == (2, 1)
    assert figures.volunteering.total == 2
    assert {r.key: r.count for r in figures.volunteering.per_kind} == {
        "event": 1,
        "statement": 0,
        "dialogue": 1,
        "other": 0,
    }
    b = figures.budget
    assert [(line.name, line.budget, line.spent) for line in b.lines] == [
        ("Møder", Decimal("20000.00"), Decimal("1250.50")),
        ("Arrangementer", Decimal("30000.00"), Decimal("0.00")),
    ]
    assert (b.budget, b.spent) == (Decimal("50000.00"), Decimal("1250.50"))
    ms = figures.membership
    assert {r.key: r.count for r in ms.started} == {"member": 8, "chair": 1, "vice_chair": 1}
    assert {r.key: r.count for r in ms.ended} == {"member": 1, "chair": 0, "vice_chair": 0}
    assert (ms.substitutes_started, ms.substitutes_ended) == (1, 0)
    # Nothing closed, unpublished or personal reaches the figures.
    frozen = figures_to_json(figures)
    assert "HEMMELIG" not in str(frozen) and "Sara" not in str(frozen) and "Lindholm" not in str(frozen)
    assert figures_from_json(frozen) == figures
