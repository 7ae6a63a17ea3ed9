"""The workspace screens and the public archive through the test client (no JavaScript involved)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from raad.statements import services
from raad.statements.models import Consultation, ConsultationDocument, Statement, WrittenAnswer
from raad.testing.cast import log_in_verified

from .conftest import adopt_at_meeting

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
SLUG = "integrationsraadet"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, 0, tzinfo=CPH), tick=True):
        yield


def login(client, user):
    return log_in_verified(client, user)


@pytest.fixture
def sec_client(client, secretary):
    return login(client, secretary)


def url(name, *args):
    return reverse(f"statements:{name}", args=[SLUG, *args])


def test_secretary_registers_a_consultation_with_a_document(sec_client, committee):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = sec_client.post(
        url("consultation_new"),
        {
            "subject": "Boligplacering af flygtninge 2027",
            "committee": committee.pk,
            "received_on": "2026-11-20",
            "deadline": "2026-12-15",
            "case_number": "03.02.00-G01-2-26",
            "document": SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan", content_type="application/pdf"),
            "document_title": "Boligplaceringsplan",
        },
    )
    consultation = Consultation.objects.get(subject="Boligplacering af flygtninge 2027")
    assert response.status_code == 302 and response["Location"] == url("consultation", consultation.pk)
    assert consultation.documents.get().title == "Boligplaceringsplan"
    page = sec_client.get(url("desk")).content.decode()
    assert "Boligplacering af flygtninge 2027" in page
    assert "<td>19</td>" in page  # days left to 15 December


def test_a_refused_document_leaves_no_consultation(sec_client, committee):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = sec_client.post(
        url("consultation_new"),
        {
            "subject": "Med forkert fil",
            "committee": committee.pk,
            "received_on": "2026-11-20",
            "deadline": "2026-12-15",
            "case_number": "1",
            "document": SimpleUploadedFile("plan.pdf", b"#!/bin/sh\nrm -rf /", content_type="application/pdf"),
        },
    )
    assert response.status_code == 400
    assert "Filtypen kan ikke bruges" in response.content.decode()
    assert not Consultation.objects.filter(subject="Med forkert fil").exists()
    assert ConsultationDocument.objects.count() == 0


def test_new_sender_is_created_from_the_form(sec_client, council):
    response = sec_client.post(
        url("consultation_new"),
        {
            "subject": "Budget 2027",
            "new_committee": "Økonomiudvalget",
            "new_committee_email": "oeu@holbaek.invalid",
            "received_on": "2026-11-20",
            "deadline": "2026-12-15",
            "case_number": "00.30.00-S00-1-26",
        },
    )
    assert response.status_code == 302
    assert Consultation.objects.get(subject="Budget 2027").committee.email == "oeu@holbaek.invalid"


def test_drafting_versions_comments_and_comparison(client, council, consultation, draft, users, secretary):
    login(client, users["medlem"])
    # Ahmad is not the rapporteur of this draft: he comments, he does not rewrite it.
    assert client.post(url("version_save", draft.pk), {"text": "Min egen tekst"}).status_code == 403
    assert 'name="note"' not in client.get(url("statement", draft.pk)).content.decode()
    mine = services.statement_create(
        council=council,
        kind="response",
        title="Ahmads udkast",
        consultation=consultation,
        rapporteur=users["medlem"],
        text=draft.versions.get().text,
        by=secretary,
    )
    response = client.post(
        url("version_save", mine.pk),
        {"text": "Rådet støtter varmt politikken.\r\n\r\nRådet foreslår mere sprogundervisning.", "note": "Varmere"},
    )
    assert response.status_code == 302
    assert list(mine.versions.values_list("number", flat=True)) == [1, 2]
    assert (
        mine.versions.get(number=2).text == "Rådet støtter varmt politikken.\n\nRådet foreslår mere sprogundervisning."
    )
    client.post(url("comment_add", draft.pk), {"text": "Nævn lektiecaféerne."})
    assert draft.comments.get().text == "Nævn lektiecaféerne."
    page = client.get(url("compare", mine.pk) + "?fra=1&til=2").content.decode()
    assert "<ins>varmt </ins>" in page
    assert "0 ord fjernet, 1 ord tilføjet" in page
    screen = client.get(url("statement", draft.pk)).content.decode()
    assert "Nævn lektiecaféerne." in screen


def test_member_answers_written_procedure_in_workspace(client, draft, users, secretary):
    services.written_procedure_open(statement=draft, by=secretary)
    login(client, users["medlem"])
    assert "Venter på dit svar" in client.get(url("desk")).content.decode()
    response = client.post(url("written_answer", draft.pk), {"answer": "disagree", "comment": ""})
    assert response.status_code == 302
    assert WrittenAnswer.objects.get().answer == "disagree"
    again = client.post(url("written_answer", draft.pk), {"answer": "agree"})
    assert again.status_code == 400 and "Hvert medlem svarer én gang" in again.content.decode()


def test_late_send_asks_for_the_reason(client, draft, secretary):
    adopt_at_meeting(draft, by=secretary, day=datetime.date(2026, 11, 24))
    with time_machine.travel(datetime.datetime(2026, 12, 8, 10, 0, tzinfo=CPH), tick=True):
        sec_client = login(client, secretary)
        screen = sec_client.get(url("statement", draft.pk)).content.decode()
        assert "Høringsfristen er overskredet" in screen and 'name="late_reason"' in screen
        refused = sec_client.post(url("send", draft.pk), {"late_reason": ""})
        assert refused.status_code == 400 and "Skriv begrundelsen" in refused.content.decode()
        assert Statement.objects.get(pk=draft.pk).sent_at is None
        sent = sec_client.post(url("send", draft.pk), {"late_reason": "Mødet blev aflyst pga. storm."})
    assert sent.status_code == 302
    public = Statement.objects.get(pk=draft.pk)
    assert public.status == "published"
    page = sec_client.get(reverse("statements:public_detail", args=[SLUG, draft.pk])).content.decode()
    assert "Mødet blev aflyst pga. storm." in page


def test_member_cannot_manage_and_liaison_cannot_see_drafts(client, draft, users):
    login(client, users["medlem"])
    assert client.post(url("send", draft.pk), {}).status_code == 403
    assert client.get(url("consultation_new")).status_code == 403
    client.logout()
    login(client, users["kontaktperson"])
    assert client.get(url("desk")).status_code == 403
    assert client.get(url("statement", draft.pk)).status_code == 403


def test_anonymous_is_sent_to_login(client, draft):
    response = client.get(url("statement", draft.pk))
    assert response.status_code == 302 and response["Location"].startswith(reverse("core:login"))


def test_urgent_approval_through_the_workspace(client, draft, users):
    login(client, users["forperson"])
    assert "Godkend version 1 som hastesvar" in client.get(url("statement", draft.pk)).content.decode()
    assert client.post(url("urgent_approve", draft.pk)).status_code == 302
    client.logout()
    login(client, users["naestforperson"])
    assert client.post(url("urgent_approve", draft.pk)).status_code == 302
    statement = Statement.objects.get(pk=draft.pk)
    assert (statement.status, statement.adoption_route, statement.report_at_next_meeting) == ("adopted", "urgent", True)


def test_council_page_shows_the_consultations_panel(sec_client, consultation):
    page = sec_client.get(reverse("secretariat:council", args=[SLUG])).content.decode()
    assert "Integrationspolitik 2027–2030" in page and "8 dage tilbage" in page


def test_journal_export(sec_client, consultation):
    response = sec_client.get(url("journal") + "?format=csv")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0] == "sagsnummer;dato;retning;emne;afsender/modtager"
    assert (
        lines[1] == "27.00.00-P15-3-26;2026-11-02;in;Høring: Integrationspolitik 2027–2030;Social- og Sundhedsudvalget"
    )


def test_journal_export_neutralises_spreadsheet_formulas(sec_client, council, secretary):
    """A cell a spreadsheet would run as a formula gets a leading ' (OWASP CSV injection)."""
    committee = services.committee_create(
        municipality=council.municipality, name='=HYPERLINK("https://evil.invalid","Klik")', by=None
    )
    services.consultation_register(
        council=council,
        subject="+SUM(1;2)",
        committee=committee,
        received_on=datetime.date(2026, 11, 2),
        deadline=datetime.date(2026, 12, 4),
        case_number="@cmd",
        summary="",
        by=secretary,
    )
    lines = sec_client.get(url("journal") + "?format=csv").content.decode().splitlines()
    assert lines[1] == ('\'@cmd;2026-11-02;in;"Høring: +SUM(1;2)";"\'=HYPERLINK(""https://evil.invalid"",""Klik"")"')


def test_letter_preview_before_sending_stores_nothing(sec_client, draft, secretary):
    import io

    import pypdf

    assert sec_client.get(url("letter_preview", draft.pk)).status_code == 404  # not adopted yet
    adopt_at_meeting(draft, by=secretary, day=datetime.date(2026, 11, 24))
    response = sec_client.get(url("letter_preview", draft.pk))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Rådet foreslår mere sprogundervisning." in text
    draft.refresh_from_db()
    assert (draft.status, bool(draft.letter), draft.sent_at) == ("adopted", False, None)


def test_chair_sees_urgent_drafts_awaiting_approval(client, draft, users, secretary):
    services.statement_plan_route(statement=draft, route="urgent", by=secretary)
    login(client, users["forperson"])
    assert "Hastesager til din godkendelse" in client.get(url("desk")).content.decode()
    services.urgent_approve(statement=draft, user=users["forperson"])
    assert "Hastesager til din godkendelse" not in client.get(url("desk")).content.decode()
    services.statement_version_save(statement=draft, text="Ny tekst efter næstforpersonens ønske.", by=secretary)
    assert (
        "Hastesager til din godkendelse" in client.get(url("desk")).content.decode()
    )  # the new version needs approval
    client.logout()
    login(client, users["medlem"])
    assert "Hastesager til din godkendelse" not in client.get(url("desk")).content.decode()


def test_personal_data_is_pointed_out_before_sending(sec_client, council, consultation, secretary):
    statement = services.statement_create(
        council=council,
        kind="response",
        title="Svar",
        consultation=consultation,
        text="Kontakt Jens på jens@example.invalid eller Storegade 12.",
        by=secretary,
    )
    assert "personoplysninger" not in sec_client.get(url("statement", statement.pk)).content.decode()  # a draft
    adopt_at_meeting(statement, by=secretary, day=datetime.date(2026, 11, 24))
    page = sec_client.get(url("statement", statement.pk)).content.decode()
    assert "Teksten kan indeholde personoplysninger" in page
    assert "jens@example.invalid" in page and "Storegade 12" in page


def test_the_minutes_name_detector_points_out_people_who_are_not_members(sec_client, council, consultation, secretary):
    from raad.membership.selectors import memberships_in_force

    member = str(memberships_in_force(council, datetime.date(2026, 11, 24)).first().person)
    statement = services.statement_create(
        council=council,
        kind="response",
        title="Svar",
        consultation=consultation,
        text=f"{member} foreslog, at Karen Jensen høres. CPR 010190–1234 hører ikke hjemme her.",
        by=secretary,
    )
    services.minority_statement_add(statement=statement, members=member, text="Vi vil høre Peter Hansen.", by=secretary)
    adopt_at_meeting(statement, by=secretary, day=datetime.date(2026, 11, 24))
    page = sec_client.get(url("statement", statement.pk)).content.decode()
    assert "Navn på en person, der ikke er medlem: Karen Jensen" in page
    assert "Navn på en person, der ikke er medlem: Peter Hansen" in page  # the minority's words are checked too
    assert f"ikke er medlem: {member}" not in page
    assert "010190" not in page  # masked when the text was stored


@pytest.mark.parametrize("username", ["sekretariat", "medlem"])
def test_every_element_id_on_the_drafting_page_is_unique(client, draft, users, username):
    """Many forms share one page; a label must point at its own field (WCAG 1.3.1, 4.1.1)."""
    import collections
    import re

    login(client, users[username])
    page = client.get(url("statement", draft.pk)).content.decode()
    ids = collections.Counter(re.findall(r'\bid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    assert 'for="id_version_text"' in page or username == "medlem"
    assert 'for="id_comment_text"' in page


def test_comparing_absurd_version_numbers_is_a_clear_error(sec_client, draft):
    response = sec_client.get(url("compare", draft.pk) + "?fra=99999999999999999999&til=1")
    assert response.status_code == 400
    assert "Denne værdi skal være mindre end eller lig 32767." in response.content.decode()
    response = sec_client.get(url("compare", draft.pk) + "?fra=1&til=7")
    assert response.status_code == 400
    assert "Vælg to versioner, som udtalelsen har (1–1)." in response.content.decode()


def test_english_workspace_and_archive_name_council_committee_and_purpose_in_english(
    client, sec_client, council, draft, consultation
):
    from raad.councils.models import Purpose

    purpose = Purpose.objects.get(terms_of_reference__council=council, number=1)
    draft.purpose = purpose
    draft.save(update_fields=["purpose"])
    from raad.core import translations

    for obj, text in (
        (council, "Holbæk Municipality Integration Council"),
        (consultation.committee, "The Committee for Social Affairs and Health"),
    ):
        translations.translation_set(obj=obj, field="name", language="en", text=text, status=translations.REVIEWED)
    page = sec_client.get("/en" + url("statement", draft.pk)).content.decode()
    assert ">Holbæk Municipality Integration Council</a>" in page
    import html

    title_en = translations.translated(purpose, "title", "en")
    assert title_en and html.escape(f"1. {title_en}") in page
    desk = sec_client.get(f"/en/arbejdsrum/{SLUG}/hoeringer/").content.decode()
    assert "<td>The Committee for Social Affairs and Health</td>" in desk


def test_the_journal_pages_and_finds_by_case_number_subject_or_counterpart(sec_client, consultation, monkeypatch):
    from raad.statements.views.consultations import JournalView

    monkeypatch.setattr(JournalView, "per_page", 2)
    for number, subject in (("01.02.03-A00-1-26", "Sprogcentrets åbningstider"), ("01.02.03-A00-2-26", "Lektiecafé")):
        services.consultation_register(
            council=consultation.council,
            subject=subject,
            committee=consultation.committee,
            received_on=datetime.date(2026, 11, 3),
            deadline=datetime.date(2026, 12, 4),
            case_number=number,
            by=None,
        )
    first = sec_client.get(url("journal")).content.decode()
    assert "3 journalposter" in first and "Side 1 af 2" in first and first.count('<th scope="row">') == 2
    second = sec_client.get(url("journal") + "?side=2").content.decode()
    assert second.count('<th scope="row">') == 1 and "Høring: Integrationspolitik 2027–2030" in second
    found = sec_client.get(url("journal") + "?q=a00-2").content.decode()
    assert "1 journalpost med «a00-2»" in found and "Høring: Lektiecafé" in found and "Sprogcentret" not in found
    assert 'href="?format=csv&amp;q=a00-2"' in found
    lines = sec_client.get(url("journal") + "?format=csv&q=sprogcentret").content.decode().splitlines()
    assert [line.split(";")[0] for line in lines[1:]] == ["01.02.03-A00-1-26"]
    english = sec_client.get("/en" + url("journal") + "?q=lektie").content.decode()
    assert "1 journal entry with “lektie”" in english


def test_the_desk_shows_unanswered_consultations_until_60_days_past_their_deadline(sec_client, consultation):
    from django.utils import timezone

    from raad.statements.selectors.workspace import OVERDUE_SHOWN_DAYS

    today = timezone.localdate()
    for days, subject in (
        (OVERDUE_SHOWN_DAYS, "Busplan for Tølløse"),
        (OVERDUE_SHOWN_DAYS + 1, "Gammel skolestruktur"),
    ):
        deadline = today - datetime.timedelta(days=days)
        services.consultation_register(
            council=consultation.council,
            subject=subject,
            committee=consultation.committee,
            received_on=deadline - datetime.timedelta(days=20),
            deadline=deadline,
            case_number=f"01.02.03-A00-{days}-26",
            by=None,
        )
    desk = sec_client.get(url("desk")).content.decode()
    assert "Busplan for Tølløse" in desk and f"{OVERDUE_SHOWN_DAYS} dage over fristen" in desk
    assert "Gammel skolestruktur" not in desk
    tasks = sec_client.get(reverse("secretariat:dashboard")).content.decode()
    assert "Høringsfrist: Busplan for Tølløse" in tasks and "Gammel skolestruktur" not in tasks
    assert "Gammel skolestruktur" in sec_client.get(url("journal") + "?q=skolestruktur").content.decode()
