"""Withdrawing a nomination: only before the board has decided on it, with a reason, nothing deleted; a
withdrawn nomination is no candidate in the board's decision. The service, then the secretariat's screen."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.membership import selectors, services
from raad.membership.models import Membership, Nomination, Person
from raad.testing import assert_unchanged
from raad.testing.journal import journal_text

from .services_support import register
from .test_views import SLUG, login, open_call  # noqa: F401  (open_call is a fixture)

# The demo's dates are pinned below (appointed 1 February 2026): run on the day the story is written for.
pytestmark = pytest.mark.usefixtures("on_the_demo_day")

D = datetime.date
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def candidate(first: str, postcode: str = "4300") -> services.CandidateData:
    return services.CandidateData(
        first_name=first,
        last_name="Berg",
        email=f"{first.lower()}@example.org",
        phone="",
        street_address="Algade 3",
        postcode=postcode,
        city="Holbæk",
    )


def nominate(call, seat, first: str = "Ida", postcode: str = "4300", confirm: bool = True) -> Nomination:
    nomination = services.nomination_submit(
        call=call,
        nominating_body=seat.nominating_body,
        seat=seat,
        candidate=candidate(first, postcode),
        substitute=candidate(f"{first}s-stedfortræder"),
        motivation="Aktiv i lektiecafeen.",
        submitted_by_name="Karen Kontakt",
        submitted_by_email="karen@example.org",
    )
    if confirm:
        for who in ("candidate", "substitute"):
            services.nomination_confirm(nomination=nomination, who=who)
    nomination.refresh_from_db()
    return nomination


@pytest.fixture
def call(council, term, seats):
    return services.nomination_call_open(
        council=council,
        term=term,
        title="Indkaldelse til valgperioden",
        deadline=timezone.now() + datetime.timedelta(days=14),
        by=None,
    )


def decide(council, term, nominations):
    return register(council, term, [services.AppointmentLine(seat=n.seat, nomination=n) for n in nominations])


def refused(call_) -> list[str]:
    with assert_unchanged(), pytest.raises(RuleViolation) as caught:
        call_()
    return caught.value.messages


# --- The service ------------------------------------------------------------------------------------


def test_withdrawal_keeps_the_nomination_with_reason_and_date_and_is_audited(council, seats, call, secretary):
    ida = nominate(call, seats[0])
    rows = (Nomination.objects.count(), Person.objects.count())
    with time_machine.travel(datetime.datetime(2026, 12, 3, 23, 30, tzinfo=CPH), tick=False):  # 22:30 UTC
        services.nomination_withdraw(
            nomination=ida, reason="  Kandidaten er flyttet (CPR 010203-1234 nævnt ved en fejl).  ", by=secretary
        )
    ida.refresh_from_db()
    assert (ida.status, ida.withdrawn_on, ida.withdrawal_reason) == (
        "withdrawn",
        D(2026, 12, 3),  # the Danish date, not UTC's
        "Kandidaten er flyttet (CPR XXXXXX-XXXX nævnt ved en fejl).",
    )
    assert (Nomination.objects.count(), Person.objects.count()) == rows  # nothing deleted
    entry = AuditEntry.objects.get(verb="nomination.withdrawn")
    assert (entry.actor, entry.council_id, entry.target_id) == (secretary, council.pk, str(ida.pk))
    assert entry.changes == {
        "status": {"before": "confirmed", "after": "withdrawn"},
        "withdrawn_on": {"before": None, "after": "2026-12-03"},
        "withdrawal_reason": {"before": "", "after": "[personoplysning]"},  # the journal keeps no free text (R35)
    }


def test_a_submitted_nomination_not_yet_confirmed_can_be_withdrawn(seats, call):
    ida = nominate(call, seats[0], confirm=False)
    assert ida.status == "submitted"
    services.nomination_withdraw(nomination=ida, reason="Organisationen har trukket indstillingen.", by=None)
    ida.refresh_from_db()
    assert ida.status == "withdrawn"
    # the candidate's confirmation link no longer works
    assert refused(lambda: services.nomination_confirm(nomination=ida, who="candidate")) == [
        "Indstillingen kan ikke længere bekræftes."
    ]


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_a_withdrawal_needs_a_reason(seats, call, reason):
    ida = nominate(call, seats[0])
    messages = refused(lambda: services.nomination_withdraw(nomination=ida, reason=reason, by=None))
    assert messages == ["Skriv, hvorfor indstillingen trækkes tilbage."]


def test_a_nomination_is_withdrawn_only_once(seats, call):
    ida = nominate(call, seats[0])
    with time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=CPH), tick=False):
        services.nomination_withdraw(nomination=ida, reason="Kandidaten har bedt om det.", by=None)
    messages = refused(lambda: services.nomination_withdraw(nomination=ida, reason="Igen.", by=None))
    assert messages == ["Indstillingen blev allerede trukket tilbage 03.12.2026."]


def test_a_nomination_that_led_to_an_appointment_cannot_be_withdrawn(council, term, seats, call):
    ida = nominate(call, seats[0])
    decide(council, term, [ida])
    ida.refresh_from_db()
    assert ida.status == "appointed"
    messages = refused(lambda: services.nomination_withdraw(nomination=ida, reason="For sent.", by=None))
    assert messages == [
        "Kandidaten er udpeget af kommunalbestyrelsen. En indstilling, der har ført til en udpegning, "
        "kan ikke trækkes tilbage."
    ]


def test_a_nomination_the_board_passed_over_cannot_be_withdrawn(council, term, seats, call):
    ida, bo = nominate(call, seats[0], "Ida"), nominate(call, seats[0], "Bo")
    decide(council, term, [ida])
    bo.refresh_from_db()
    assert bo.status == "not_appointed"
    messages = refused(lambda: services.nomination_withdraw(nomination=bo, reason="For sent.", by=None))
    assert messages == [
        "Kommunalbestyrelsen har truffet beslutning i indkaldelsen; indstillingen kan ikke trækkes tilbage."
    ]


def test_no_withdrawal_once_the_board_has_decided_the_call(council, term, seats, call):
    ida = nominate(call, seats[0])
    decide(council, term, [nominate(call, seats[1], "Bo")])
    ida.refresh_from_db()
    assert ida.status == "not_appointed" and ida.call.decided_on == D(2026, 1, 28)
    messages = refused(lambda: services.nomination_withdraw(nomination=ida, reason="For sent.", by=None))
    assert messages == [
        "Kommunalbestyrelsen har truffet beslutning i indkaldelsen; indstillingen kan ikke trækkes tilbage."
    ]


# --- A withdrawn nomination is no candidate -------------------------------------------------------------


def test_a_withdrawn_nomination_is_not_offered_to_the_board_and_cannot_be_appointed(council, term, seats, call):
    ida, bo = nominate(call, seats[0], "Ida"), nominate(call, seats[0], "Bo")
    assert list(selectors.appointable_nominations(council)) == [ida, bo]
    services.nomination_withdraw(nomination=ida, reason="Kandidaten har bedt om det.", by=None)
    assert list(selectors.appointable_nominations(council)) == [bo]
    # a stale choice is refused, and nothing is written
    messages = refused(lambda: decide(council, term, [ida]))
    assert messages == ["Plads 1: Indstillingen er trukket tilbage."]
    # the board's decision on the call leaves the withdrawn nomination as it was
    decide(council, term, [bo])
    ida.refresh_from_db()
    assert (ida.status, ida.decided_on) == ("withdrawn", None)
    assert not Membership.objects.filter(person=ida.candidate).exists()


def test_a_withdrawn_candidate_needs_no_residence_check(council, seats, call):
    ida = nominate(call, seats[0], "Ida", postcode="4330", confirm=False)  # Hvalsø: shared with Lejre
    assert list(selectors.residence_to_confirm(council)) == [ida.candidate]
    services.nomination_withdraw(nomination=ida, reason="Kandidaten bor i Lejre.", by=None)
    assert list(selectors.residence_to_confirm(council)) == []


def test_a_withdrawn_candidate_is_anonymised_after_the_retention_period_from_the_withdrawal(
    council, secretary, seats, call
):
    from raad.core import desk

    ida = nominate(call, seats[0])
    with time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=CPH), tick=False):
        services.nomination_withdraw(nomination=ida, reason="Kandidaten er flyttet til Jylland.", by=None)
    # the secretariat's desk warns 30 days ahead, due the day the command anonymises (a count, never the name)
    assert not [t for t in desk.tasks_for(secretary, [council], D(2027, 5, 3)) if t.key == "membership.retention"]
    [task] = [t for t in desk.tasks_for(secretary, [council], D(2027, 5, 4)) if t.key == "membership.retention"]
    assert (task.title, task.due) == (
        "Oplysningerne om 1 kandidat, der ikke blev udpeget, slettes efter opbevaringsfristen fra 3. juni 2027",
        D(2027, 6, 3),
    )
    assert services.candidates_anonymise_expired(today=D(2027, 6, 2)) == 0  # 6 months (Holbæk) not yet passed
    assert services.candidates_anonymise_expired(today=D(2027, 6, 3)) == 1
    ida.refresh_from_db()
    ida.candidate.refresh_from_db()
    assert (ida.status, ida.withdrawal_reason, ida.withdrawn_on) == ("withdrawn", "", D(2026, 12, 3))
    assert (ida.candidate.first_name, ida.candidate.email) == ("Anonymiseret", "")
    entry = AuditEntry.objects.get(verb="nomination.anonymised")
    assert entry.changes["withdrawn_on"] == {"before": None, "after": "2026-12-03"}


# --- The secretariat's screen -------------------------------------------------------------------------


def withdraw_url(nomination) -> str:
    return reverse("membership:nomination_withdraw", args=[SLUG, nomination.pk])


@pytest.fixture
def ida(open_call):  # noqa: F811
    call, seat = open_call
    return nominate(call, seat)


@pytest.mark.django_db
def test_the_secretariat_withdraws_a_nomination_from_the_call(client, ida):
    login(client, "sekretariat")
    call_url = reverse("membership:call", args=[SLUG, ida.call_id])
    assert f'href="{withdraw_url(ida)}"' in client.get(call_url).content.decode()
    assert "Ida Berg" in client.get(reverse("membership:decision", args=[SLUG])).content.decode()
    page = client.get(withdraw_url(ida)).content.decode()
    assert "Træk indstillingen af Ida Berg tilbage" in page
    assert "Indstillingen slettes ikke" in page  # the confirmation text
    response = client.post(withdraw_url(ida), {"reason": "Organisationen har trukket indstillingen."}, follow=True)
    assert response.redirect_chain == [(call_url, 302)]
    page = response.content.decode()
    assert "Indstillingen af Ida Berg er trukket tilbage. Kandidaten indgår ikke i udpegningen." in page
    today = timezone.localdate()
    assert f"Trukket tilbage {today.day}. " in page and "Organisationen har trukket indstillingen." in page
    assert f'href="{withdraw_url(ida)}"' not in page  # no second withdrawal offered
    ida.refresh_from_db()
    assert (ida.status, ida.withdrawn_on) == ("withdrawn", today)
    # no longer a candidate in the board's decision
    assert "Ida Berg" not in client.get(reverse("membership:decision", args=[SLUG])).content.decode()
    # the journal names the action in Danish, and in English
    journal = journal_text(client, SLUG)
    assert "Indstilling trukket tilbage" in journal and "nomination.withdrawn" not in journal
    english = journal_text(client, SLUG, prefix="/en")
    assert "Nomination withdrawn" in english


@pytest.mark.django_db
def test_the_withdrawal_page_in_english(client, ida):
    login(client, "sekretariat")
    page = client.get("/en" + withdraw_url(ida)).content.decode()
    assert "Withdraw the nomination of Ida Berg" in page and "The nomination is not deleted" in page
    assert "Træk indstillingen" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["medlem", "kontaktperson"])
def test_only_the_secretariat_may_withdraw_a_nomination(client, ida, username):
    login(client, username)
    with assert_unchanged():
        assert client.get(withdraw_url(ida)).status_code == 403
        assert client.post(withdraw_url(ida), {"reason": "Ikke mit valg."}).status_code == 403


@pytest.mark.django_db
def test_a_nomination_of_another_council_is_not_found(client, ida):
    login(client, "sekretariat")
    assert client.get(reverse("membership:nomination_withdraw", args=[SLUG, 999999])).status_code == 404


@pytest.mark.django_db
def test_a_missing_reason_is_shown_and_nothing_is_written(client, ida):
    login(client, "sekretariat")
    with assert_unchanged():
        response = client.post(withdraw_url(ida), {"reason": "  "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Formularen kunne ikke gemmes" in page
    assert "Begrundelse: Skriv, hvorfor indstillingen trækkes tilbage." in page


@pytest.mark.django_db
def test_a_too_long_reason_keeps_what_was_typed(client, ida):
    login(client, "sekretariat")
    typed = "Kandidaten har bedt om det. " + "x" * 480
    with assert_unchanged():
        response = client.post(withdraw_url(ida), {"reason": typed})
    assert response.status_code == 400
    page = response.content.decode()
    assert f">\n{typed}</textarea>" in page  # what was typed is kept
    assert "Denne værdi må højst have 500 tegn (den har 508)." in page


@pytest.mark.django_db
def test_a_refused_withdrawal_shows_why_and_writes_nothing(client, ida):
    services.nomination_withdraw(nomination=ida, reason="Første gang.", by=None)
    login(client, "sekretariat")
    with assert_unchanged():
        response = client.post(withdraw_url(ida), {"reason": "Anden gang."})
    assert response.status_code == 400
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert f"Indstillingen blev allerede trukket tilbage {today}." in response.content.decode()


@pytest.mark.django_db
def test_no_withdrawal_is_offered_once_the_board_has_decided(client, demo_data):
    helle = Nomination.objects.select_related("call").get(candidate__first_name="Helle")
    assert helle.status == "not_appointed" and helle.call.decided_on is not None
    login(client, "sekretariat")
    call_page = client.get(reverse("membership:call", args=[SLUG, helle.call_id])).content.decode()
    assert "Ikke udpeget" in call_page and "traek-tilbage" not in call_page
    page = client.get(withdraw_url(helle)).content.decode()
    assert "Indstillingen kan ikke trækkes tilbage" in page and 'name="reason"' not in page
