"""No queries in loops: the archive, a statement page and the desk make as many queries with many statements
as with few."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raad.statements import services
from raad.statements.models import Committee, Statement

from .conftest import adopt_at_meeting

# The cast's term and meetings are those of the demo story (2026): on the demo day, whatever today is.
pytestmark = pytest.mark.usefixtures("on_the_demo_day")

SLUG = "integrationsraadet"


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _more_published(council, n):
    secretary = get_user_model().objects.get(username="sekretariat")
    committee = Committee.objects.filter(municipality=council.municipality).first()
    for i in range(n):
        s = services.statement_create(
            council=council,
            kind="comment",
            title=f"Kommentar {i}",
            recipient=committee,
            text=f"Tekst {i}",
            by=secretary,
        )
        adopt_at_meeting(s, by=secretary, day=datetime.date(2026, 11, 1))
        services.statement_publish(statement=s, by=secretary)


def test_archive_query_count_does_not_grow(client, demo_data):
    url = reverse("statements:public_archive", args=[SLUG])
    before = _count(client, url)
    _more_published(demo_data["council"], 8)
    assert _count(client, url) == before
    assert before == 8


def test_statement_page_query_count(client, demo_data):
    statement = Statement.objects.get(title="Høringssvar om Integrationspolitik 2027–2030")
    # Council (site chrome and page), the statement with its decision and meeting, versions, documents,
    # the statement's own minority statements, those recorded with the meeting decision, follow-ups, and
    # whether the statement or its text has an easy-read version (the toggle).
    assert _count(client, statement.get_absolute_url()) == 8


def test_desk_query_count_does_not_grow_with_open_consultations(client, demo_data):
    """Each open consultation shows its draft, the meeting before its deadline or its agenda item."""
    from raad.meetings import services as meetings

    from .test_views import login

    council = demo_data["council"]
    secretary = get_user_model().objects.get(username="sekretariat")
    login(client, secretary)
    url = reverse("statements:desk", args=[SLUG])
    before = _count(client, url)
    committee = Committee.objects.filter(municipality=council.municipality).first()
    meetings.meeting_plan(
        council=council,
        starts_at=datetime.datetime.combine(datetime.date(2027, 1, 14), datetime.time(17)).astimezone(),
        place="Holbæk Rådhus",
        by=None,
    )
    for i in range(6):
        consultation = services.consultation_register(
            council=council,
            subject=f"Høring {i}",
            committee=committee,
            received_on=datetime.date(2026, 11, 20),
            deadline=datetime.date(2027, 1, 20),
            case_number=f"00.00.0{i}",
            by=secretary,
        )
        statement = services.statement_create(
            council=council, kind="response", title=f"Svar {i}", consultation=consultation, text="T", by=secretary
        )
        if i % 2:
            services.statement_plan_route(statement=statement, route="meeting", by=secretary)
    from raad.meetings.models import AgendaItem

    assert AgendaItem.objects.filter(title__startswith="Svar ", meeting__council=council).count() == 3
    assert _count(client, url) == before


def test_published_statements_are_read_in_bulk_as_one_by_one(demo_data):
    """The search index reads every statement of a council (`public_statements_shown`): the same text, version,
    corrections, documents, minority statements and follow-ups as the statement page's `public_statement`, in as
    many queries for 9 more statements as for the demo's."""
    from raad.statements.selectors import public_statement, public_statements, public_statements_shown

    council = demo_data["council"]

    def bulk():
        pks = list(public_statements(council).values_list("pk", flat=True))
        with CaptureQueriesContext(connection) as queries:
            shown = public_statements_shown(council, pks)
        assert shown == [public_statement(council, pk) for pk in pks]
        return len(shown), len(queries)

    few, queries = bulk()
    _more_published(demo_data["council"], 8)
    # one of the new ones corrected twice, and one more with a minority's dissent of its own
    secretary = get_user_model().objects.get(username="sekretariat")
    corrected = Statement.objects.get(title="Kommentar 3")
    for n in (1, 2):
        services.statement_correct(statement=corrected, text=f"Rettet tekst {n}", note="Stavefejl", by=secretary)
    dissented = services.statement_create(
        council=council,
        kind="comment",
        title="Kommentar med mindretal",
        recipient=corrected.recipient,
        text="Tekst",
        by=secretary,
    )
    adopt_at_meeting(dissented, by=secretary, day=datetime.date(2026, 11, 1))
    services.minority_statement_add(statement=dissented, members="Et mindretal", text="Uenig", by=secretary)
    services.statement_publish(statement=dissented, by=secretary)
    assert bulk() == (few + 9, queries)
    shown = {s.statement.title: s for s in public_statements_shown(council, [corrected.pk, dissented.pk])}
    assert (shown["Kommentar 3"].text, len(shown["Kommentar 3"].corrections)) == ("Rettet tekst 2", 2)
    assert [m.text for m in shown["Kommentar med mindretal"].minority_statements] == ["Uenig"]
    assert public_statements_shown(council, [Statement.objects.exclude(status="published").first().pk]) == []
