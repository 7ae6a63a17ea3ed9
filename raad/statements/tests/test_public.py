"""The public archive, and the promise that drafts, comments and written-procedure answers never leak (R3, R28)."""

import datetime
import io
import zoneinfo

import pypdf
import pytest
import time_machine
from django.urls import reverse

from raad.statements import services
from raad.testing.cast import login_for

from .conftest import adopt_at_meeting

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
SLUG = "integrationsraadet"
SECRETS = ["HEMMELIGT-UDKAST", "INTERN-KOMMENTAR", "SKRIFTLIGT-SVAR", "KLADDE-TITEL", "KLADDE-TEKST", "SENDT-UDKAST"]


@pytest.fixture
def archive(council, committee, other_committee, consultation, secretary, users):
    """A published høringssvar adopted by written procedure, with internal traces around it; an unpublished
    draft; an adopted-but-unpublished statement; a published own-initiative statement from January 2027."""
    from raad.councils.models import Purpose

    purpose = Purpose.objects.get(terms_of_reference__council=council, number=1)
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, 0, tzinfo=CPH), tick=False):
        services.consultation_document_add(
            consultation=consultation, title="Politikudkast", filename="p.pdf", data=b"%PDF-1.7 politik", by=secretary
        )
        published = services.statement_create(
            council=council,
            kind="response",
            title="Høringssvar om integrationspolitikken",
            consultation=consultation,
            purpose=purpose,
            text="HEMMELIGT-UDKAST første formulering.",
            by=secretary,
        )
        services.draft_comment_add(statement=published, text="INTERN-KOMMENTAR: skriv kortere", by=users["medlem"])
        services.statement_version_save(
            statement=published, text="Rådet støtter politikken og anbefaler sprogcaféer.", by=secretary
        )
        procedure = services.written_procedure_open(statement=published, by=secretary)
        for name in ["Amina", "Lars", "Ahmad", "Mette", "Fatima", "Olena", "Zainab", "Mikkel"]:
            services.written_answer_give(
                procedure=procedure,
                user=login_for(name),
                answer="comment" if name == "Olena" else "agree",
                comment="SKRIFTLIGT-SVAR fra Olena" if name == "Olena" else "",
            )
    with time_machine.travel(datetime.datetime(2026, 12, 2, 10, 0, tzinfo=CPH), tick=False):
        services.written_procedure_close(procedure=procedure, by=secretary)
        services.minority_statement_add(
            statement=published, members="Olena Shevchenko", text="Mindretallet ønsker mere.", by=secretary
        )
        services.statement_send(statement=published, by=secretary)
        services.follow_up_register(
            statement=published,
            decided_on=datetime.date(2026, 12, 2),
            body="Kommunalbestyrelsen",
            decision="Politikken blev vedtaget med sprogcaféerne.",
            by=secretary,
        )
        draft = services.statement_create(
            council=council,
            kind="statement",
            title="KLADDE-TITEL",
            recipient=other_committee,
            text="KLADDE-TEKST",
            by=secretary,
        )
        adopted = services.statement_create(
            council=council,
            kind="comment",
            title="Vedtaget men ikke sendt SENDT-UDKAST",
            recipient=other_committee,
            text="SENDT-UDKAST",
            by=secretary,
        )
        adopt_at_meeting(adopted, by=secretary, day=datetime.date(2026, 12, 1))
    with time_machine.travel(datetime.datetime(2027, 1, 15, 10, 0, tzinfo=CPH), tick=False):
        old = services.statement_create(
            council=council,
            kind="statement",
            title="Udtalelse om foreningslivet",
            recipient=other_committee,
            text="Rådet anbefaler støtte til foreninger.",
            by=secretary,
        )
        adopt_at_meeting(old, by=secretary, day=datetime.date(2027, 1, 14))
        services.statement_publish(statement=old, by=secretary)
    return {"published": published, "draft": draft, "adopted": adopted, "old": old, "consultation": consultation}


def test_archive_lists_published_statements_only(client, archive):
    page = client.get(reverse("statements:public_archive", args=[SLUG])).content.decode()
    assert "Høringssvar om integrationspolitikken" in page and "Udtalelse om foreningslivet" in page
    assert "2 udtalelser" in page
    for secret in SECRETS:
        assert secret not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("aar=2027", ["Udtalelse om foreningslivet"]),
        ("aar=2026", ["Høringssvar om integrationspolitikken"]),
        ("type=statement", ["Udtalelse om foreningslivet"]),
        ("type=response", ["Høringssvar om integrationspolitikken"]),
        ("formaal=PURPOSE", ["Høringssvar om integrationspolitikken"]),
        ("udvalg=SOSU", ["Høringssvar om integrationspolitikken"]),
        ("udvalg=OEU", ["Udtalelse om foreningslivet"]),
    ],
)
def test_archive_filters(client, archive, committee, other_committee, query, expected):
    from raad.councils.models import Purpose

    query = (
        query.replace("PURPOSE", str(Purpose.objects.get(number=1).pk))
        .replace("SOSU", str(committee.pk))
        .replace("OEU", str(other_committee.pk))
    )
    page = client.get(reverse("statements:public_archive", args=[SLUG]) + "?" + query).content.decode()
    titles = ["Høringssvar om integrationspolitikken", "Udtalelse om foreningslivet"]
    assert [t for t in titles if t in page] == expected


def test_statement_page_shows_consultation_documents_minority_and_follow_up(client, archive):
    page = client.get(reverse("statements:public_detail", args=[SLUG, archive["published"].pk])).content.decode()
    assert "Rådet støtter politikken og anbefaler sprogcaféer." in page
    assert "Integrationspolitik 2027–2030" in page and "Politikudkast" in page
    assert "Mindretallet ønsker mere." in page
    assert "Politikken blev vedtaget med sprogcaféerne." in page
    assert "Skriftlig procedure" in page


def _public_urls(archive):
    """Every public address of this app, for every object there is (published or not)."""
    from raad.statements.models import ConsultationDocument, Statement

    urls = [reverse("statements:public_archive", args=[SLUG])]
    urls += [
        reverse("statements:public_archive", args=[SLUG]) + f"?{q}"
        for q in ("aar=2026", "type=comment", "type=statement")
    ]
    for statement in Statement.objects.all():
        urls.append(reverse("statements:public_detail", args=[SLUG, statement.pk]))
        urls.append(reverse("statements:public_letter", args=[SLUG, statement.pk]))
    for document in ConsultationDocument.objects.all():
        urls.append(reverse("statements:public_document", args=[SLUG, document.pk]))
    urls += [reverse("portal:home"), reverse("portal:council", args=[SLUG])]
    return urls


def test_no_public_output_contains_drafts_comments_or_answers(client, archive):
    # Every public route of this app is covered here; a new one must be added to _public_urls.
    from raad.statements import urls as statement_urls

    names = {p.name for p in statement_urls.urlpatterns if not str(p.pattern).startswith("arbejdsrum/")}
    assert names == {"public_archive", "public_detail", "public_letter", "public_document"}
    seen = 0
    for url in _public_urls(archive):
        response = client.get(url)
        if response.status_code == 404:
            continue
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response["Content-Type"] == "application/pdf" and b"/Catalog" in body:
            text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(body)).pages)
        else:
            text = body.decode("utf-8", errors="replace")
        for secret in SECRETS:
            assert secret not in text, (url, secret)
        seen += 1
    assert seen >= 8


def test_unpublished_statements_are_not_found(client, archive):
    for key in ("draft", "adopted"):
        assert client.get(reverse("statements:public_detail", args=[SLUG, archive[key].pk])).status_code == 404
        assert client.get(reverse("statements:public_letter", args=[SLUG, archive[key].pk])).status_code == 404


def test_documents_of_an_unanswered_consultation_are_not_public(client, council, committee, secretary):
    consultation = services.consultation_register(
        council=council,
        subject="Åben høring",
        committee=committee,
        received_on=datetime.date(2026, 11, 20),
        deadline=datetime.date(2026, 12, 20),
        case_number="1",
        by=secretary,
    )
    document = services.consultation_document_add(
        consultation=consultation, title="Udkast", filename="u.pdf", data=b"%PDF-1.7 x", by=secretary
    )
    assert client.get(reverse("statements:public_document", args=[SLUG, document.pk])).status_code == 404


def test_public_letter_is_the_sent_pdf(client, archive):
    response = client.get(reverse("statements:public_letter", args=[SLUG, archive["published"].pk]))
    reader = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Rådet støtter politikken og anbefaler sprogcaféer." in text
    assert "Mindretallet ønsker mere." in text


def test_english_archive_uses_english_labels(client, archive):
    page = client.get("/en" + reverse("statements:public_archive", args=[SLUG])).content.decode()
    assert 'lang="en"' in page
