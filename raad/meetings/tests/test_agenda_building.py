"""Building an agenda: a new meeting pre-filled from the last, the case presentation in Markdown with a
server-side preview, saving an item returns to the agenda, and order by move up / move down."""

from __future__ import annotations

import pytest
from django.urls import reverse

from raad.core.errors import RuleViolation
from raad.core.markdown import markdown_to_html
from raad.core.models import AuditEntry
from raad.meetings import services
from raad.meetings.models import AgendaItem, Meeting
from raad.testing import assert_unchanged

from .conftest import at

pytestmark = pytest.mark.django_db


def _url(cast, name, *args):
    return reverse(f"meetings:{name}", args=[cast.council.slug, *args])


# --- Pre-filled meeting -----------------------------------------------------------------------------


def test_a_new_meeting_is_prefilled_with_the_last_meetings_room_address_and_accessibility(login_secretary, cast):
    services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 9, 10),
        place="Gammelt lokale",
        address="Gammel vej 1",
        by=cast.secretary,
    )
    services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 12, 10),
        place="Holbæk Rådhus, mødelokale 1",
        address="Kanalstræde 2, 4300 Holbæk",
        accessibility_note="Niveaufri adgang og teleslynge.",
        by=cast.secretary,
    )
    form = login_secretary.get(_url(cast, "meeting_new")).context["form"]
    assert (form["place"].value(), form["address"].value(), form["accessibility_note"].value()) == (
        "Holbæk Rådhus, mødelokale 1",
        "Kanalstræde 2, 4300 Holbæk",
        "Niveaufri adgang og teleslynge.",
    )
    assert form["starts_at"].value() is None  # the date is the meeting's own


def test_a_council_without_meetings_gets_an_empty_form(login_secretary, cast):
    form = login_secretary.get(_url(cast, "meeting_new")).context["form"]
    assert (form["place"].value(), form["address"].value()) == (None, None)


# --- Markdown -----------------------------------------------------------------------------------------


def test_markdown_subset_becomes_safe_html():
    text = (
        "### Baggrund\n"
        "Sprogcentret har **to** hold og *et* nyt.\n"
        "Se [planen](https://holbaek.dk/plan) – ikke [dette](javascript:alert(1)) <script>x()</script>\n"
        "\n"
        "- aftenhold\n"
        "- weekendhold\n"
        "\n"
        "1. først\n"
        "2. så\n"
        "\n"
        "Borger 010190-1234"
    )
    assert markdown_to_html(text) == (
        "<h3>Baggrund</h3>\n"
        "<p>Sprogcentret har <strong>to</strong> hold og <em>et</em> nyt.<br>"
        'Se <a href="https://holbaek.dk/plan" rel="noopener noreferrer">planen</a> – ikke '
        "[dette](javascript:alert(1)) &lt;script&gt;x()&lt;/script&gt;</p>\n"
        "<ul><li>aftenhold</li><li>weekendhold</li></ul>\n"
        "<ol><li>først</li><li>så</li></ol>\n"
        "<p>Borger XXXXXX-XXXX</p>"
    )


def test_html_written_before_markdown_still_renders_sanitised():
    assert markdown_to_html('<p onclick="x()">Gammel <strong>tekst</strong></p><script>y()</script>') == (
        "<p>Gammel <strong>tekst</strong></p>"
    )


def test_item_stores_the_markdown_and_its_html(meeting, cast):
    item = services.item_add(
        meeting=meeting, title="Aftenhold", case_presentation="Et **vigtigt** punkt.", by=cast.secretary
    )
    assert (item.case_presentation_source, item.case_presentation) == (
        "Et **vigtigt** punkt.",
        "<p>Et <strong>vigtigt</strong> punkt.</p>",
    )


def test_the_item_form_edits_the_markdown_not_the_html(login_secretary, cast, meeting):
    item = services.item_add(meeting=meeting, title="Aftenhold", case_presentation="- et\n- to", by=cast.secretary)
    form = login_secretary.get(_url(cast, "item_edit", meeting.pk, item.pk)).context["form"]
    assert form["case_presentation"].value() == "- et\n- to"
    assert "position" not in form.fields  # order is changed with move up / move down


def test_preview_shows_the_rendered_text_and_saves_nothing(login_secretary, cast, meeting):
    data = {"kind": "decision", "title": "Aftenhold", "case_presentation": "Et **fedt** ord\n\n- liste"}
    with assert_unchanged():
        response = login_secretary.post(_url(cast, "item_new", meeting.pk), {**data, "preview": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Forhåndsvisning af sagsfremstillingen" in page
    assert "<p>Et <strong>fedt</strong> ord</p>\n<ul><li>liste</li></ul>" in page
    assert response.context["form"]["case_presentation"].value() == data["case_presentation"]  # kept as typed


def test_saving_an_item_returns_to_the_agenda_with_a_message(login_secretary, cast, meeting):
    response = login_secretary.post(
        _url(cast, "item_new", meeting.pk), {"kind": "decision", "title": "Aftenhold"}, follow=True
    )
    item = AgendaItem.objects.get()
    assert response.redirect_chain == [(_url(cast, "meeting", meeting.pk) + f"#punkt-{item.pk}", 302)]
    assert "Punktet er gemt." in response.content.decode()

    response = login_secretary.post(
        _url(cast, "item_edit", meeting.pk, item.pk), {"kind": "discussion", "title": "Aftenhold i foråret"}
    )
    assert response["Location"] == _url(cast, "meeting", meeting.pk) + f"#punkt-{item.pk}"


# --- Move up / move down ------------------------------------------------------------------------------


def _three(meeting, cast) -> list[AgendaItem]:
    return [services.item_add(meeting=meeting, title=t, by=cast.secretary) for t in ("Første", "Anden", "Tredje")]


def _order(meeting: Meeting) -> list[tuple[int, str]]:
    return list(meeting.items.order_by("position").values_list("position", "title"))


def test_move_renumbers_the_agenda_and_journals_it(meeting, cast):
    first, second, third = _three(meeting, cast)
    services.item_move(item=third, direction="up", by=cast.secretary)
    assert _order(meeting) == [(1, "Første"), (2, "Tredje"), (3, "Anden")]
    services.item_move(item=first, direction="down", by=cast.secretary)
    assert _order(meeting) == [(1, "Tredje"), (2, "Første"), (3, "Anden")]
    entries = AuditEntry.objects.filter(verb="agenda_item.moved").order_by("pk")
    assert [(e.target_id, e.changes) for e in entries] == [
        (str(third.pk), {"position": {"before": 3, "after": 2}}),
        (str(first.pk), {"position": {"before": 1, "after": 2}}),
    ]


def test_the_first_item_cannot_move_up_nor_the_last_down(meeting, cast):
    first, second, third = _three(meeting, cast)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede det første"):
        services.item_move(item=first, direction="up", by=cast.secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede det sidste"):
        services.item_move(item=third, direction="down", by=cast.secretary)


def test_move_buttons_work_without_javascript(login_secretary, cast, meeting):
    first, second, third = _three(meeting, cast)
    page = login_secretary.get(_url(cast, "meeting", meeting.pk)).content.decode()
    assert page.count('name="retning" value="up"') == 2 and page.count('name="retning" value="down"') == 2
    response = login_secretary.post(_url(cast, "item_move", meeting.pk, second.pk), {"retning": "up"}, follow=True)
    assert response.redirect_chain == [(_url(cast, "meeting", meeting.pk) + f"#punkt-{second.pk}", 302)]
    assert "Punktet »Anden« er nu nummer 1." in response.content.decode()
    assert _order(meeting) == [(1, "Anden"), (2, "Første"), (3, "Tredje")]
    response = login_secretary.post(_url(cast, "item_move", meeting.pk, second.pk), {"retning": "up"})
    assert response.status_code == 400
    assert "Punktet er allerede det første på dagsordenen." in response.content.decode()


def test_members_cannot_move_items(client, cast, meeting):
    first, second, third = _three(meeting, cast)
    client.force_login(cast.users["medlem"])
    with assert_unchanged():
        response = client.post(_url(cast, "item_move", meeting.pk, second.pk), {"retning": "up"})
    assert response.status_code == 403
