"""The meeting page and the agenda page make the same number of queries for 5 and 50 items."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raad.meetings import services

from .conftest import all_present
from .factories import meeting_with_items


def _meeting(cast, n):
    meeting = meeting_with_items(cast, n_open=n)
    items = list(meeting.items.all())
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    for item in items[:3]:
        services.conflict_declare(item=item, membership=cast.members[4], reason="Inhabil", by=None)
        decision = services.item_decide(item=item, text="Vedtaget", votes_for=6, votes_against=3, by=cast.secretary)
        services.minority_statement_add(decision=decision, members="Jonas", text="Uenig", by=None)
    return meeting


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["workspace", "screen", "public"])
def test_query_count_does_not_grow_with_items(login_secretary, cast, page, django_assert_num_queries):
    client = login_secretary
    small, large = _meeting(cast, 5), _meeting(cast, 50)
    urls = {
        "workspace": lambda m: f"/arbejdsrum/{cast.council.slug}/moeder/{m.pk}/",
        "screen": lambda m: f"/arbejdsrum/{cast.council.slug}/moeder/{m.pk}/moedeskaerm/",
        "public": lambda m: f"/raad/{cast.council.slug}/moeder/{m.pk}/",
    }
    _count(client, urls[page](small))  # warm caches (content types, roles)
    n_small = _count(client, urls[page](small))
    with django_assert_num_queries(n_small):
        client.get(urls[page](large))
