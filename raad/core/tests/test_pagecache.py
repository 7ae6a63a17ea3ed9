"""Anonymous visitors' public pages are kept and served again while nothing has changed (raad.core.pagecache):
a kept page costs one query instead of building the page, a change of record shows at once, a logged-in person,
a visitor with a session and a page with a form are never served a kept page, and PUBLIC_PAGE_CACHE_SECONDS
turns it off (0) and bounds how long a page is kept."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from raad.core import pagecache
from raad.councils.services.contact import council_update_contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield settings
    cache.clear()


def fetch(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def council_url(cast, *parts):
    return reverse("portal:council", args=[cast.council.slug]) + "".join(parts)


def test_an_anonymous_page_is_built_once_then_served_with_one_query(client, cast, page_cache):
    url = council_url(cast)
    first, built = fetch(client, url)
    second, served = fetch(client, url)
    assert first.status_code == second.status_code == 200
    assert built > 3
    assert served == 1  # the newest journal id
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert not first.cookies and not second.cookies


def test_a_change_of_record_shows_at_once(client, cast, page_cache):
    url = council_url(cast)
    before, _ = fetch(client, url)
    assert "ny-adresse@holbaek.test" not in before.content.decode()
    council_update_contact(council=cast.council, data={"contact_email": "ny-adresse@holbaek.test"}, by=cast.secretary)
    after, queries = fetch(client, url)
    assert queries > 1
    assert "ny-adresse@holbaek.test" in after.content.decode()
    again, queries = fetch(client, url)
    assert queries == 1 and again.content == after.content


def test_each_language_is_kept_apart(client, cast, page_cache):
    danish, _ = fetch(client, council_url(cast))
    english, queries = fetch(client, "/en" + council_url(cast))
    assert queries > 1
    assert danish.content.decode().count('<html lang="da"') == 1
    assert english.content.decode().count('<html lang="en"') == 1


def test_a_logged_in_person_gets_the_page_built_for_them_and_it_is_not_kept(client, cast, page_cache):
    url = council_url(cast)
    anonymous, _ = fetch(client, url)
    assert "Log af" not in anonymous.content.decode()
    client.force_login(cast.users["medlem"])
    member, queries = fetch(client, url)
    assert queries > 1 and "Log af" in member.content.decode()
    client.logout()
    client.cookies.clear()
    anonymous_again, queries = fetch(client, url)
    assert queries == 1 and "Log af" not in anonymous_again.content.decode()


def test_a_visitor_with_a_session_is_not_served_a_kept_page(client, cast, page_cache):
    url = council_url(cast)
    fetch(client, url)
    client.get(reverse("core:easy_read"), {"let_dansk": "1", "next": url})
    assert "sessionid" in client.cookies
    _, queries = fetch(client, url)
    assert queries > 1


def csrf_input(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def test_a_form_page_is_kept_without_a_token_and_each_visitor_gets_their_own(cast, page_cache):
    url = reverse("portal:subscribe", args=[cast.council.slug])
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first, built = fetch(first_visitor, url)
    assert first.status_code == 200 and "csrftoken" in first.cookies
    with translation.override("da"):
        kept = cache.get(pagecache._key(RequestFactory().get(url)))[3]
    assert csrf_input(first).encode() not in kept and pagecache.TOKEN_SLOT in kept
    second, served = fetch(second_visitor, url)
    assert served == 1 < built
    assert "csrftoken" in second.cookies and second.cookies["csrftoken"].value != first.cookies["csrftoken"].value
    assert csrf_input(second) != csrf_input(first)
    # The second visitor's own token is accepted (the form is checked: 400 for the empty address, not a
    # CSRF refusal); the first visitor's token with the second visitor's cookie is refused.
    answer = second_visitor.post(url, {"csrfmiddlewaretoken": csrf_input(second), "email": ""})
    assert answer.status_code == 400
    stolen = second_visitor.post(url, {"csrfmiddlewaretoken": csrf_input(first), "email": ""})
    assert stolen.status_code == 403


def test_a_signed_links_page_is_never_kept(client, cast, page_cache):
    from raad.dialogue import links
    from raad.dialogue.tests.topic_helpers import inquiry

    mine = inquiry(None, council=cast.council, text="Min egen henvendelse om lektiehjælp.", name="Mariam Khalil")
    url = reverse("dialogue:inquiry_status", args=[cast.council.slug, links.status_token(inquiry_id=mine.pk)])
    first, built = fetch(client, url)
    assert first.status_code == 200 and "Min egen henvendelse" in first.content.decode()
    _, again = fetch(client, url)
    assert again == built > 1


def test_a_conditional_get_reaches_the_view(client, cast, page_cache):
    url = council_url(cast)
    fetch(client, url)
    _, queries = fetch(client, url, HTTP_IF_MODIFIED_SINCE="Mon, 30 Nov 2026 10:00:00 GMT")
    assert queries > 1


def test_a_kept_page_is_dropped_after_the_configured_seconds_and_at_midnight(client, cast, page_cache):
    url = council_url(cast)
    start = datetime.datetime(2026, 11, 30, 22, 50, 0, tzinfo=datetime.UTC)  # 23:50 in Copenhagen
    with time_machine.travel(start, tick=False) as clock:
        fetch(client, url)
        clock.shift(59)
        assert fetch(client, url)[1] == 1
        clock.shift(2)  # 61 s after it was built
        assert fetch(client, url)[1] > 1
        page_cache.PUBLIC_PAGE_CACHE_SECONDS = 3600
        cache.clear()
        fetch(client, url)
        clock.shift(4 * 60)  # 23:55
        assert fetch(client, url)[1] == 1
        clock.shift(6 * 60)  # 00:01 in Copenhagen: a new day for "upcoming" and "today"
        assert fetch(client, url)[1] > 1


def test_zero_seconds_turns_it_off(client, cast, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    cache.clear()
    url = council_url(cast)
    _, built = fetch(client, url)
    _, again = fetch(client, url)
    assert again == built > 1


def test_an_inquiry_or_an_apology_leaves_kept_pages_kept_and_a_public_change_still_drops_them(client, cast, page_cache):
    """A citizen's inquiry and a member's apology are shown on no public page (their verbs are registered private,
    audit.register_private_verbs), so under a steady stream of them the public pages stay kept; a change a public
    page shows still drops every kept page at once."""
    from raad.dialogue.services.inquiries import inquiry_submit
    from raad.meetings import services as meetings

    meeting = meetings.meeting_plan(
        council=cast.council,
        starts_at=timezone.now() + datetime.timedelta(days=10),
        place="Holbæk Rådhus, mødelokale 1",
        address="Kanalstræde 2, 4300 Holbæk",
        by=cast.secretary,
    )
    url = council_url(cast)
    kept, _ = fetch(client, url)
    inquiry_submit(council=cast.council, kind="question", text="Hvornår mødes rådet?", language="da", reply_by="none")
    meetings.apology_send(meeting=meeting, membership=cast.member, by=None)
    after_private, queries = fetch(client, url)
    assert queries == 1 and after_private.content == kept.content

    council_update_contact(council=cast.council, data={"contact_email": "ny-adresse@holbaek.test"}, by=cast.secretary)
    after_public, queries = fetch(client, url)
    assert queries > 1 and "ny-adresse@holbaek.test" in after_public.content.decode()


def test_every_private_verb_is_a_verb_a_service_records():
    """A misspelt private verb would silently keep nothing private; each one is a registered (named) verb."""
    from raad.core import audit

    assert audit.private_verbs() == {
        "inquiry.received",
        "attendance.apology",
        "attendance.apology_withdrawn",
        "attendance.apology_confirmed",
        "meeting.closed_items_read",
    }
    assert all(audit.verb_label(verb) != verb for verb in audit.private_verbs())
