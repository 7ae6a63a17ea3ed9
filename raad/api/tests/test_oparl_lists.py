"""OParl's external lists: pagination, the created/modified filters, bad input (400 with a message, never a
500), 404 for what is not public, and a constant number of queries per page whatever the data size."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raad.core import mail
from raad.meetings import services as meetings
from raad.meetings.models import AgendaItem
from raad.meetings.tests.conftest import all_present, at
from raad.statements import services as statements
from raad.statements.tests.conftest import adopt_at_meeting

OPARL = "/oparl/"


def plan(cast, n: int, *, items: int = 2) -> list:
    """`n` meetings of the council, each with `items` open items and, if it has any, its notice sent."""
    planned = []
    for i in range(n):
        meeting = meetings.meeting_plan(
            council=cast.council, starts_at=at(2027, 1, 1 + i), place="Rådhuset", by=cast.secretary
        )
        for j in range(items):
            meetings.item_add(meeting=meeting, title=f"Punkt {j + 1}", by=cast.secretary)
        if items:
            with mail.suppressed():  # the notices' e-mails are not what these tests look at
                meetings.meeting_send_notice(meeting=meeting, by=cast.secretary)
        planned.append(meeting)
    return planned


def body_url(cast) -> str:
    return f"{OPARL}body/{cast.council.municipality_id}/"


def test_a_list_pages_through_every_object_once_keeping_its_filters(client, cast):
    planned = plan(cast, 5, items=0)
    since = "2000-01-01T00:00:00+01:00"
    address = f"{body_url(cast)}meeting/?limit=2&created_since=2000-01-01T00%3A00%3A00%2B01%3A00"
    seen, pages = [], []
    while address:
        answer = client.get(address.removeprefix(settings.SITE_URL)).json()
        pages.append(answer["pagination"])
        seen += [obj["id"] for obj in answer["data"]]
        for link in answer["links"].values():
            assert "limit=2" in link and "created_since=" + since.replace(":", "%3A").replace("+", "%2B") in link
        address = answer["links"].get("next")
    assert seen == [f"{settings.SITE_URL}{OPARL}meeting/{m.pk}/" for m in planned]
    assert pages == [
        {"totalElements": 5, "elementsPerPage": 2, "currentPage": 1, "totalPages": 3},
        {"totalElements": 5, "elementsPerPage": 2, "currentPage": 2, "totalPages": 3},
        {"totalElements": 5, "elementsPerPage": 2, "currentPage": 3, "totalPages": 3},
    ]


def test_a_councils_meeting_list_pages_through_its_meetings_with_the_same_filters(client, cast):
    planned = plan(cast, 3, items=0)
    organization = client.get(f"{OPARL}organization/council/{cast.council.pk}/").json()
    address = organization["meeting"] + "?limit=2&created_since=2000-01-01T00%3A00%3A00"
    assert address.startswith(f"{settings.SITE_URL}{OPARL}organization/council/{cast.council.pk}/meeting/")
    seen = []
    while address:
        answer = client.get(address.removeprefix(settings.SITE_URL)).json()
        assert answer["pagination"]["totalElements"] == 3
        seen += [obj["id"] for obj in answer["data"]]
        address = answer["links"].get("next")
    assert seen == [f"{settings.SITE_URL}{OPARL}meeting/{m.pk}/" for m in planned]
    later = (timezone.now() + datetime.timedelta(hours=1)).isoformat().replace("+", "%2B")
    answer = client.get(f"{OPARL}organization/council/{cast.council.pk}/meeting/?created_since={later}").json()
    assert answer["data"] == [] and answer["pagination"]["totalElements"] == 0
    response = client.get(f"{OPARL}organization/council/{cast.council.pk}/meeting/?page=0")
    assert response.status_code == 400
    response = client.get(f"{OPARL}organization/council/999999/meeting/")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Objektet findes ikke eller er ikke offentligt."


def test_an_item_that_stops_being_public_is_deleted_until_it_is_public_again(client, cast):
    meeting = meetings.meeting_plan(council=cast.council, starts_at=at(2027, 1, 7), place="Rådhuset", by=cast.secretary)
    closed = meetings.item_add(meeting=meeting, title="Lukkes senere", by=cast.secretary)
    with time_machine.travel(at(2027, 1, 2, 12), tick=False):  # after the deadline: late, admission pending
        late = meetings.item_propose(
            meeting=meeting, membership=cast.member, title="Sent punkt", individual_case=False, by=None
        )
    with mail.suppressed():
        meetings.meeting_send_notice(meeting=meeting, by=cast.secretary)
    items = f"{body_url(cast)}agendaitem/?modified_since=2000-01-01T00:00:00"

    def listed():
        return {obj["id"].rsplit("/", 2)[-2]: obj.get("deleted", False) for obj in client.get(items).json()["data"]}

    assert listed() == {str(closed.pk): False, str(late.pk): False}
    meetings.item_update(item=closed, data={"is_closed": True}, by=cast.secretary)
    all_present(meeting, cast)
    meetings.item_admission_vote(item=late, votes_for=4, votes_against=6, by=cast.secretary)
    assert AgendaItem.objects.get(pk=late.pk).admission == AgendaItem.Admission.REFUSED
    assert listed() == {str(closed.pk): True, str(late.pk): True}
    assert client.get(f"{body_url(cast)}agendaitem/").json()["data"] == []  # a full copy holds neither
    for item in (closed, late):
        answer = client.get(f"{OPARL}agendaitem/{item.pk}/").json()
        assert set(answer) == {"id", "type", "created", "modified", "deleted"}
    meetings.item_update(item=closed, data={"is_closed": False}, by=cast.secretary)
    assert listed() == {str(closed.pk): False, str(late.pk): True}
    assert client.get(f"{OPARL}agendaitem/{closed.pk}/").json()["name"] == "Lukkes senere"


def test_the_filters_select_by_created_and_modified(client, cast):
    first, second = plan(cast, 2, items=0)
    moment = timezone.now() + datetime.timedelta(hours=1)
    type(second).objects.filter(pk=second.pk).update(created_at=moment, updated_at=moment)
    stamp = moment.isoformat().replace("+", "%2B")

    def ids(query):
        answer = client.get(f"{body_url(cast)}meeting/?{query}").json()
        return [obj["id"].rsplit("/", 2)[-2] for obj in answer["data"]]

    assert ids(f"created_since={stamp}") == [str(second.pk)]
    assert ids(f"created_until={stamp}") == [str(first.pk), str(second.pk)]
    assert ids(f"modified_until={(moment - datetime.timedelta(seconds=1)).isoformat().replace('+', '%2B')}") == [
        str(first.pk)
    ]
    assert ids(f"modified_since={stamp}&modified_until={stamp}") == [str(second.pk)]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("modified_since=igår", "modified_since skal være et tidspunkt"),
        ("created_until=2026-13-01T00:00:00", "created_until skal være et tidspunkt"),
        ("created_since=" + "9" * 10_000, "created_since skal være et tidspunkt"),
        ("page=0", "page skal være et helt tal fra 1."),
        ("page=99999999999999999999", "page skal være et helt tal fra 1."),
        ("page=2", "Siden 2 findes ikke; listen har 1 sider."),
        ("limit=-5", "limit skal være et helt tal fra 1."),
        ("omit_internal=ja", "omit_internal skal være true eller false."),
        ("sort=name", "Ukendt parameter: sort."),
    ],
)
def test_bad_input_to_a_list_is_a_400_with_a_message(client, holbaek, query, message):
    response = client.get(f"{OPARL}body/{holbaek.municipality_id}/meeting/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400
    assert message in response.json()["error"]["message"]


def test_the_message_is_in_the_readers_language(client, holbaek):
    response = client.get(f"{OPARL}body/?page=0", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "page must be a whole number from 1."


def test_what_does_not_exist_is_a_json_404(client, holbaek):
    # body/9223372036854775808/…: one past the largest id, found by the fuzzer (benchmarks/fuzz_api.py) as a 500
    for path in (
        "meeting/999999/",
        "agendaitem/99999999999999999999/",
        "file/minutes/5/",
        "person/1/",
        "body/9223372036854775808/person/",
        "body/1000000000000000000000000000000/agendaitem/",
        "file/minutes/9223372036854775808/",
    ):
        response = client.get(OPARL + path)
        assert response.status_code == 404, path
        assert response.json()["error"]["message"] == "Objektet findes ikke eller er ikke offentligt."


def test_omit_internal_leaves_out_the_internal_lists(client, cast):
    plan(cast, 1, items=2)
    full = client.get(f"{body_url(cast)}meeting/").json()["data"][0]
    lean = client.get(f"{body_url(cast)}meeting/?omit_internal=true").json()["data"][0]
    assert len(full["agendaItem"]) == 2
    assert "agendaItem" not in lean and {k: v for k, v in full.items() if k != "agendaItem"} == lean


LISTS = [
    "organization",
    "person",
    "membership",
    "meeting",
    "agendaitem",
    "paper",
    "consultation",
    "file",
    "location",
    "legislativeterm",
]


def _queries(client, cast) -> dict[str, int]:
    counts = {}
    for name in ["", *LISTS]:
        address = f"{body_url(cast)}{name}/" if name else f"{OPARL}body/"
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address + "?modified_since=2000-01-01T00:00:00")
        assert response.status_code == 200
        counts[name or "body"] = len(queries)
    return counts


def publish(cast, n: int, committee) -> None:
    """`n` statements adopted at a meeting, sent and so published (each with its letter)."""
    for i in range(n):
        statement = statements.statement_create(
            council=cast.council,
            kind="statement",
            title=f"Udtalelse {i + 1}",
            recipient=committee,
            text="Rådet anbefaler.",
            by=cast.secretary,
        )
        adopt_at_meeting(statement, by=cast.secretary, day=datetime.date(2026, 11, 2 + i))
        with mail.suppressed():
            statements.statement_send(statement=statement, by=cast.secretary)


def test_every_list_page_costs_the_same_number_of_queries_whatever_the_data_size(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    committee = statements.committee_create(
        municipality=cast.council.municipality, name="Økonomiudvalget", email="oeu@holbaek.invalid", by=None
    )
    plan(cast, 2, items=2)
    publish(cast, 1, committee)
    small = _queries(client, cast)
    plan(cast, 6, items=4)
    publish(cast, 2, committee)
    assert _queries(client, cast) == small
    assert small == {
        "body": 4,
        "organization": 6,  # with each council's seats and their memberships on the roster
        "person": 4,
        "membership": 3,
        "meeting": 4,
        "agendaitem": 4,  # with the count of the items that are public no more
        "paper": 2,
        "consultation": 2,
        "file": 9,
        "location": 3,
        "legislativeterm": 2,
    }
