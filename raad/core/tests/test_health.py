"""`/sundhed/`: the process answers, without the database (the benchmarks' floor, and for load balancers)."""

import pytest

pytestmark = pytest.mark.django_db


def test_health_answers_ok_without_a_query_and_is_never_cached(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/sundhed/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]
    assert client.post("/sundhed/").status_code == 405
