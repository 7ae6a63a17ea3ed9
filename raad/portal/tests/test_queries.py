"""The public pages make a fixed number of database queries, whatever the number of members or purposes."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SLUG = "integrationsraadet"


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # + 1 on both: whether any text shown has an easy-read version (the "Let dansk" switch), one query
        (reverse("portal:home"), 10),
        (
            reverse("portal:council", args=[SLUG]),
            10,
        ),  # 7 + the latest topics ("I sagde – vi gjorde") + easy-read + annual reports
        (reverse("portal:members", args=[SLUG]), 4),
        (reverse("portal:rules", args=[SLUG]), 4),
        (reverse("portal:contact", args=[SLUG]), 1),
    ],
)
def test_public_page_query_count(client, demo_data, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
