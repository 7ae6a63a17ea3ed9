"""The REST API's consultations (høringer the council answered publicly), the associations' language filter,
and the API's documentation in the reader's language."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest

from raad.community.services import associations
from raad.core import mail
from raad.statements import services as statements
from raad.statements.tests.conftest import adopt_at_meeting

pytestmark = pytest.mark.django_db


def _consultation(cast, committee, subject: str, *, received: datetime.date, deadline: datetime.date):
    return statements.consultation_register(
        council=cast.council,
        subject=subject,
        committee=committee,
        received_on=received,
        deadline=deadline,
        case_number=f"27.00.00-P15-{subject[:3]}",
        summary=f"Om {subject.lower()}.",
        by=cast.secretary,
    )


def _answer(cast, consultation, *, sent_on: datetime.date, publish: bool = True, late_reason: str = ""):
    statement = statements.statement_create(
        council=cast.council,
        kind="response",
        title=f"Høringssvar: {consultation.subject}",
        consultation=consultation,
        text="Rådet støtter forslaget.",
        by=cast.secretary,
    )
    if publish:
        adopt_at_meeting(statement, by=cast.secretary, day=consultation.received_on + datetime.timedelta(days=1))
        with mail.suppressed():
            statements.statement_send(statement=statement, by=cast.secretary, on=sent_on, late_reason=late_reason)
    return statement


@pytest.fixture
def scenario(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    sosu = statements.committee_create(
        municipality=cast.council.municipality, name="Social- og Sundhedsudvalget", email="s@holbaek.invalid", by=None
    )
    oeu = statements.committee_create(
        municipality=cast.council.municipality, name="Økonomiudvalget", email="o@holbaek.invalid", by=None
    )
    on_time = _consultation(
        cast, sosu, "Integrationspolitik", received=datetime.date(2026, 3, 2), deadline=datetime.date(2026, 4, 1)
    )
    late = _consultation(
        cast, oeu, "Budget 2027", received=datetime.date(2026, 9, 1), deadline=datetime.date(2026, 9, 20)
    )
    unanswered = _consultation(
        cast, sosu, "Sundhedsaftale", received=datetime.date(2026, 5, 4), deadline=datetime.date(2026, 6, 1)
    )
    drafted = _consultation(
        cast, oeu, "Kollektiv trafik", received=datetime.date(2026, 5, 4), deadline=datetime.date(2026, 6, 1)
    )
    statements.consultation_document_add(
        consultation=on_time,
        title="Udkast til politik",
        filename="politik.pdf",
        data=b"%PDF-1.7 politik",
        by=cast.secretary,
    )
    answer = _answer(cast, on_time, sent_on=datetime.date(2026, 3, 20))
    late_answer = _answer(cast, late, sent_on=datetime.date(2026, 9, 25), late_reason="Mødet lå efter fristen.")
    _answer(cast, drafted, sent_on=datetime.date(2026, 5, 20), publish=False)
    return {
        "on_time": on_time,
        "late": late,
        "unanswered": unanswered,
        "drafted": drafted,
        "answer": answer,
        "late_answer": late_answer,
        "sosu": sosu,
    }


def test_the_list_shows_only_consultations_a_published_statement_answered(client, cast, scenario):
    base = f"/api/councils/{cast.council.slug}/consultations"

    page = client.get(base).json()

    assert page["count"] == 2
    on_time, late = sorted(page["results"], key=lambda c: c["id"] != scenario["on_time"].pk)
    assert on_time["subject"] == "Integrationspolitik"
    assert on_time["committee"] == "Social- og Sundhedsudvalget"
    assert on_time["committee_id"] == scenario["sosu"].pk
    assert on_time["deadline"] == "2026-04-01"
    assert on_time["status"] == "answered"
    assert on_time["answered_on"] == "2026-03-20"
    assert on_time["statement"] == scenario["answer"].pk
    assert on_time["statement_url"].endswith(f"/{scenario['answer'].pk}/")
    assert (late["status"], late["answered_on"], late["statement"]) == (
        "answered_late",
        "2026-09-25",
        scenario["late_answer"].pk,
    )
    text = client.get(base).content.decode()
    assert "Sundhedsaftale" not in text and "Kollektiv trafik" not in text


def test_the_filters_select_by_year_committee_and_modified_since(client, cast, scenario):
    base = f"/api/councils/{cast.council.slug}/consultations"

    def subjects(query):
        return [c["subject"] for c in client.get(base, query).json()["results"]]

    assert subjects({"year": 2026}) == ["Integrationspolitik", "Budget 2027"]
    assert subjects({"year": 2025}) == []
    assert subjects({"committee": scenario["sosu"].pk}) == ["Integrationspolitik"]
    assert subjects({"modified_since": "2999-01-01T00:00:00"}) == []
    response = client.get(base, {"status": "open"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("Ukendt parameter: status.")


def test_the_detail_has_the_documents_and_is_404_until_answered_publicly(client, cast, scenario):
    base = f"/api/councils/{cast.council.slug}/consultations"

    detail = client.get(f"{base}/{scenario['on_time'].pk}")

    assert detail.status_code == 200
    assert detail.has_header("Last-Modified") and detail.has_header("ETag")
    [document] = detail.json()["documents"]
    assert document["title"] == "Udkast til politik"
    assert client.get(urlsplit(document["url"]).path).status_code == 200
    for hidden in ("unanswered", "drafted"):
        response = client.get(f"{base}/{scenario[hidden].pk}")
        assert response.status_code == 404
        assert response.json() == {"error": "Findes ikke, eller er ikke offentligt."}


def test_associations_filter_by_a_language_they_offer(client, cast):
    for name, codes in (("Ukrainsk Forening", ["uk", "da"]), ("Arabisk Kulturforening", ["ar"]), ("Sammen", [])):
        associations.association_create(
            council=cast.council, data={"name": name, "purpose": "Fællesskab.", "languages": codes}, by=cast.secretary
        )
    base = f"/api/councils/{cast.council.slug}/associations"

    def names(code):
        return sorted(a["name"] for a in client.get(base, {"language": code}).json()["results"])

    assert names("uk") == ["Ukrainsk Forening"]
    assert names("ar") == ["Arabisk Kulturforening"]
    assert names("so") == []
    wrong = client.get(base, {"language": "xx"})
    assert wrong.status_code == 400
    assert wrong.json()["error"].startswith("Ukendt sprogkode: xx. Kendte koder: da, en, ar, uk")
    english = client.get(base, {"language": "klingon"}, HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["error"].startswith("Unknown language code: klingon. Known codes: da, en")


def test_the_documentation_reads_in_the_readers_language(client, cast):
    danish = client.get("/aabne-data/").content.decode()
    english = client.get("/en/aabne-data/").content.decode()
    assert "<p>Høringer</p>" in danish and "Kun foreninger, der tilbyder dette sprog" in danish
    assert "<p>Consultations</p>" in english and "Only associations that offer this language" in english
    assert "Rækker pr. side" in danish and "Rows per page" in english
    assert "<h3>Arrangementer og foreninger</h3>" in danish and "<h3>Events and associations</h3>" in english
    for page in (danish, english):
        assert page.count("Rows per page") + page.count("Rækker pr. side") > 5
    assert "Rows per page" not in danish and "Rækker pr. side" not in english
    document = client.get("/api/openapi.json", HTTP_ACCEPT_LANGUAGE="en").json()
    consultations = document["paths"]["/api/councils/{slug}/consultations"]["get"]
    assert consultations["summary"] == "Consultations"
    assert consultations["description"].startswith("Consultations the council answered with a published response")
    assert client.get("/api/openapi.json").json()["info"]["description"].startswith("Adgang til at læse alt")
