"""One desk and a to-do list for everyone (docs/desk.md): per role, the desk, the to-do list and the private iCal
feed show the work of the user's own councils only; overdue work is marked in words; the desk costs the same
number of queries for one council as for several; a revoked feed link answers 404."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from raad.core import mail
from raad.core.models import AuditEntry
from raad.core.roles import Role
from raad.councils.models import Council
from raad.councils.services import staff_assign
from raad.meetings import services as meeting_services
from raad.statements import services as statements
from raad.testing.cast import log_in_verified, make_user

DASHBOARD = "/arbejdsrum/"


def _login(client, user):
    log_in_verified(client, user)
    return client


def _consultation(council, subject: str, deadline: datetime.date, by):
    committee = statements.committee_create(
        municipality=council.municipality, name=f"Udvalg for {subject}", email="udvalg@holbaek.invalid", by=None
    )
    return statements.consultation_register(
        council=council,
        subject=subject,
        committee=committee,
        received_on=deadline - datetime.timedelta(days=40),
        deadline=deadline,
        case_number=f"27.00.00-{subject[:8]}",
        by=by,
    )


@pytest.fixture
def world(cast):
    """Council A (the cast's) with an overdue and an upcoming consultation and an open written procedure;
    council B with its own secretary and a consultation nobody in A may see."""
    today = timezone.localdate()
    a = cast.council
    _consultation(a, "Forsinket høring A", today - datetime.timedelta(days=3), cast.secretary)
    upcoming = _consultation(a, "Kommende høring A", today + datetime.timedelta(days=10), cast.secretary)
    draft = statements.statement_create(
        council=a,
        kind="response",
        title="Svar om kommende høring A",
        consultation=upcoming,
        rapporteur=cast.secretary,
        text="Rådet støtter forslaget.",
        by=cast.secretary,
    )
    with mail.suppressed():
        statements.written_procedure_open(statement=draft, by=cast.secretary)
    b = Council.objects.create(municipality=a.municipality, name="Handicaprådet", slug="handicapraadet")
    b_user = make_user("sekretariat_b", "Bo", "Berg")
    staff_assign(council=b, user=b_user, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None)
    _consultation(b, "HEMMELIG høring B", today + datetime.timedelta(days=5), b_user)
    return {"a": a, "b": b, "b_user": b_user, "draft": draft}


SECRET_B = "HEMMELIG høring B"
A_SECRETARIAT = ["Forsinket høring A", "Kommende høring A"]


def test_secretariat_desk_shows_every_task_of_its_council_overdue_in_words_and_nothing_of_b(client, cast, world):
    body = _login(client, cast.secretary).get(DASHBOARD).content.decode()
    for title in A_SECRETARIAT:
        assert f"Høringsfrist: {title}" in body
    assert "Skriftlig procedure lukker: Svar om kommende høring A" in body
    overdue, upcoming = body.split("Kommende</h3>")
    assert "Overskredet: 1 opgave" in overdue and "Forsinket høring A" in overdue
    assert "Overskredet med 3 dag(e)" in overdue
    assert "Kommende høring A" in upcoming and "Om 10 dag(e)" in upcoming
    assert "Integrationsrådet" in upcoming  # the council is named on each row
    assert SECRET_B not in body


def test_a_user_with_a_role_only_in_b_sees_b_and_nothing_of_a(client, cast, world):
    response = _login(client, world["b_user"]).get(DASHBOARD)
    body = response.content.decode()
    assert response.status_code == 200 and f"Høringsfrist: {SECRET_B}" in body
    for title in [*A_SECRETARIAT, "Svar om kommende høring A"]:
        assert title not in body
    # A's council page stays closed to them
    assert client.get(reverse("secretariat:council", args=[world["a"].slug])).status_code in (403, 404)


@pytest.mark.parametrize("login", ["medlem", "forperson", "naestforperson"])
def test_members_to_do_list_has_their_written_procedure_and_no_secretariat_work(client, cast, world, login):
    body = _login(client, cast.users[login]).get(reverse("secretariat:council", args=[world["a"].slug]))
    body = body.content.decode()
    todo = body.split('id="my-todo"')[1].split("</section>")[0]
    assert "Svar i skriftlig procedure: Svar om kommende høring A" in todo
    for title in A_SECRETARIAT:
        assert f"Høringsfrist: {title}" not in body
    assert SECRET_B not in body
    # their desk (reached from the to-do list) shows their own tasks only
    desk = client.get(f"{DASHBOARD}?raad={world['a'].slug}").content.decode()
    assert "Svar i skriftlig procedure" in desk and "Høringsfrist" not in desk and SECRET_B not in desk


def test_an_answered_written_procedure_leaves_the_members_list(client, cast, world):
    procedure = world["draft"].written_procedures.get()
    statements.written_answer_give(procedure=procedure, user=cast.users["medlem"], answer="agree")
    page = _login(client, cast.users["medlem"]).get(reverse("secretariat:council", args=[world["a"].slug]))
    assert "Svar i skriftlig procedure" not in page.content.decode()


def test_a_substitute_called_in_sees_du_er_indkaldt_and_the_member_with_one_council_is_redirected(client, cast, world):
    meeting = meeting_services.meeting_plan(
        council=world["a"],
        starts_at=timezone.now() + datetime.timedelta(days=20),
        place="Holbæk Rådhus",
        address="Kanalstræde 2, 4300 Holbæk",
        by=cast.secretary,
    )
    with mail.suppressed():
        meeting_services.apology_send(meeting=meeting, membership=cast.member, by=cast.users["medlem"])
    assert _login(client, cast.users["stedfortraeder"]).get(DASHBOARD)["Location"].endswith(f"/{world['a'].slug}/")
    body = client.get(reverse("secretariat:council", args=[world["a"].slug])).content.decode()
    todo = body.split('id="my-todo"')[1].split("</section>")[0]
    assert "Du er indkaldt: " in todo
    assert "Svar i skriftlig procedure" not in todo  # a substitute not called in to sit does not answer
    assert SECRET_B not in body and "Høringsfrist" not in body


def test_anonymous_gets_the_login_page_and_no_feed(client, world):
    assert "/log-ind/" in client.get(DASHBOARD)["Location"]
    assert client.get(reverse("secretariat:desk_feed", args=["not-a-token"])).status_code == 404


def test_filter_by_council_and_an_unknown_council(client, cast, world):
    staff_assign(
        council=world["b"], user=cast.secretary, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None
    )
    _login(client, cast.secretary)
    both = client.get(DASHBOARD).content.decode()
    assert SECRET_B in both and "Forsinket høring A" in both
    only_b = client.get(f"{DASHBOARD}?raad=handicapraadet").content.decode()
    assert SECRET_B in only_b and "Forsinket høring A" not in only_b
    unknown = client.get(f"{DASHBOARD}?raad=findes-ikke").content.decode()
    assert "Det valgte råd findes ikke blandt dine råd" in unknown and SECRET_B in unknown


def _feed_summaries(response) -> list[str]:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return [str(e.get("summary")) for e in Calendar.from_ical(response.content).walk("VEVENT")]


def test_private_feed_created_shown_once_hashed_and_revoked(client, cast, world):
    _login(client, cast.secretary)
    page = client.post(DASHBOARD, {"feed": "create"})
    assert page.status_code == 200
    url = page.context["feed_url"]
    secret = url.rstrip("/").split("/")[-1].removesuffix(".ics")
    from raad.core.models import DeskFeedToken

    assert not DeskFeedToken.objects.filter(token_hash=secret).exists()  # only the hash is kept
    client.logout()
    summaries = _feed_summaries(client.get(url))
    assert any("Forsinket høring A" in s for s in summaries)
    assert not any("HEMMELIG" in s for s in summaries)
    _login(client, cast.secretary).post(DASHBOARD, {"feed": "revoke"})
    client.logout()
    assert client.get(url).status_code == 404
    verbs = set(AuditEntry.objects.filter(actor=cast.secretary).values_list("verb", flat=True))
    assert {"desk_feed.created", "desk_feed.revoked"} <= verbs


def test_a_new_link_stops_the_old_one_and_a_members_feed_has_their_tasks_only(client, cast, world):
    _login(client, cast.users["medlem"])
    first = client.post(DASHBOARD, {"feed": "create"}).context["feed_url"]
    second = client.post(DASHBOARD, {"feed": "create"}).context["feed_url"]
    client.logout()
    assert client.get(first).status_code == 404
    summaries = _feed_summaries(client.get(second))
    assert any("Svar i skriftlig procedure" in s for s in summaries)
    assert not any("Høringsfrist" in s or "HEMMELIG" in s for s in summaries)


def test_a_bad_feed_action_is_refused_with_a_message(client, cast, world):
    response = _login(client, cast.secretary).post(DASHBOARD, {"feed": "nonsense"})
    assert response.status_code == 400 and "Vælg at oprette eller tilbagekalde" in response.content.decode()


def _count(client) -> int:
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(DASHBOARD).status_code == 200
    return len(captured)


def test_the_desk_costs_the_same_queries_for_one_council_as_for_several(client, cast, world):
    _login(client, cast.secretary)
    one = _count(client)
    today = timezone.localdate()
    for n in range(3):
        other = Council.objects.create(municipality=world["a"].municipality, name=f"Råd {n}", slug=f"raad-{n}")
        staff_assign(
            council=other, user=cast.secretary, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None
        )
        for i in range(3):
            _consultation(other, f"Høring {n}-{i}", today + datetime.timedelta(days=i - 1), cast.secretary)
    several = _count(client)
    assert several == one


def test_roles_read_for_all_councils_at_once_equal_the_roles_read_one_council_at_a_time(cast, world):
    from raad.core.models import User
    from raad.core.roles import roles_by_council, roles_of

    for user in [*cast.users.values(), world["b_user"]]:
        at_once = roles_by_council(User.objects.get(pk=user.pk))
        fresh = User.objects.get(pk=user.pk)
        one_by_one = {pk: roles_of(fresh, pk) for pk in (world["a"].pk, world["b"].pk) if roles_of(fresh, pk)}
        assert at_once == one_by_one, user.username
