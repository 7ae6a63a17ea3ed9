"""What goes into the ZIP, in which folder: the case export (aktindsigt, R28) and the yearly archive (R34).

Each builder is a generator over an `ArchiveWriter`: it writes a member, yields (so a streaming response can
send what is buffered), and last yields the manifest's head (format, council, case or year, generated_at).
Closed parts are included under `lukket/` and flagged in the manifest with the reason.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from raad.core.i18n import in_council_language
from raad.councils.models import Council
from raad.secretariat.archive import collect, formats, render
from raad.secretariat.archive.writer import ArchiveWriter
from raad.statements.models import Statement

CLOSED = "lukket/"
PDF = "application/pdf"
# Meetings (with all their items and decisions) and statements (with all their versions) held at a time.
MEETINGS_PER_CHUNK = 10


def _head(council: Council, generated_at: datetime.datetime, **more: Any) -> dict[str, Any]:
    return {
        "format": formats.FORMAT_NAME,
        "format_version": formats.FORMAT_VERSION,
        "generator": formats.GENERATOR,
        "generated_at": formats.iso(generated_at),
        "council": {"slug": council.slug, "name": str(council), "municipality": str(council.municipality)},
        **more,
    }


def _folder(path: str, closed: str) -> str:
    return CLOSED + path if closed else path


def _original_name(name: str) -> str:
    stem, ext = os.path.splitext(os.path.basename(name))
    return (slugify(stem) or "fil") + ext.lower()


def _version_closed(statement: Statement, version) -> str:
    """Why a version of a statement is closed: an internal draft (R28), or empty when it is open."""
    if statement.status == Statement.Status.DRAFT:
        return _("Udkast til udtalelse, endnu ikke vedtaget (internt arbejdsdokument)")
    if version.kind == version.Kind.DRAFT and version.pk != statement.adopted_version_id:
        return _("Udkast fra før vedtagelsen (internt arbejdsdokument)")
    return ""


def case_build(case: collect.Case, *, generated_at: datetime.datetime):
    consultation = case.consultation
    council = consultation.council

    def build(archive: ArchiveWriter) -> Iterator[Any]:
        with in_council_language(council):
            for document in case.documents:
                with document.file.open("rb") as handle:
                    yield from archive.add_file(
                        f"originaler/hoeringsmateriale/{document.pk}-{_original_name(document.file.name)}",
                        handle,
                        title=document.title,
                        kind="consultation_document",
                        media_type=document.content_type,
                    )
            for statement in case.statements:
                for version in statement.versions.all():
                    closed = _version_closed(statement, version)
                    archive.add_bytes(
                        _folder(f"udtalelser/{statement.pk}-version-{version.number}.pdf", closed),
                        render.statement_version_pdf(statement, version, closed=closed),
                        title=f"{statement.title} – {version}",
                        kind="statement_version",
                        media_type=PDF,
                        closed=closed,
                    )
                    yield
                letter = render.letter_pdf(statement)
                if letter is not None:
                    archive.add_bytes(
                        f"udtalelser/{statement.pk}-brev.pdf",
                        letter,
                        title=_("Brev: %(title)s") % {"title": statement.title},
                        kind="letter",
                        media_type=PDF,
                    )
                    yield
                if statement.letter:
                    with statement.letter.open("rb") as handle:
                        yield from archive.add_file(
                            f"originaler/breve/{_original_name(statement.letter.name)}",
                            handle,
                            title=_("Brev som sendt: %(title)s") % {"title": statement.title},
                            kind="letter_as_sent",
                            media_type=PDF,
                        )
            for item in case.items:
                closed = _("Lukket dagsordenspunkt") if item.is_closed else ""
                day = item.meeting.starts_at.date().isoformat()
                archive.add_bytes(
                    _folder(f"moeder/{day}-punkt-{item.position}-{item.pk}.pdf", closed),
                    render.item_pdf(item, closed=closed),
                    title=item.title,
                    kind="agenda_item",
                    media_type=PDF,
                    closed=closed,
                )
                yield
                for attachment in item.attachments.all():
                    part = closed or (_("Lukket bilag") if attachment.is_closed else "")
                    with attachment.file.open("rb") as handle:
                        yield from archive.add_file(
                            _folder(f"originaler/bilag/{attachment.pk}-{_original_name(attachment.file.name)}", part),
                            handle,
                            title=attachment.title,
                            kind="attachment",
                            media_type=attachment.content_type,
                            closed=part,
                        )
            archive.add_bytes(
                "journal.pdf",
                render.journal_pdf(consultation, case.record_entries, case.audit_entries),
                title=_("Journal for sag %(number)s") % {"number": consultation.case_number},
                kind="journal",
                media_type=PDF,
            )
            yield
            yield from archive.add_table(
                "journal",
                formats.RECORD_COLUMNS,
                lambda: map(formats.record_row, case.record_entries),
                title=_("Journal"),
            )
            yield _head(
                council,
                generated_at,
                kind="access_request",
                case={
                    "consultation_id": consultation.pk,
                    "case_number": consultation.case_number,
                    "subject": consultation.subject,
                    "received_on": formats.iso(consultation.received_on),
                    "deadline": formats.iso(consultation.deadline),
                    "committee": str(consultation.committee),
                },
                audit_entries=[formats.audit_row(entry) for entry in case.audit_entries],
            )

    return build


def year_build(council: Council, year: int, *, generated_at: datetime.datetime):
    def build(archive: ArchiveWriter) -> Iterator[Any]:
        with in_council_language(council):
            for meeting in collect.meetings_of_year(council, year).iterator(chunk_size=MEETINGS_PER_CHUNK):
                items = list(meeting.items.all())
                day = meeting.starts_at.date().isoformat()
                open_items = [item for item in items if not item.is_closed]
                closed_items = [item for item in items if item.is_closed]
                archive.add_bytes(
                    f"moeder/{day}-{meeting.pk}.pdf",
                    render.meeting_pdf(meeting, open_items),
                    title=_("Dagsorden, beslutninger og referat"),
                    kind="meeting",
                    media_type=PDF,
                )
                yield
                if closed_items:
                    reason = _("Lukkede dagsordenspunkter")
                    archive.add_bytes(
                        f"{CLOSED}moeder/{day}-{meeting.pk}-lukkede-punkter.pdf",
                        render.meeting_pdf(meeting, closed_items, closed=reason),
                        title=reason,
                        kind="meeting_closed_items",
                        media_type=PDF,
                        closed=reason,
                    )
                    yield
            for statement in collect.statements_of_year(council, year).iterator(chunk_size=MEETINGS_PER_CHUNK):
                closed = (
                    _("Udkast til udtalelse, endnu ikke vedtaget (internt arbejdsdokument)")
                    if statement.status == Statement.Status.DRAFT
                    else ""
                )
                archive.add_bytes(
                    _folder(f"udtalelser/{statement.pk}.pdf", closed),
                    render.statement_pdf(statement, closed=closed),
                    title=statement.title,
                    kind="statement",
                    media_type=PDF,
                    closed=closed,
                )
                yield
            yield from _year_tables(archive, council, year)
            yield _head(council, generated_at, kind="yearly_archive", year=year)

    return build


def _year_tables(archive: ArchiveWriter, council: Council, year: int) -> Iterator[None]:
    """The year's machine-readable data: each table as CSV and JSON, read from the database in chunks."""
    tables = [
        ("meetings", formats.MEETING_COLUMNS, formats.meeting_row, collect.meetings_of_year, _("Møder")),
        ("items", formats.ITEM_COLUMNS, formats.item_row, collect.items_of_year, _("Dagsordenspunkter")),
        (
            "decisions",
            formats.DECISION_COLUMNS,
            formats.decision_row,
            collect.decisions_of_year,
            _("Beslutninger"),
        ),
        (
            "statements",
            formats.STATEMENT_COLUMNS,
            formats.statement_row,
            collect.statements_of_year,
            _("Udtalelser"),
        ),
        ("journal", formats.RECORD_COLUMNS, formats.record_row, collect.record_entries_of_year, _("Journal")),
        ("audit", formats.AUDIT_COLUMNS, formats.audit_row, collect.audit_of_year, _("Auditjournal")),
    ]
    for name, columns, shape, query, title in tables:
        if name == "meetings":
            query = _meetings_plain

        def rows(shape=shape, query=query):
            return map(shape, query(council, year).iterator(chunk_size=collect.CHUNK))

        yield from archive.add_table(name, columns, rows, title=str(title))


def year_tables_build(council: Council, year: int, *, generated_at: datetime.datetime):
    """The year's data tables alone, without the PDFs (the benchmark measures the two parts apart)."""

    def build(archive: ArchiveWriter) -> Iterator[Any]:
        with in_council_language(council):
            yield from _year_tables(archive, council, year)
            yield _head(council, generated_at, kind="yearly_archive_data", year=year)

    return build


def _meetings_plain(council: Council, year: int):
    """The meetings without the items prefetched (the table needs only the meeting and its minutes)."""
    return collect.meetings_of_year(council, year).prefetch_related(None)
