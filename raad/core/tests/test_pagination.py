"""Pagination of the public lists (raad/core/pagination.py, includes/pagination.html): a nav named "Sider" with
the current page marked (aria-current), the other query parameters kept, and a bad page number shows the first
or the last page, never an error. The public topics list stands for every list that uses it."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raad.core.pagination import page_number, window
from raad.dialogue.services import topics as topic_services


def test_window_names_first_last_and_two_either_side():
    assert window(1, 1) == [1]
    assert window(1, 3) == [1, 2, 3]
    assert window(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert window(20, 20) == [1, None, 18, 19, 20]
    assert window(4, 7) == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    ("asked", "number"),
    [("", 1), ("2", 2), ("abc", 1), ("-3", 1), ("0", 1), ("1.5", 1), ("٣", 1), ("9" * 5000, 10**18)],
)
def test_page_number_reads_digits_only(asked, number):
    assert page_number(asked) == number


def topics(cast, n):
    for i in range(n):
        topic_services.topic_create(council=cast.council, title=f"Emne nummer {i + 1}", published=True, by=None)


def shown(page: str) -> list[str]:
    return re.findall(r">Emne nummer (\d+)<", page)


def test_topics_list_pages_with_a_marked_current_page_and_survives_bad_numbers(client, cast):
    topics(cast, 45)  # newest first: 45 … 26 on page 1, 25 … 6 on page 2, 5 … 1 on page 3
    url = f"/raad/{cast.council.slug}/emner/"
    first = client.get(url).content.decode()
    assert shown(first) == [str(n) for n in range(45, 25, -1)]
    nav = re.search(r'<nav class="raad-pagination" aria-label="Sider">.*?</nav>', first, re.S).group(0)
    assert "Side 1 af 3" in nav
    assert '<a href="?side=1" aria-current="page" class="raad-pagination-current">' in nav
    assert '<a href="?side=2" rel="next">Næste side</a>' in nav and "Forrige side" not in nav
    second = client.get(url + "?side=2&utm_source=x").content.decode()
    assert shown(second) == [str(n) for n in range(25, 5, -1)]
    assert '<a href="?utm_source=x&amp;side=1" rel="prev">Forrige side</a>' in second
    for bad, expected in (("abc", "45"), ("0", "45"), ("-1", "45"), ("99", "5"), ("9" * 400, "5")):
        response = client.get(url + f"?side={bad}")
        assert response.status_code == 200, bad
        assert shown(response.content.decode())[0] == expected, bad
    english = client.get(f"/en{url}?side=3").content.decode()
    assert '<nav class="raad-pagination" aria-label="Pages">' in english and "Page 3 of 3" in english


def test_a_list_that_fits_on_one_page_has_no_pagination(client, cast):
    topics(cast, 3)
    assert "raad-pagination" not in client.get(f"/raad/{cast.council.slug}/emner/").content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_paged_lists_make_the_same_number_of_queries_for_few_or_many(client, cast):
    slug = cast.council.slug
    urls = [
        f"/raad/{slug}/emner/",
        f"/raad/{slug}/emner/?side=2",
        f"/raad/{slug}/hoeringssvar/",
        f"/raad/{slug}/moeder/",
    ]
    urls += [f"/raad/{slug}/arrangementer/", f"/raad/{slug}/foreninger/"]
    topics(cast, 21)
    few = {url: _queries(client, url) for url in urls}
    topics(cast, 40)
    assert {url: _queries(client, url) for url in urls} == few
