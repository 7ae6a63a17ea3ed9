import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from raad.meetings.models import Meeting
from raad.statements.models import Consultation, Statement


@pytest.fixture(autouse=True)
def _late_november():
    """The demo tells the story as of late November 2026, before the meeting of 10 December."""
    with time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Copenhagen"))):
        yield


def test_demo_has_each_route_a_late_answer_own_initiative_and_follow_up(demo_data):
    council = demo_data["council"]
    statements = Statement.objects.filter(council=council)
    assert {s.adoption_route for s in statements if s.is_adopted} == {"meeting", "written", "urgent"}
    late = statements.exclude(late_reason="")
    assert late.count() == 1 and late.get().sent_at.date() > late.get().consultation.deadline
    assert statements.filter(consultation=None, kind="statement", status="published").count() == 1
    assert statements.filter(follow_ups__isnull=False).distinct().count() == 3
    assert statements.filter(status="draft").get().versions.count() == 2
    urgent = statements.get(adoption_route="urgent")
    next_meeting = Meeting.objects.get(council=council, status="planned")
    assert not urgent.report_at_next_meeting
    assert (urgent.report_item.meeting, urgent.report_item.kind) == (next_meeting, "information")
    # Adopted at a meeting means a decision recorded at one of the demo meetings, with its minority statement.
    for statement in statements.filter(adoption_route="meeting"):
        assert statement.decision.item.title == statement.title
        assert statement.decision.item.meeting.status == "held"
        assert statement.adopted_on == statement.decision.decided_at.date()
    policy = statements.get(title="Høringssvar om Integrationspolitik 2027–2030")
    assert list(policy.decision.minority_statements.values_list("members", flat=True)) == [
        "Jonas Petersen og Mikkel Andersen"
    ]
    # The open response went on the agenda of 10 December with one click.
    assert statements.get(status="draft").agenda_item.meeting == next_meeting
    assert Consultation.objects.filter(council=council).count() == 6
    assert all(c.documents.count() == 1 for c in Consultation.objects.filter(council=council))


def test_demo_is_idempotent(demo_data):
    call_command("load_demo", stdout=io.StringIO())
    council = demo_data["council"]
    assert Consultation.objects.filter(council=council).count() == 6
    assert Statement.objects.filter(council=council).count() == 6
    assert (Consultation.objects.count(), Statement.objects.count()) == (9, 8)  # the other councils' (3 and 2)


def test_demo_archive_and_statement_pages_render(client, demo_data):
    page = client.get("/raad/integrationsraadet/hoeringssvar/").content.decode()
    assert "5 udtalelser" in page
    for statement in Statement.objects.filter(status="published"):
        assert client.get(statement.get_absolute_url()).status_code == 200
