"""The PDF/A-3b documents of an export, all from one template (a title, sections of facts and paragraphs),
rendered by the core renderer for the archive in the council's official language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from raad.core.i18n import council_language, in_council_language
from raad.core.pdf import PDF_FOR_ARCHIVE, html_to_pdf, render_pdf
from raad.core.text import plain_text
from raad.meetings.models import AgendaItem, Meeting
from raad.secretariat.archive.collect import approved_minutes
from raad.statements.models import Consultation, RecordEntry, Statement, StatementVersion

TEMPLATE = "secretariat/archive/document.html"


@dataclass
class Section:
    heading: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _when(value: Any) -> str:
    if value is None:
        return "–"
    if hasattr(value, "hour"):
        return date_format(timezone.localtime(value), "j. F Y H:i")
    return date_format(value, "j. F Y")


def _pdf(council, *, title: str, sections: list[Section], closed: str = "") -> bytes:
    context = {
        "council_name": str(council),
        "title": title,
        "sections": sections,
        "closed": closed,
        "generated_at": _when(timezone.now()),
    }
    return render_pdf(TEMPLATE, context, lang=council_language(council), purpose=PDF_FOR_ARCHIVE, title=title)


def _version_section(version: StatementVersion) -> Section:
    facts = [(_("Gemt"), _when(version.created_at)), (_("Type"), version.get_kind_display())]
    if version.note:
        facts.append((_("Bemærkning"), version.note))
    return Section(str(version), facts, [version.text])


def _statement_facts(statement: Statement) -> Section:
    facts = [
        (_("Type"), statement.get_kind_display()),
        (_("Status"), statement.get_status_display()),
        (_("Modtager"), str(statement.recipient)),
        (_("Vedtaget den"), _when(statement.adopted_on)),
        (_("Vedtaget ved"), statement.get_adoption_route_display() or "–"),
        (_("Sendt"), _when(statement.sent_at)),
        (_("Offentliggjort"), _when(statement.published_at)),
    ]
    return Section(_("Udtalelsen"), facts)


def statement_version_pdf(statement: Statement, version: StatementVersion, *, closed: str = "") -> bytes:
    with in_council_language(statement.council):
        title = f"{statement.title} – {version}"
        return _pdf(
            statement.council,
            title=title,
            sections=[_statement_facts(statement), _version_section(version)],
            closed=closed,
        )


def statement_pdf(statement: Statement, *, closed: str = "") -> bytes:
    """The statement with every version (the yearly archive: one PDF per statement)."""
    with in_council_language(statement.council):
        sections = [_statement_facts(statement)] + [_version_section(v) for v in statement.versions.all()]
        return _pdf(statement.council, title=statement.title, sections=sections, closed=closed)


def letter_pdf(statement: Statement) -> bytes | None:
    """The letter as sent, rendered again as PDF/A from the version in force (None when never sent)."""
    if statement.sent_at is None:
        return None
    from raad.statements import letters

    versions = list(statement.versions.all())
    version = next((v for v in versions if v.pk == statement.adopted_version_id), versions[-1] if versions else None)
    if version is None:
        return None
    html = letters.letter_html(
        statement=statement,
        version=version,
        sent_on=timezone.localdate(statement.sent_at),
        late_reason=statement.late_reason,
    )
    return html_to_pdf(html, lang=council_language(statement.council), purpose=PDF_FOR_ARCHIVE, title=statement.title)


def _item_section(item: AgendaItem, minutes: dict | None) -> Section:
    facts = [(_("Type"), item.get_kind_display()), (_("Lukket punkt"), _("Ja") if item.is_closed else _("Nej"))]
    paragraphs = []
    if item.case_presentation:
        paragraphs.append(plain_text(item.case_presentation))
    if item.proposed_decision:
        paragraphs.append(_("Indstilling: %(text)s") % {"text": item.proposed_decision})
    decision = getattr(item, "decision", None)
    if decision is not None:
        facts.append((_("Beslutning"), decision.get_outcome_display()))
        facts.append((_("Besluttet"), _when(decision.decided_at)))
        paragraphs.append(_("Beslutning: %(text)s") % {"text": decision.text})
    for entry in (minutes or {}).get("items", []):
        if entry.get("item_id") == item.pk and entry.get("text"):
            paragraphs.append(_("Referat: %(text)s") % {"text": entry["text"]})
    return Section(f"{item.position}. {item.title}", facts, paragraphs)


def _meeting_heading(meeting: Meeting) -> str:
    return _("%(kind)s %(date)s") % {"kind": meeting.get_kind_display(), "date": _when(meeting.starts_at)}


def item_pdf(item: AgendaItem, *, closed: str = "") -> bytes:
    """One agenda item with its decision and its text in the approved minutes (the case export)."""
    meeting = item.meeting
    with in_council_language(meeting.council):
        sections = [_item_section(item, approved_minutes(meeting))]
        title = f"{_meeting_heading(meeting)}, {_('pkt.')} {item.position}: {item.title}"
        return _pdf(meeting.council, title=title, sections=sections, closed=closed)


def meeting_pdf(meeting: Meeting, items: list[AgendaItem], *, closed: str = "") -> bytes:
    """The meeting's agenda with the decisions and the approved minutes' text of `items` (the yearly archive)."""
    minutes = approved_minutes(meeting)
    with in_council_language(meeting.council):
        facts = [
            (_("Begynder"), _when(meeting.starts_at)),
            (_("Sted"), ", ".join(p for p in (meeting.place, meeting.address) if p) or "–"),
            (_("Status"), meeting.get_status_display()),
            (_("Referat godkendt"), (minutes or {}).get("approved_on", "–")),
        ]
        sections = [Section(_("Mødet"), facts)]
        if minutes and not closed:
            attendance = minutes.get("attendance", {})
            sections[0].facts.append((_("Til stede"), ", ".join(attendance.get("present", [])) or "–"))
            sections[0].facts.append((_("Afbud"), ", ".join(attendance.get("apologies", [])) or "–"))
            if minutes.get("introduction"):
                sections[0].paragraphs.append(minutes["introduction"])
        sections += [_item_section(item, minutes) for item in items]
        return _pdf(meeting.council, title=_meeting_heading(meeting), sections=sections, closed=closed)


def journal_pdf(consultation: Consultation, records: list[RecordEntry], audit_entries: list) -> bytes:
    """The case's journal (R29) and its audit journal entries."""
    from raad.core import audit

    with in_council_language(consultation.council):
        head = Section(
            _("Sagen"),
            [
                (_("Sagsnummer"), consultation.case_number),
                (_("Emne"), consultation.subject),
                (_("Modtaget"), _when(consultation.received_on)),
                (_("Høringsfrist"), _when(consultation.deadline)),
                (_("Afsender"), str(consultation.committee)),
            ],
        )
        journal = Section(
            _("Journal"),
            [
                (
                    f"{_when(r.entry_date)} {r.get_direction_display()}",
                    f"{r.case_number} {r.subject} {r.counterpart}".strip(),
                )
                for r in records
            ],
        )
        trail = Section(
            _("Auditjournal"),
            [(_when(e.at), f"{e.actor_label}: {audit.verb_label(e.verb)} – {e.target_label}") for e in audit_entries],
        )
        title = _("Journal for sag %(number)s") % {"number": consultation.case_number}
        return _pdf(consultation.council, title=title, sections=[head, journal, trail])
