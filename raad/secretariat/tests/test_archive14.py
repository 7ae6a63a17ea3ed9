"""Access to documents (R28) and the yearly archive (R34), docs/archive-export.md: the case ZIP's checksums
verify, its generated PDFs are PDF/A-3b with every font embedded and the statement's text readable, a closed
agenda item lies under lukket/ and is flagged; only the council's secretariat may download; the archive
command's tables count what the database holds for the year, it changes nothing but the journal, and bad
arguments give a clear error."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import zipfile
import zoneinfo

import pypdf
import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from raad.core import mail
from raad.core.models import AuditEntry
from raad.core.roles import Role
from raad.councils.models import Council
from raad.councils.services import staff_assign
from raad.meetings import services as meetings
from raad.meetings.models import Decision, Meeting
from raad.statements import services as statements
from raad.statements.models import Statement
from raad.statements.tests.conftest import meeting_decision
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified, make_user

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
STATEMENT_TEXT = "Rådet støtter politikken og foreslår mere sprogundervisning for voksne."


@pytest.fixture(autouse=True)
def _today(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, 0, tzinfo=CPH), tick=False):
        yield


@pytest.fixture
def case(cast):
    """A consultation with a document; its response adopted at a meeting on a closed item, then sent."""
    council, secretary = cast.council, cast.secretary
    committee = statements.committee_create(
        municipality=council.municipality, name="Social- og Sundhedsudvalget", email="sosu@holbaek.invalid", by=None
    )
    consultation = statements.consultation_register(
        council=council,
        subject="Integrationspolitik 2027–2030",
        committee=committee,
        received_on=datetime.date(2026, 11, 2),
        deadline=datetime.date(2026, 12, 4),
        case_number="27.00.00-P15-3-26",
        by=secretary,
    )
    statements.consultation_document_add(
        consultation=consultation, title="Politikudkast", filename="politik.pdf", data=b"%PDF-1.7 politik", by=secretary
    )
    draft = statements.statement_create(
        council=council,
        kind="response",
        title="Høringssvar om integrationspolitikken",
        consultation=consultation,
        rapporteur=secretary,
        text="Første udkast.",
        by=secretary,
    )
    statements.statement_version_save(statement=draft, text=STATEMENT_TEXT, by=secretary)
    starts = datetime.datetime(2026, 11, 24, 17, tzinfo=CPH)
    meeting = meetings.meeting_plan(council=council, starts_at=starts, place="Holbæk Rådhus", by=None)
    meetings.item_add(meeting=meeting, title="Orientering fra formanden", by=None)
    item = meetings.item_add(meeting=meeting, title="Høringssvar om integrationspolitikken", is_closed=True, by=None)
    decision = meeting_decision(council, title="", item=item)
    statements.statement_adopt_at_meeting(statement=draft, decision=decision, by=secretary)
    with mail.suppressed():
        statements.statement_send(statement=draft, by=secretary)
    return consultation


def _zip(response) -> zipfile.ZipFile:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def _verified_manifest(archive: zipfile.ZipFile) -> dict:
    """The manifest, after checking that it lists every member but itself with the right size and SHA-256."""
    manifest = json.loads(archive.read("manifest.json"))
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {"manifest.json"}
    for path, entry in listed.items():
        data = archive.read(path)
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"]), path
    return manifest


def _assert_pdf_a3b(data: bytes) -> pypdf.PdfReader:
    reader = pypdf.PdfReader(io.BytesIO(data))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font.get("/BaseFont")
    return reader


def test_the_case_zip_verifies_is_pdf_a_and_flags_the_closed_item(client, cast, case):
    log_in_verified(client, cast.secretary)
    url = reverse("secretariat:access_download", args=[cast.council.slug, case.pk])
    with assert_unchanged(ignore={"core.AuditEntry"}):
        archive = _zip(client.get(url))
    assert AuditEntry.objects.filter(verb="archive.case_exported", target_id=str(case.pk)).count() == 1

    manifest = _verified_manifest(archive)
    assert (manifest["format"], manifest["format_version"], manifest["kind"]) == ("raad-arkiv", "1.0", "access_request")
    assert manifest["case"]["case_number"] == "27.00.00-P15-3-26"
    assert manifest["council"]["slug"] == cast.council.slug
    statement = Statement.objects.get()
    kinds = {entry["path"]: entry["kind"] for entry in manifest["files"]}
    assert kinds == {
        f"originaler/hoeringsmateriale/{case.documents.get().pk}-politik.pdf": "consultation_document",
        f"lukket/udtalelser/{statement.pk}-version-1.pdf": "statement_version",
        f"udtalelser/{statement.pk}-version-2.pdf": "statement_version",
        f"udtalelser/{statement.pk}-brev.pdf": "letter",
        f"originaler/breve/{statement.letter.name.rsplit('/', 1)[1]}": "letter_as_sent",
        f"lukket/moeder/2026-11-24-punkt-2-{statement.decision.item_id}.pdf": "agenda_item",
        "journal.pdf": "journal",
        "data/journal.csv": "data",
        "data/journal.json": "data",
    }
    closed = {e["path"]: e["closed_reason"] for e in manifest["files"] if e["closed"]}
    assert closed == {
        f"lukket/udtalelser/{statement.pk}-version-1.pdf": "Udkast fra før vedtagelsen (internt arbejdsdokument)",
        f"lukket/moeder/2026-11-24-punkt-2-{statement.decision.item_id}.pdf": "Lukket dagsordenspunkt",
    }
    generated = [
        e["path"] for e in manifest["files"] if e["kind"] in {"statement_version", "letter", "agenda_item", "journal"}
    ]
    for path in generated:
        _assert_pdf_a3b(archive.read(path))
    text = _assert_pdf_a3b(archive.read(f"udtalelser/{statement.pk}-version-2.pdf")).pages[0].extract_text()
    assert STATEMENT_TEXT in " ".join(text.split())
    assert "Lukket del" in pypdf.PdfReader(io.BytesIO(archive.read(generated[-2]))).pages[0].extract_text()
    # The journal (R29) and the audit journal's entries of the case, the export itself among them.
    journal = list(csv.DictReader(io.StringIO(archive.read("data/journal.csv").decode()), delimiter=";"))
    assert [(row["direction"], row["case_number"]) for row in journal] == [
        ("in", "27.00.00-P15-3-26"),
        ("out", "27.00.00-P15-3-26"),
    ]
    verbs = [entry["verb"] for entry in manifest["audit_entries"]]
    assert verbs[0] == "consultation.registered" and verbs[-1] == "archive.case_exported"
    assert "statement.sent" in verbs


def test_only_the_councils_secretariat_may_export(client, cast, case):
    page = reverse("secretariat:access", args=[cast.council.slug])
    download = reverse("secretariat:access_download", args=[cast.council.slug, case.pk])
    year = reverse("secretariat:archive_year", args=[cast.council.slug, 2026])
    login = reverse("core:login")
    for url in (page, download, year):
        response = client.get(url)
        assert (response.status_code, response["Location"].split("?")[0]) == (302, login)
    log_in_verified(client, cast.users["medlem"])
    assert [client.get(url).status_code for url in (page, download, year)] == [403, 403, 403]
    other = Council.objects.create(municipality=cast.council.municipality, name="Handicaprådet", slug="handicapraadet")
    b_secretary = make_user("sekretariat_b", "Bo", "Berg")
    staff_assign(council=other, user=b_secretary, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None)
    client.logout()
    log_in_verified(client, b_secretary)
    assert [client.get(url).status_code for url in (page, download, year)] == [403, 403, 403]
    # Its own page does not reach A's case either.
    own = reverse("secretariat:access_download", args=[other.slug, case.pk])
    assert client.get(own).status_code == 404
    assert not AuditEntry.objects.filter(verb__startswith="archive.").exists()


def test_the_page_finds_a_case_by_case_number_and_the_consultation_links_to_it(client, cast, case):
    log_in_verified(client, cast.secretary)
    body = client.get(reverse("secretariat:access", args=[cast.council.slug]), {"q": "P15-3"}).content.decode()
    assert "Integrationspolitik 2027–2030" in body
    assert reverse("secretariat:access_download", args=[cast.council.slug, case.pk]) in body
    body = client.get(reverse("secretariat:access", args=[cast.council.slug]), {"q": "ingenting"}).content.decode()
    assert "Ingen høringer matcher »ingenting«." in body
    # The consultation's own workspace page links to the same download.
    body = client.get(reverse("statements:consultation", args=[cast.council.slug, case.pk])).content.decode()
    assert reverse("secretariat:access_download", args=[cast.council.slug, case.pk]) in body


def test_the_archive_command_counts_the_year_and_changes_nothing_but_the_journal(cast, case, tmp_path):
    council = cast.council
    # Another year's meeting stays out of 2026.
    old = meetings.meeting_plan(
        council=council, starts_at=datetime.datetime(2025, 11, 5, 17, tzinfo=CPH), place="Rådhuset", by=None
    )
    assert old.pk
    target = tmp_path / "arkiv.zip"
    out = io.StringIO()
    audit_before = AuditEntry.objects.filter(council_id=council.pk, at__year=2026).count()
    with assert_unchanged(ignore={"core.AuditEntry"}):
        call_command("archive_export", council.slug, "2026", "--output", str(target), stdout=out)
    assert AuditEntry.objects.filter(council_id=council.pk, at__year=2026).count() == audit_before + 1
    archive = zipfile.ZipFile(target)
    manifest = _verified_manifest(archive)
    assert (manifest["kind"], manifest["year"]) == ("yearly_archive", 2026)

    def rows(name):
        return list(csv.DictReader(io.StringIO(archive.read(f"data/{name}.csv").decode()), delimiter=";"))

    assert len(rows("meetings")) == Meeting.objects.filter(council=council, starts_at__year=2026).count() == 1
    assert len(rows("decisions")) == Decision.objects.filter(item__meeting__council=council).count() == 1
    assert len(rows("statements")) == 1
    assert len(rows("audit")) == audit_before + 1  # the export's own entry is in its journal
    assert len(json.loads(archive.read("data/audit.json"))) == audit_before + 1
    assert [r["closed"] for r in rows("items")] == ["false", "true"]
    meeting_pdf = [p for p in archive.namelist() if p.startswith("moeder/")]
    closed_pdf = [p for p in archive.namelist() if p.startswith("lukket/moeder/")]
    assert len(meeting_pdf) == len(closed_pdf) == 1
    meeting_text = _assert_pdf_a3b(archive.read(meeting_pdf[0])).pages[0].extract_text()
    assert "Orientering fra formanden" in meeting_text and "integrationspolitikken" not in meeting_text
    assert f"{target}:" in out.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ukendt-raad", "2026"], "Unknown council 'ukendt-raad'"),
        (["integrationsraadet", "sidste år"], "The year must be a year up to this one, such as 2026, not 'sidste år'"),
    ],
)
def test_bad_arguments_give_a_clear_error(cast, tmp_path, args, message):
    target = tmp_path / "x.zip"
    with assert_unchanged(), pytest.raises(CommandError, match=message):
        call_command("archive_export", *args, "--output", str(target))
    assert not target.exists()
