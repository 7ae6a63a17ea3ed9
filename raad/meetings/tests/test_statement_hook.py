"""The meetings side of the statements seam: a statement goes on the next open meeting's agenda."""

import pytest
import time_machine

from raad.meetings.models import AgendaItem
from raad.meetings.statement_hook import statement_agenda_hook
from raad.statements import hooks
from raad.statements import services as statements

from .conftest import at
from .factories import meeting_with_items


@pytest.fixture(autouse=True)
def _today():
    """These tests speak of "the next meeting": fix today at 26 November 2026."""
    with time_machine.travel(at(2026, 11, 26, 12), tick=False):
        yield


@pytest.fixture
def registered():
    """The app registers the hook when statements is installed."""
    assert hooks.has_agenda_hook()


@pytest.fixture
def statement(cast):
    committee = statements.committee_create(
        municipality=cast.council.municipality, name="Økonomiudvalget", email="oeu@holbaek.invalid", by=None
    )
    return statements.statement_create(
        council=cast.council,
        kind="statement",
        title="Udtalelse om sprogcentret",
        recipient=committee,
        text="Rådet anbefaler aftenhold.",
        by=cast.secretary,
    )


def test_choosing_the_meeting_route_puts_the_statement_on_the_next_open_agenda(cast, statement, registered):
    past = meeting_with_items(cast, starts=at(2026, 1, 15))  # before today: not suitable
    sent = meeting_with_items(cast, starts=at(2026, 12, 3))
    from raad.meetings import services

    services.meeting_send_notice(meeting=sent, by=cast.secretary)  # agenda closed
    open_meeting = meeting_with_items(cast, n_open=2, starts=at(2027, 1, 21))
    result = statements.statement_plan_route(statement=statement, route="meeting", by=cast.secretary)
    assert result == "Møde 21.01.2027, pkt. 3"
    item = AgendaItem.objects.get(meeting=open_meeting, position=3)
    assert (item.kind, item.title, item.proposed_decision) == (
        "decision",
        "Udtalelse om sprogcentret",
        "Rådet vedtager udtalelsen.",
    )
    assert not AgendaItem.objects.filter(meeting__in=[past, sent], title__contains="sprogcentret").exists()


def test_no_open_meeting_means_no_item(cast, statement, registered):
    assert statements.statement_plan_route(statement=statement, route="meeting", by=cast.secretary) is None
    assert not AgendaItem.objects.exists()


def test_urgent_report_is_an_information_item(cast, statement):
    open_meeting = meeting_with_items(cast, n_open=0, starts=at(2027, 1, 21))
    result = statement_agenda_hook(statement=statement, purpose=hooks.URGENT_REPORT, by=cast.secretary)
    assert result == "Møde 21.01.2027, pkt. 1"
    item = open_meeting.items.get()
    assert (item.kind, item.title) == ("information", "Orientering om hastebesvarelse: Udtalelse om sprogcentret")


def test_a_response_goes_only_to_a_meeting_before_the_consultation_deadline(cast, registered):
    import datetime

    committee = statements.committee_create(
        municipality=cast.council.municipality, name="Økonomiudvalget", email="oeu@holbaek.invalid", by=None
    )
    consultation = statements.consultation_register(
        council=cast.council,
        subject="Budget 2027",
        committee=committee,
        received_on=datetime.date(2026, 11, 20),
        deadline=datetime.date(2026, 12, 15),
        case_number="00.01",
        summary="Budget.",
        by=cast.secretary,
    )
    response = statements.statement_create(
        council=cast.council,
        kind="response",
        title="Høringssvar om budget",
        consultation=consultation,
        text="Tekst.",
        by=cast.secretary,
    )
    meeting_with_items(cast, n_open=0, starts=at(2027, 1, 21))  # after the deadline
    assert statements.statement_plan_route(statement=response, route="meeting", by=cast.secretary) is None
    before = meeting_with_items(cast, n_open=0, starts=at(2026, 12, 10))
    assert (
        statements.statement_plan_route(statement=response, route="meeting", by=cast.secretary)
        == "Møde 10.12.2026, pkt. 1"
    )
    assert before.items.get().title == "Høringssvar om budget"


def test_urgent_report_goes_to_the_first_meeting_after_adoption_only_if_its_agenda_is_open(cast, statement):
    from raad.meetings import services

    convened = meeting_with_items(cast, starts=at(2026, 12, 3))
    services.meeting_send_notice(meeting=convened, by=cast.secretary)
    meeting_with_items(cast, n_open=0, starts=at(2027, 1, 21))
    assert statement_agenda_hook(statement=statement, purpose=hooks.URGENT_REPORT, by=cast.secretary) is None
