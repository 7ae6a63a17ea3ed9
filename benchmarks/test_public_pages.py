"""How long the public pages take to render, and how many queries they make (run with `make bench`)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = {
    "front page": reverse("portal:home"),
    "council page": reverse("portal:council", args=["integrationsraadet"]),
    "members": reverse("portal:members", args=["integrationsraadet"]),
    "rules of procedure": reverse("portal:rules", args=["integrationsraadet"]),
}


@pytest.mark.parametrize("name", PAGES)
def test_public_page(benchmark, client, demo_data, name):
    url = PAGES[name]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    benchmark.extra_info["queries"] = len(queries)
    response = benchmark(client.get, url)
    assert response.status_code == 200
