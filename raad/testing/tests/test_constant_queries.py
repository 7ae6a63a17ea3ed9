"""Every list of the open-data layer answers with the same number of queries whatever the data size (issue
#13): the REST API's lists, the paged public pages (Danish and English), the search page, the feeds and the
secretariat's audit journal, counted with 3 rows of each kind and again with 18 more (more than a page of
20), and pinned. OParl's lists are pinned the same way in raad/api/tests/test_oparl_lists.py."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from raad.api.services.tokens import api_token_create
from raad.testing.cast import log_in_verified
from raad.testing.sizes import grow, query_counts

pytestmark = pytest.mark.django_db

SMALL, MORE = 3, 18
SLUG = "integrationsraadet"
API = f"/api/councils/{SLUG}"

REST = {
    "meetings": 3,
    "agenda-items": 4,
    "statements": 3,
    "consultations": 4,
    "events": 5,  # + co-organisers and purposes
    "associations": 3,
    "associations?language=ar": 3,
    "topics": 3,
}
TOKEN = {"/api/journal?page_size=100": 7, "/api/cases": 7}  # + the token, its scope check and its use journalled
PAGES = {  # Danish, English (+ the texts' translations)
    "moeder": (6, 7),
    "hoeringssvar": (8, 11),
    "arrangementer": (5, 7),
    "emner": (2, 4),
    "foreninger": (2, 4),
}
# the search (raad/core/search): one scan, the purposes' labels, the page's rows, + the page's own (English: +1)
SEARCH = {"/soeg/?q=fritidsjob": 4, "/en/soeg/?q=fritidsjob": 5}
FEEDS = {"moeder": 3, "hoeringssvar": 2, "arrangementer": 2, "emner": 2}  # each as RSS and as Atom
JOURNAL = 10  # the secretariat's journal page, logged in with a second factor (roles read once a request)


def test_every_list_costs_the_same_number_of_queries_with_few_rows_or_many(
    client, cast, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert cast.council.slug == SLUG
    _token, secret = api_token_create(
        council=cast.council, name="ESDH", scopes=["journal:read", "cases:read"], by=cast.secretary
    )
    secretariat = log_in_verified(Client(), cast.secretary)
    expected = {
        "rest": {f"{API}/{name}": n for name, n in REST.items()},
        "token": TOKEN,
        "pages": {
            **{f"/raad/{SLUG}/{page}/": da for page, (da, _en) in PAGES.items()},
            **{f"/en/raad/{SLUG}/{page}/": en for page, (_da, en) in PAGES.items()},
            **SEARCH,
            **{f"/raad/{SLUG}/feeds/{kind}.{fmt}": n for kind, n in FEEDS.items() for fmt in ("rss", "atom")},
        },
        "journal": {reverse("secretariat:audit", args=[SLUG]): JOURNAL},
    }

    def counts() -> dict[str, dict[str, int]]:
        return {
            "rest": query_counts(client, expected["rest"]),
            "token": query_counts(client, expected["token"], HTTP_AUTHORIZATION=f"Bearer {secret}"),
            "pages": query_counts(client, expected["pages"]),
            "journal": query_counts(secretariat, expected["journal"]),
        }

    with django_capture_on_commit_callbacks(execute=True):  # the search index is written after commit
        grow(cast, SMALL)
    small = counts()
    with django_capture_on_commit_callbacks(execute=True):
        grow(cast, MORE, start=SMALL)
    large = counts()

    changed = {url: (small[g][url], n) for g, found in large.items() for url, n in found.items() if small[g][url] != n}
    assert changed == {}
    assert {url: n for g, found in small.items() for url, n in found.items() if expected[g][url] != n} == {}
