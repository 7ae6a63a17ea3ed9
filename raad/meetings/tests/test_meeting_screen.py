"""The meeting screen: a focused view of one item with previous/next, "alle til stede" in one action, and a
read-only live view members and a projector can open (closed content only to those who may see it)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from raad.meetings import services
from raad.meetings.models import AgendaItem, Attendance, Decision
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

pytestmark = pytest.mark.django_db

SECRET = "Ansættelse af ny konsulent"


def _url(cast, name, *args):
    return reverse(f"meetings:{name}", args=[cast.council.slug, *args])


@pytest.fixture
def running(cast, meeting):
    """A meeting under way: three items (the second closed), notice sent."""
    items = [
        services.item_add(meeting=meeting, title="Sprogskolens tilbud", by=cast.secretary),
        services.item_add(meeting=meeting, title=SECRET, is_closed=True, by=cast.secretary),
        services.item_add(meeting=meeting, title="Sommerarrangement", kind="discussion", by=cast.secretary),
    ]
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    return meeting, items


# --- Alle til stede -------------------------------------------------------------------------------------


def test_all_present_marks_every_member_without_an_apology_present(cast, running):
    meeting, _items = running
    services.apology_send(meeting=meeting, membership=cast.member, by=None)
    services.attendance_all_present(meeting=meeting, by=cast.secretary)
    statuses = dict(Attendance.objects.filter(meeting=meeting).values_list("membership_id", "status"))
    assert statuses == {
        m.pk: (Attendance.Status.APOLOGY if m == cast.member else Attendance.Status.PRESENT) for m in cast.members
    }


def test_all_present_is_one_button_on_the_screen(login_secretary, cast, running):
    meeting, _items = running
    page = login_secretary.get(_url(cast, "screen", meeting.pk)).content.decode()
    assert "Alle til stede" in page
    response = login_secretary.post(_url(cast, "all_present", meeting.pk), follow=True)
    assert "Alle medlemmer uden afbud er registreret som til stede." in response.content.decode()
    assert "Beslutningsdygtigt: 10 af 10" in response.content.decode()


def test_all_present_is_refused_before_the_notice(login_secretary, cast, meeting):
    with assert_unchanged():
        response = login_secretary.post(_url(cast, "all_present", meeting.pk))
    assert response.status_code == 400
    assert "Fremmøde registreres, når indkaldelsen er sendt." in response.content.decode()


# --- Focused view -----------------------------------------------------------------------------------------


def test_focused_view_shows_one_item_with_quorum_voters_and_neighbours(login_secretary, cast, running):
    meeting, (first, closed, third) = running
    services.attendance_all_present(meeting=meeting, by=cast.secretary)
    services.conflict_declare(item=closed, membership=cast.members[5], reason="Ansøger", by=cast.secretary)
    response = login_secretary.get(_url(cast, "screen_item", meeting.pk, closed.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Punkt 2 af 3" in page
    assert "Beslutningsdygtigt: 9 af 10 medlemmer tæller med" in page
    assert "<strong>Kan stemme (9):</strong>" in page
    assert f"{cast.members[5].person} (Ansøger)" in page
    assert _url(cast, "screen_item", meeting.pk, first.pk) in page  # previous
    assert _url(cast, "screen_item", meeting.pk, third.pk) in page  # next
    assert "Sommerarrangement" not in page.split("</nav>")[1]  # only this item's forms below the navigation
    assert "Mindretalsudtalelse" not in page  # no decision yet


def test_a_decision_from_the_focused_view_returns_to_it(login_secretary, cast, running):
    meeting, (first, _closed, _third) = running
    services.attendance_all_present(meeting=meeting, by=cast.secretary)
    data = {
        "fokus": "1",
        f"d{first.pk}-text": "Rådet anbefaler tilbuddet",
        f"d{first.pk}-method": "counts",
        f"d{first.pk}-votes_for": 8,
        f"d{first.pk}-votes_against": 2,
        f"d{first.pk}-abstentions": 0,
    }
    response = login_secretary.post(_url(cast, "decide", meeting.pk, first.pk), data)
    assert response["Location"] == _url(cast, "screen_item", meeting.pk, first.pk)
    assert Decision.objects.get().outcome == Decision.Outcome.ADOPTED
    page = login_secretary.get(response["Location"]).content.decode()
    assert "Mindretalsudtalelse" in page  # a minority may now have its statement recorded


def test_a_refusal_in_the_focused_view_shows_it_again_with_the_rule(login_secretary, cast, running):
    meeting, (first, _closed, _third) = running  # nobody registered present: no quorum
    data = {
        "fokus": "1",
        f"d{first.pk}-text": "Rådet anbefaler tilbuddet",
        f"d{first.pk}-method": "counts",
        f"d{first.pk}-votes_for": 0,
        f"d{first.pk}-votes_against": 0,
        f"d{first.pk}-abstentions": 0,
    }
    response = login_secretary.post(_url(cast, "decide", meeting.pk, first.pk), data)
    assert response.status_code == 400
    assert "Punkt 1 af 3" in response.content.decode()
    assert "Ikke beslutningsdygtigt: 0 af 10" in response.content.decode()


def test_members_may_not_open_the_focused_view(client, cast, running):
    meeting, (first, _closed, _third) = running
    client.force_login(cast.users["medlem"])
    assert client.get(_url(cast, "screen_item", meeting.pk, first.pk)).status_code == 403


def test_the_overview_links_to_the_current_item(login_secretary, cast, running):
    meeting, (first, closed, _third) = running
    services.attendance_all_present(meeting=meeting, by=cast.secretary)
    services.item_decide(item=first, text="Ok", votes_for=6, votes_against=0, by=cast.secretary)
    page = login_secretary.get(_url(cast, "screen", meeting.pk)).content.decode()
    assert f'href="{_url(cast, "screen_item", meeting.pk, closed.pk)}">Fokusvisning: aktuelt punkt (2)' in page


# --- Live view ----------------------------------------------------------------------------------------------


def test_a_member_opens_the_live_view_but_not_the_screen(client, cast, running):
    meeting, (first, closed, _third) = running
    services.attendance_all_present(meeting=meeting, by=cast.secretary)
    services.item_decide(item=first, text="Rådet anbefaler tilbuddet", votes_for=6, votes_against=1, by=cast.secretary)
    client.force_login(cast.users["medlem"])
    assert client.get(_url(cast, "screen", meeting.pk)).status_code == 403
    response = client.get(_url(cast, "live", meeting.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"2. {SECRET}" in page  # a member may see the closed item
    assert "Til stede: 10 af 10 medlemmer." in page
    assert "Sprogskolens tilbud</strong>: Vedtaget (6 for, 1 imod, 0 undlod)" in page
    assert f'href="{_url(cast, "live", meeting.pk)}">Opdatér visningen' in page  # without JavaScript
    assert "meetings/live.js" in page
    assert response["Cache-Control"] == "private, no-store"


def test_the_projector_never_shows_closed_content_and_the_liaison_is_not_let_in(client, cast, running):
    meeting, (first, closed, _third) = running
    services.attendance_all_present(meeting=meeting, by=cast.secretary)
    services.item_decide(item=first, text="Ok", votes_for=6, votes_against=1, by=cast.secretary)
    services.item_decide(item=closed, text="Konsulent X ansættes", votes_for=6, votes_against=1, by=cast.secretary)
    log_in_verified(client, cast.secretary)
    for url in (
        _url(cast, "live", meeting.pk) + "?projektor=1",
        _url(cast, "live_fragment", meeting.pk) + "?projektor=1",
    ):
        page = client.get(url).content.decode()
        assert SECRET not in page and "Konsulent X" not in page, url
        assert "2. Lukket punkt" in page
    # The board's liaison is not a guest under the default rules of procedure (R27): only what is public.
    client.force_login(cast.liaison)
    assert client.get(_url(cast, "live", meeting.pk)).status_code == 403
    assert client.get(_url(cast, "live_fragment", meeting.pk)).status_code == 403


def test_the_fragment_is_only_the_changing_part(client, cast, running):
    meeting, (first, _closed, _third) = running
    client.force_login(cast.users["medlem"])
    fragment = client.get(_url(cast, "live_fragment", meeting.pk)).content.decode()
    assert "<html" not in fragment
    assert "1. Sprogskolens tilbud" in fragment  # the current item: the first not yet decided


def test_people_outside_the_council_get_no_live_view(client, cast, running):
    meeting, _items = running
    client.force_login(cast.users["borger"])
    assert client.get(_url(cast, "live", meeting.pk)).status_code == 403
    assert client.get(_url(cast, "live_fragment", meeting.pk)).status_code == 403
    assert AgendaItem.objects.count() == 3


def test_opening_the_live_view_journals_the_closed_items_shown_but_polling_does_not(client, cast, running):
    from raad.core.models import AuditEntry

    meeting, (first, closed, _third) = running
    services.attendance_all_present(meeting=meeting, by=cast.secretary)
    services.item_decide(item=first, text="Ok", votes_for=6, votes_against=1, by=cast.secretary)
    client.force_login(cast.users["medlem"])
    client.get(_url(cast, "live", meeting.pk))
    client.get(_url(cast, "live_fragment", meeting.pk))
    [entry] = AuditEntry.objects.filter(verb="meeting.closed_items_read")
    assert (entry.actor, entry.changes["what"]["after"], entry.changes["items"]["after"]) == (
        cast.users["medlem"],
        "live",
        [2],
    )
