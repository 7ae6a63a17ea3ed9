"""The desk: every registered panel with something to show appears on the council's workspace page."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raad.core import desk, mail
from raad.core.models import OutgoingMail
from raad.statements import services
from raad.testing.cast import build_cast, log_in_verified

pytestmark = pytest.mark.django_db
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
DESK = reverse("secretariat:council", args=["integrationsraadet"])


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, 0, tzinfo=CPH), tick=True):
        yield


@pytest.fixture
def cast():
    return build_cast()


def _consultations(cast, n: int, *, start: int = 0):
    committee = services.committee_create(
        municipality=cast.council.municipality, name=f"Udvalg {start}", email=f"u{start}@holbaek.invalid", by=None
    )
    for i in range(start, start + n):
        services.consultation_register(
            council=cast.council,
            subject=f"Høring nummer {i}",
            committee=committee,
            received_on=datetime.date(2026, 11, 2),
            deadline=datetime.date(2026, 12, 4) + datetime.timedelta(days=i),
            case_number=f"27.00.00-P15-{i}-26",
            by=cast.secretary,
        )


def test_the_registered_panels_in_their_order():
    assert [(p.key, p.order) for p in desk.registered_panels()] == [
        ("chair_vacancy", 10),
        ("term_renewal", 15),
        ("consultations", 20),
        ("inquiries", 25),
        ("topics", 30),
        ("associations", 35),
        ("events", 38),
        ("finance", 40),
        ("media_volunteering", 45),
        ("annual_report", 60),
        ("outbox", 90),
    ]


def test_the_secretariat_sees_both_panels_with_their_content(client, cast):
    _consultations(cast, 1)
    mail.queue(
        key="desk:1",
        council=cast.council,
        to="venter@test.invalid",
        template="core/email/plain",
        context={"subject": "Ventende", "body": "x"},
    )
    OutgoingMail.objects.filter(key="desk:1").update(attempts=mail.MAX_ATTEMPTS, last_error="Connection refused")
    log_in_verified(client, cast.secretary)
    page = client.get(DESK).content.decode()
    consultations = page.index('id="consultations-panel"')
    outbox = page.index('id="outbox"')
    assert consultations < outbox  # in the registered order
    assert "Høring nummer 0</a> –\n      8 dage tilbage" in page
    assert reverse("statements:desk", args=["integrationsraadet"]) in page
    assert "1 e-mail venter på at blive sendt eller kunne ikke sendes." in page
    assert "<td>venter@test.invalid</td>" in page and "<td>Ventende</td>" in page and "Opgivet" in page
    assert "Connection refused" in page


def test_a_panel_with_nothing_to_show_is_absent(client, cast, monkeypatch):
    calls = []

    def nothing(council, user):
        calls.append((council.pk, user.pk))
        return None

    monkeypatch.setitem(
        desk._panels,
        "nothing",
        desk.Panel(key="nothing", title="Intet", template="does/not/exist.html", context=nothing, order=1),
    )
    log_in_verified(client, cast.secretary)
    response = client.get(DESK)
    assert response.status_code == 200  # the missing template was never rendered
    assert calls == [(cast.council.pk, cast.secretary.pk)]
    # (the term renewal panel has nothing to show before the renewal opens)
    assert [p.key for p in desk.panels_for(cast.council, response.wsgi_request)] == [
        "consultations",
        "inquiries",
        "topics",
        "events",
        "finance",
        "media_volunteering",
        "annual_report",
        "outbox",
    ]


def test_a_member_sees_the_consultations_but_not_the_secretariats_outbox(client, cast):
    _consultations(cast, 1)
    log_in_verified(client, cast.users["medlem"])
    page = client.get(DESK).content.decode()
    assert "Høring nummer 0" in page
    assert 'id="outbox"' not in page and "Udgående e-mails" not in page


def test_the_desk_does_not_query_per_consultation(client, cast):
    log_in_verified(client, cast.secretary)
    _consultations(cast, 1)
    client.get(DESK)  # warm the caches the first request fills
    with CaptureQueriesContext(connection) as one:
        assert client.get(DESK).status_code == 200
    _consultations(cast, 4, start=1)
    with CaptureQueriesContext(connection) as five:
        page = client.get(DESK).content.decode()
    assert all(f"Høring nummer {i}" in page for i in range(5))
    assert len(five) == len(one)


def _areas(html: str) -> list[str]:
    """The work areas' link texts on the desk, in order."""
    section = html.split('<nav aria-labelledby="work-areas">', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a class="button button-secondary" href="[^"]+">([^<]+)</a>', section)


def test_the_desk_links_every_work_area_the_user_may_open(client, cast):
    log_in_verified(client, cast.secretary)
    html = client.get(DESK).content.decode()
    assert _areas(html) == [
        "Møder",
        "Bemanding",
        "Høringer og udtalelser",
        "Henvendelser",
        "Emner",
        "Dialoglog",
        "Henvisninger",
        "Arrangementer",
        "Foreninger",
        "Frivillighed",
        "Presse og medier",
        "Lokaler",
        "Indsats og indikatorer",
        "Økonomi",
        "Årsberetning",
        "API-nøgler",
    ]
    # every link opens
    for url in re.findall(
        r'href="(/arbejdsrum/[^"]+)"', html.split('aria-labelledby="work-areas"')[1].split("</nav>")[0]
    ):
        assert client.get(url).status_code == 200, url


def test_a_member_sees_only_the_work_areas_open_to_members(client, cast):
    log_in_verified(client, cast.users["medlem"])
    html = client.get(DESK).content.decode()
    assert _areas(html) == [
        "Møder",
        "Høringer og udtalelser",  # members are in the drafting circle
        "Emner",
        "Dialoglog",
        "Arrangementer",
        "Frivillighed",
        "Presse og medier",
        "Indsats og indikatorer",
        "Mine udlæg",
    ]
