"""The meeting route with the meetings app: one click puts a statement on the next open agenda, the
council's recorded decision adopts it, and the R24 report of an urgent answer goes on the next agenda."""

import datetime
import io
import zoneinfo

import pypdf
import pytest
import time_machine
from django.urls import reverse

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.meetings import services as meetings
from raad.meetings.models import AgendaItem, Meeting
from raad.statements import services
from raad.statements.models import Statement
from raad.testing import assert_unchanged

from .conftest import meeting_decision
from .test_views import login

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
SLUG = "integrationsraadet"


@pytest.fixture(autouse=True)
def _today():
    """Today is 26 November 2026; the consultation's deadline is 4 December."""
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, 0, tzinfo=CPH), tick=True):
        yield


def at(y, m, d, hh=17):
    return datetime.datetime(y, m, d, hh, tzinfo=CPH)


def plan(council, when, items=0):
    meeting = meetings.meeting_plan(council=council, starts_at=when, place="Holbæk Rådhus", by=None)
    for i in range(items):
        meetings.item_add(meeting=meeting, title=f"Punkt {i + 1}", by=None)
    return meeting


def test_one_click_puts_a_response_on_the_next_open_agenda_before_the_deadline(council, draft, secretary):
    plan(council, at(2026, 11, 20), items=1)  # already past
    convened = plan(council, at(2026, 12, 1), items=1)
    meetings.meeting_send_notice(meeting=convened, by=None)  # its agenda is closed
    open_meeting = plan(council, at(2026, 12, 3), items=2)
    plan(council, at(2026, 12, 10))  # after the deadline of 4 December

    item = services.statement_plan_route(statement=draft, route="meeting", by=secretary)

    assert (item.meeting, item.position, item.kind) == (open_meeting, 3, "decision")
    assert (item.title, item.proposed_decision) == (
        "Høringssvar om integrationspolitikken",
        "Rådet vedtager udtalelsen.",
    )
    # The agenda is public: it says where the draft is, never what it says (R28).
    assert "Rådet støtter politikken" not in item.case_presentation
    assert "arbejdsrum" in item.case_presentation
    draft.refresh_from_db()
    assert (draft.planned_route, draft.agenda_item) == ("meeting", item)
    entry = AuditEntry.objects.filter(verb="statement.placed_on_agenda").get()
    assert entry.changes == {"agenda_item": {"before": None, "after": "Møde 03.12.2026, pkt. 3"}}
    # A second click while the item waits adds nothing.
    assert services.statement_plan_route(statement=draft, route="meeting", by=secretary) == item
    assert AgendaItem.objects.filter(title=draft.title).count() == 1


def test_no_meeting_before_the_deadline_means_no_item_and_the_desk_says_so(client, council, draft, secretary):
    plan(council, at(2026, 12, 10))  # after the deadline
    assert services.statement_plan_route(statement=draft, route="meeting", by=secretary) is None
    assert not AgendaItem.objects.exists()
    login(client, secretary)
    response = client.post(reverse("statements:route_plan", args=[SLUG, draft.pk]), {"route": "meeting"}, follow=True)
    assert "der er intet møde med åben dagsorden inden fristen" in response.content.decode()


def test_an_own_initiative_statement_goes_to_the_next_open_meeting(council, committee, secretary):
    statement = services.statement_create(
        council=council, kind="statement", title="Udtalelse om sprogcentret", recipient=committee, text="T", by=None
    )
    later = plan(council, at(2027, 1, 21))
    item = services.statement_plan_route(statement=statement, route="meeting", by=secretary)
    assert (item.meeting, item.title) == (later, "Udtalelse om sprogcentret")


def test_the_recorded_decision_adopts_the_statement(client, council, draft, secretary):
    """The whole route as the secretariat lives it: one click, the meeting decides with a minority, the desk
    offers that decision, one more click registers it; the letter and the public page carry the minority."""
    meeting = plan(council, at(2026, 12, 3))
    item = services.statement_plan_route(statement=draft, route="meeting", by=secretary)
    with time_machine.travel(at(2026, 12, 3, 18), tick=True):
        decision = meeting_decision(council, title="", item=item, day=datetime.date(2026, 12, 3))
        meetings.minority_statement_add(
            decision=decision, members="Olena Shevchenko", text="Mindretallet ønsker tolkning nævnt.", by=None
        )
        login(client, secretary)
        page = client.get(reverse("statements:statement", args=[SLUG, draft.pk])).content.decode()
        assert "Rådet vedtog indstillingen under Møde 03.12.2026, pkt. 1." in page
        assert f'<option value="{decision.pk}" selected>Møde 03.12.2026, pkt. 1: {draft.title}</option>' in page

        response = client.post(reverse("statements:adopt_meeting", args=[SLUG, draft.pk]), {"decision": decision.pk})
        assert response.status_code == 302
        draft.refresh_from_db()
        assert (draft.status, draft.adoption_route, draft.decision, draft.adopted_on) == (
            "adopted",
            "meeting",
            decision,
            datetime.date(2026, 12, 3),
        )
        assert draft.decision_reference == "Møde 03.12.2026, pkt. 1"
        page = client.get(reverse("statements:statement", args=[SLUG, draft.pk])).content.decode()
        assert "Mindretallet ønsker tolkning nævnt." in page  # the meeting's minority belongs to the statement

        services.statement_send(statement=draft, by=secretary)  # Holbæk's rules publish what is sent
        draft.refresh_from_db()
        assert draft.status == "published"
        draft.letter.open("rb")
        text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(draft.letter.read())).pages)
        draft.letter.close()
        assert "Beslutning på et møde" in text and "Møde 03.12.2026, pkt. 1" in text
        assert "Et mindretal (Olena Shevchenko) udtaler:" in text
        assert "Mindretallet ønsker tolkning nævnt." in text

        client.logout()
        public = client.get(draft.get_absolute_url()).content.decode()
        assert f'<a href="/raad/{SLUG}/moeder/{meeting.pk}/">Møde 03.12.2026, pkt. 1</a>' in public
        assert "Mindretallet ønsker tolkning nævnt." in public


def test_a_closed_items_minority_statement_never_reaches_the_public_page(client, council, draft, secretary):
    meeting = plan(council, at(2026, 11, 24))
    item = meetings.item_add(meeting=meeting, title="Lukket høringssvar", is_closed=True, by=None)
    decision = meeting_decision(council, title="", item=item)
    meetings.minority_statement_add(decision=decision, members="Olena", text="LUKKET-MINDRETAL", by=None)
    services.statement_adopt_at_meeting(statement=draft, decision=decision, by=secretary)
    services.statement_publish(statement=draft, by=secretary)
    public = client.get(draft.get_absolute_url()).content.decode()
    assert "LUKKET-MINDRETAL" not in public and f"/moeder/{meeting.pk}/" not in public
    login(client, secretary)
    assert "LUKKET-MINDRETAL" in client.get(reverse("statements:statement", args=[SLUG, draft.pk])).content.decode()


def test_a_rejected_item_is_shown_and_cannot_adopt(client, council, draft, secretary):
    plan(council, at(2026, 12, 3))
    item = services.statement_plan_route(statement=draft, route="meeting", by=secretary)
    rejected = meeting_decision(council, title="", item=item, adopted=False, day=datetime.date(2026, 12, 3))
    login(client, secretary)
    page = client.get(reverse("statements:statement", args=[SLUG, draft.pk])).content.decode()
    assert "Rådets beslutning under Møde 03.12.2026, pkt. 1: Forkastet. Udtalelsen er ikke vedtaget" in page
    # Only adopted decisions are offered; one posted anyway is refused with the rule, and nothing changes.
    assert f'<option value="{rejected.pk}"' not in page
    with assert_unchanged():
        response = client.post(reverse("statements:adopt_meeting", args=[SLUG, draft.pk]), {"decision": rejected.pk})
    assert response.status_code == 400
    assert "Marker en gyldig valgmulighed." in response.content.decode()
    with assert_unchanged(), pytest.raises(RuleViolation, match="forretningsorden § 6, stk. 2"):
        services.statement_adopt_at_meeting(statement=draft, decision=rejected, by=secretary)


def test_the_adoption_form_without_a_choice_keeps_the_page_and_says_what_is_missing(client, council, draft, secretary):
    meeting_decision(council, title="Et andet punkt")
    login(client, secretary)
    response = client.post(reverse("statements:adopt_meeting", args=[SLUG, draft.pk]), {"decision": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dette felt er påkrævet." in page and "Registrér, at rådet vedtog version 1" in page
    assert Statement.objects.get(pk=draft.pk).status == "draft"


def test_urgent_adoption_puts_the_report_on_the_next_open_agenda(council, draft, users):
    convened = plan(council, at(2026, 12, 1), items=1)
    meetings.meeting_send_notice(meeting=convened, by=None)
    open_meeting = plan(council, at(2027, 1, 21))
    services.urgent_approve(statement=draft, user=users["forperson"])
    services.urgent_approve(statement=draft, user=users["naestforperson"])
    draft.refresh_from_db()
    item = draft.report_item
    assert (item.meeting, item.kind, item.title) == (
        open_meeting,
        "information",
        "Orientering om hastebesvarelse: Høringssvar om integrationspolitikken",
    )
    assert draft.report_at_next_meeting is False


def test_a_due_report_is_placed_once_a_meeting_is_planned(client, council, draft, users, secretary):
    services.urgent_approve(statement=draft, user=users["forperson"])
    services.urgent_approve(statement=draft, user=users["naestforperson"])
    draft.refresh_from_db()
    assert draft.report_at_next_meeting is True
    with assert_unchanged(), pytest.raises(RuleViolation, match="intet kommende møde med åben dagsorden"):
        services.statement_report_schedule(statement=draft, by=secretary)

    meeting = plan(council, at(2027, 1, 21))
    login(client, secretary)
    page = client.get(reverse("statements:statement", args=[SLUG, draft.pk])).content.decode()
    assert "Sæt orienteringen på næste mødes dagsorden" in page
    response = client.post(reverse("statements:report_schedule", args=[SLUG, draft.pk]), follow=True)
    assert "Orienteringen om hastesvaret er sat på dagsordenen" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.report_at_next_meeting, draft.report_item.meeting) == (False, meeting)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede sat på en dagsorden"):
        services.statement_report_schedule(statement=draft, by=secretary)


def test_a_member_cannot_place_the_report(client, draft, users):
    services.urgent_approve(statement=draft, user=users["forperson"])
    services.urgent_approve(statement=draft, user=users["naestforperson"])
    login(client, users["medlem"])
    response = client.post(reverse("statements:report_schedule", args=[SLUG, draft.pk]))
    assert response.status_code == 403
    assert Meeting.objects.count() == 0 and Statement.objects.get(pk=draft.pk).report_at_next_meeting


def test_english_desk_names_the_decision_in_english(client, council, draft, secretary):
    plan(council, at(2026, 12, 3))
    item = services.statement_plan_route(statement=draft, route="meeting", by=secretary)
    meeting_decision(council, title="", item=item, day=datetime.date(2026, 12, 3))
    login(client, secretary)
    page = client.get("/en" + reverse("statements:statement", args=[SLUG, draft.pk])).content.decode()
    assert "The council adopted the proposal under Meeting 03.12.2026, item 1." in page
    assert "Register that the council adopted version 1" in page


def test_a_decision_from_before_the_consultation_arrived_cannot_adopt_it(client, council, draft, secretary):
    earlier = meeting_decision(council, title="Et tidligere punkt", day=datetime.date(2026, 10, 29))  # received 2 Nov
    with assert_unchanged(), pytest.raises(RuleViolation, match="truffet 29.10.2026, før høringen kom 02.11.2026"):
        services.statement_adopt_at_meeting(statement=draft, decision=earlier, by=secretary)
    later = meeting_decision(council, title="Høringssvar", day=datetime.date(2026, 11, 24))
    login(client, secretary)
    page = client.get(reverse("statements:statement", args=[SLUG, draft.pk])).content.decode()
    assert f'<option value="{later.pk}">' in page and f'<option value="{earlier.pk}">' not in page


def test_the_desk_shows_for_each_open_consultation_where_the_answer_can_be_adopted(client, council, draft, secretary):
    def cell():
        page = client.get(reverse("statements:desk", args=[SLUG])).content.decode()
        row = page.split("Integrationspolitik 2027–2030</a></th>")[1].split("</tr>")[0]
        return row.split("<td>")[4].split("</td>")[0]

    login(client, secretary)
    assert cell() == "Intet møde – skriftlig procedure eller hastesag"
    meeting = plan(council, at(2026, 12, 3))
    assert cell() == f'<a href="/arbejdsrum/{SLUG}/moeder/{meeting.pk}/">3. december 2026</a> (dagsordenen er åben)'
    services.statement_plan_route(statement=draft, route="meeting", by=secretary)
    assert cell() == f'På dagsordenen: <a href="/arbejdsrum/{SLUG}/moeder/{meeting.pk}/">Møde 03.12.2026, pkt. 1</a>'


def test_the_public_agenda_shows_the_item_but_never_the_draft_or_its_comments(client, council, draft, secretary, users):
    """Once the notice is sent the agenda is public (pages and PDF): the item is there, the draft is not (R28)."""
    services.draft_comment_add(statement=draft, text="INTERN-KOMMENTAR", by=users["medlem"])
    meeting = plan(council, at(2026, 12, 3))
    services.statement_plan_route(statement=draft, route="meeting", by=secretary)
    meetings.meeting_send_notice(meeting=meeting, by=None)
    base = f"/raad/{SLUG}/moeder/{meeting.pk}/"
    for url in (base, "/en" + base, base + "dagsorden.pdf"):
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"] == "application/pdf":
            text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
        else:
            text = response.content.decode()
        assert "Høringssvar om integrationspolitikken" in text, url
        assert "Rådet støtter politikken" not in text and "sprogundervisning" not in text, url
        assert "INTERN-KOMMENTAR" not in text, url
