"""The demo data: this term's meetings, one closed item, published minutes, the next meeting's agenda."""

import datetime
import zoneinfo

import pytest
import time_machine

from raad.core.models import OutgoingMail
from raad.meetings import selectors
from raad.meetings.models import AgendaItem, Meeting, Minutes


@pytest.fixture(autouse=True)
def _late_november():
    """The demo tells the story as of late November 2026, before the meeting of 10 December."""
    with time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Copenhagen"))):
        yield


@pytest.mark.django_db
def test_demo_has_this_terms_meetings(demo_data, client):
    council = demo_data["council"]
    meetings = list(Meeting.objects.filter(council=council).order_by("starts_at"))
    assert [m.kind for m in meetings][:2] == ["constituent", "ordinary"]
    assert sum(1 for m in meetings if m.status == "held") == 5
    assert Minutes.objects.filter(meeting__council=council, is_published=True).count() == 4
    assert AgendaItem.objects.filter(is_closed=True).count() == 1
    next_meeting = meetings[-1]
    # The meetings demo's three items, then the statements demo's: the report
    # of an urgent answer (R24), then a response for decision.
    assert next_meeting.status == "planned" and [(i.position, i.kind) for i in next_meeting.items.all()] == [
        (1, "information"),
        (2, "discussion"),
        (3, "discussion"),
        (4, "information"),
        (5, "decision"),
    ]
    assert not OutgoingMail.objects.exists()  # the demo mails nobody
    closed = AgendaItem.objects.get(is_closed=True)
    page = client.get(closed.meeting.get_public_url()).content.decode()
    assert closed.title not in page and "Danskundervisning for udearbejdende" in page
    assert selectors.year_plan(council, 2026).shortfall == 0
    assert selectors.year_plan(council, 2027).shortfall == 6


@pytest.mark.django_db
def test_demo_has_holbaeks_other_councils_with_a_few_months_of_work(demo_data):
    """Handicaprådet and Ældrerådet (raad/meetings/demo_other_councils.py): members, two held meetings with
    minutes (the first published), the next one planned; the ældreråd's members come from its election."""
    from raad.membership.models import DirectElection, Membership

    for slug, members in (("handicapraadet", 5), ("aeldreraadet", 7)):
        meetings = list(Meeting.objects.filter(council__slug=slug).order_by("starts_at"))
        assert [m.status for m in meetings] == ["held", "held", "planned"], slug
        assert Minutes.objects.filter(meeting__council__slug=slug, is_published=True).count() == 1
        assert Membership.objects.filter(seat__council__slug=slug, ends_on__isnull=True).count() == members
    election = DirectElection.objects.get(council__slug="aeldreraadet")
    assert [c.outcome for c in election.candidates.all()] == ["elected"] * 7 + ["substitute"] * 3
    # Their høringer (raad/statements/demo_other_councils.py): one answered each, adopted at the September
    # meeting, sent and followed up; the ældreråd has one open.
    from raad.statements.models import Consultation, Statement

    for slug in ("handicapraadet", "aeldreraadet"):
        statement = Statement.objects.get(council__slug=slug)
        assert statement.sent_at is not None and statement.follow_ups.count() == 1, slug
        assert statement.decision.item.meeting.council.slug == slug
    assert [c.statements.exists() for c in Consultation.objects.filter(council__slug="aeldreraadet")] == [
        True,
        False,
    ]


@pytest.mark.django_db
def test_public_agendas_and_minutes_of_many_meetings_read_as_each_one_does(demo_data, django_assert_num_queries):
    """The search index reads every meeting at once (`public_agendas`, `public_minutes_of`): the same open items,
    closed ones as "Lukket punkt", and published minutes only, as the meeting page's `public_agenda` and
    `public_minutes`, in two queries each however many meetings there are."""
    meetings = list(Meeting.objects.filter(council=demo_data["council"]).order_by("starts_at"))
    with django_assert_num_queries(2):
        agendas = selectors.public_agendas(meetings)
    with django_assert_num_queries(2):
        minutes = selectors.public_minutes_of(meetings)
    assert agendas == {meeting.pk: selectors.public_agenda(meeting) for meeting in meetings}
    assert minutes == {
        meeting.pk: selectors.public_minutes(meeting) for meeting in meetings if selectors.public_minutes(meeting)
    }
    assert len(minutes) == 4 and sum(item.closed for items in agendas.values() for item in items) == 1
    assert not [item for items in agendas.values() for item in items if item.closed and item.title]
