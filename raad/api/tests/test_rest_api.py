"""The REST API as a client sees it: what a meeting shows (R20), stable pages, modified_since, conditional
answers, CORS, bad input as a clear 400, the members' public data (R31), the OpenAPI document and its
documentation page, and a fixed number of queries per list whatever its length."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raad.meetings import services as meetings
from raad.meetings.tests.factories import SECRET, published_meeting

pytestmark = pytest.mark.django_db


def _plan(cast, n: int) -> list[int]:
    start = timezone.now() + datetime.timedelta(days=30)
    return [
        meetings.meeting_plan(
            council=cast.council, starts_at=start + datetime.timedelta(days=7 * i), place="Rådhuset", by=cast.secretary
        ).pk
        for i in range(n)
    ]


def test_a_meeting_shows_its_open_item_in_full_and_its_closed_item_by_number_only(client, cast):
    meeting, open_item, closed_item = published_meeting(cast)
    base = f"/api/councils/{cast.council.slug}"

    detail = client.get(f"{base}/meetings/{meeting.pk}")

    assert detail.status_code == 200
    assert detail["Content-Type"] == "application/json; charset=utf-8"
    agenda = {entry["position"]: entry for entry in detail.json()["agenda"]}
    assert agenda[open_item.position]["title"] == "Beskæftigelse for nyankomne"
    assert agenda[open_item.position]["kind"] == "decision"
    assert [a["title"] for a in agenda[open_item.position]["attachments"]] == ["Åbent bilag om praktik"]
    assert agenda[closed_item.position] == {
        "position": closed_item.position,
        "closed": True,
        "kind": "",
        "title": "",
        "case_presentation": "",
        "proposed_decision": "",
        "late": False,
        "attachments": [],
    }
    items = client.get(f"{base}/agenda-items")
    assert [i["title"] for i in items.json()["results"]] == ["Beskæftigelse for nyankomne"]
    for response in (detail, items):
        assert SECRET not in response.content.decode()


def test_a_list_pages_in_a_stable_order_by_id(client, cast):
    ids = _plan(cast, 3)
    url = f"/api/councils/{cast.council.slug}/meetings"

    first = client.get(url, {"page_size": 2}).json()
    second = client.get(first["next"].split("testserver")[-1].split("raad.test")[-1]).json()

    assert (first["count"], first["pages"], first["previous"]) == (3, 2, None)
    assert [m["id"] for m in first["results"]] + [m["id"] for m in second["results"]] == sorted(ids)
    assert second["next"] is None
    assert first["next"].endswith("/api/councils/integrationsraadet/meetings?page=2&page_size=2")
    beyond = client.get(url, {"page": 3, "page_size": 2})
    assert beyond.status_code == 400
    assert beyond.json() == {"error": "Side 3 findes ikke: der er 2 side(r)."}


def test_modified_since_gives_only_what_changed_since(client, cast):
    ids = _plan(cast, 2)
    url = f"/api/councils/{cast.council.slug}/meetings"
    later = (timezone.now() + datetime.timedelta(minutes=5)).isoformat()

    assert client.get(url, {"modified_since": later}).json()["count"] == 0
    everything = client.get(url, {"modified_since": "2020-01-01T00:00:00"}).json()  # no zone: Danish time
    assert [m["id"] for m in everything["results"]] == ids
    assert client.get(url, {"modified_since": "2020-01-01"}).json()["count"] == 2


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"foo": "1"}, "Ukendt parameter: foo. Tilladt her: modified_since, page, page_size, year."),
        ({"modified_since": "i går"}, "Ugyldig værdi for: modified_since."),
        ({"modified_since": "2026-13-45"}, "Ugyldig værdi for: modified_since."),
        ({"page": "99999999999999999999"}, "Ugyldig værdi for: page."),
        ({"page": "0"}, "Ugyldig værdi for: page."),
        ({"page": "500"}, "Side 500 findes ikke: der er 1 side(r)."),
        ({"page_size": "1000"}, "Ugyldig værdi for: page_size."),
        ({"year": "x" * 10_000}, "Ugyldig værdi for: year."),
        ({"year": ""}, "Ugyldig værdi for: year."),
    ],
)
def test_bad_input_is_a_clear_400(client, cast, query, error):
    response = client.get(f"/api/councils/{cast.council.slug}/meetings", query)

    assert response.status_code == 400
    assert response.json()["error"] == error
    assert "x" * 300 not in response.content.decode()  # the value is not echoed back


def test_bad_input_in_paths_and_repeats_is_a_clear_400_and_unknown_things_404(client, cast):
    slug = cast.council.slug
    repeated = client.get(f"/api/councils/{slug}/meetings?year=2026&year=2027")
    assert (repeated.status_code, repeated.json()) == (400, {"error": "Parameteren year må kun angives én gang."})
    long_value = client.get(f"/api/councils/{slug}/meetings", {"foo": "y" * 10_000})
    assert long_value.status_code == 400
    huge_id = client.get(f"/api/councils/{slug}/meetings/99999999999999999999")
    assert huge_id.status_code == 400
    for url in (
        f"/api/councils/{slug}/meetings/2147483647",
        "/api/councils/findes-ikke",
        f"/api/councils/{slug}/topics/7",
    ):
        response = client.get(url)
        assert (response.status_code, response.json()) == (404, {"error": "Findes ikke, eller er ikke offentligt."})


def test_errors_are_in_english_for_an_english_client(client, cast):
    response = client.get(f"/api/councils/{cast.council.slug}/meetings", {"foo": "1"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.json()["error"] == "Unknown parameter: foo. Allowed here: modified_since, page, page_size, year."


def test_an_unchanged_answer_is_a_304_by_etag_or_date(client, cast):
    _plan(cast, 1)
    url = f"/api/councils/{cast.council.slug}/meetings"
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"]

    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2024 00:00:00 GMT").status_code == 200


def test_any_site_may_read_it_cors(client, cast):
    response = client.get("/api/councils", HTTP_ORIGIN="https://data.example")
    preflight = client.options(
        "/api/councils", HTTP_ORIGIN="https://data.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert client.post("/api/councils").status_code == 405
    assert client.options("/raad/integrationsraadet/").status_code == 405  # only the API answers OPTIONS


def test_members_are_shown_with_their_public_data_only(client, cast):
    members = client.get(f"/api/councils/{cast.council.slug}/members").json()

    chair = next(m for m in members if m["role"] == "chair")
    assert chair["name"] == "Amina Yusuf"
    assert set(chair) == {
        "name",
        "seat_number",
        "seat_kind",
        "nominating_body",
        "role",
        "national_representative",
        "bio",
    }
    assert "amina@test.invalid" not in str(members)


def test_the_openapi_document_describes_every_endpoint(client):
    document = client.get("/api/openapi.json").json()

    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/councils",
        "/api/councils/{slug}",
        "/api/councils/{slug}/members",
        "/api/councils/{slug}/meetings",
        "/api/councils/{slug}/meetings/{meeting_id}",
        "/api/councils/{slug}/agenda-items",
        "/api/councils/{slug}/statements",
        "/api/councils/{slug}/statements/{statement_id}",
        "/api/councils/{slug}/consultations",
        "/api/councils/{slug}/consultations/{consultation_id}",
        "/api/councils/{slug}/events",
        "/api/councils/{slug}/events/{event_id}",
        "/api/councils/{slug}/associations",
        "/api/councils/{slug}/associations/{association_id}",
        "/api/councils/{slug}/topics",
        "/api/councils/{slug}/topics/{number}",
        "/api/councils/{slug}/annual-reports",
        "/api/councils/{slug}/annual-reports/{year}",
        "/api/journal",
        "/api/cases",
    }


def test_the_documentation_page_lists_every_endpoint_in_both_languages(client, cast):
    document = client.get("/api/openapi.json").json()
    for url, heading in (("/aabne-data/", "Åbne data"), ("/en/aabne-data/", "Open data")):
        page = client.get(url).content.decode()
        assert f"<h1>{heading}</h1>" in page
        assert 'href="/api/openapi.json"' in page and 'href="/oparl/"' in page
        for path in document["paths"]:
            assert f"GET {path}</code>" in page
    # The groups in the order of the site, each under a heading in the page's language.
    for url, headings in (
        ("/aabne-data/", ["Råd og medlemmer", "Møder og dagsordenspunkter", "Emner", "Årsberetninger", "Auditlog"]),
        (
            "/en/aabne-data/",
            ["Councils and members", "Meetings and agenda items", "Topics", "Annual reports", "Audit journal"],
        ),
    ):
        page = client.get(url).content.decode()
        positions = [page.index(f"<h3>{heading}") for heading in headings]
        assert positions == sorted(positions), (url, positions)
    home = client.get("/").content.decode()
    assert '<a href="/aabne-data/">Åbne data</a>' in home


LISTS = ["meetings", "agenda-items", "statements", "consultations", "events", "associations", "topics"]


def test_every_list_makes_the_same_number_of_queries_for_one_row_or_all(client, demo_data):
    base = "/api/councils/integrationsraadet"
    counts = {}
    for name in LISTS:
        sizes = []
        for page_size in (1, 100):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(f"{base}/{name}", {"page_size": page_size})
            assert response.status_code == 200
            sizes.append((len(response.json()["results"]), len(queries)))
        (one, q1), (many, q100) = sizes
        assert one == 1 and many > 2, name
        assert q1 == q100, (name, sizes)
        counts[name] = q1
    # the council, the count and the page; events add their co-organisers and purposes
    assert counts == {
        "meetings": 3,
        "agenda-items": 4,
        "statements": 3,
        "consultations": 4,  # + the published answers
        "events": 5,
        "associations": 3,
        "topics": 3,
    }


def test_the_readme_examples_answer_with_demo_data(client, demo_data):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    section = readme.split("## Åbne data", 1)[1].split("\n## ", 1)[0]
    urls = re.findall(r'curl "?http://127\.0\.0\.1:8000(/api/[^" \n]+)', section)
    assert len(urls) == 3
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.json()
        assert body if isinstance(body, list) else body["results"], url
