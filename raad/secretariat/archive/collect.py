"""Selectors: what belongs to a case (a consultation, R28) and to a council-year (R34). Every query is built
here; the yearly ones are iterated in chunks by the writer, never loaded whole."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet

from raad.core.models import AuditEntry
from raad.councils.models import Council
from raad.meetings.models import AgendaItem, Attachment, Decision, Meeting, MinutesVersion
from raad.statements.models import Consultation, ConsultationDocument, RecordEntry, Statement, StatementVersion

CHUNK = 200  # rows fetched at a time when a year is iterated


def consultations_for_access(council: Council, query: str = "") -> QuerySet[Consultation]:
    """The council's consultations, newest first, matching `query` in the subject or the case number."""
    qs = Consultation.objects.filter(council=council).order_by("-received_on", "-id")
    query = query.strip()
    if query:
        qs = qs.filter(Q(subject__icontains=query) | Q(case_number__icontains=query))
    return qs


@dataclass
class Case:
    consultation: Consultation
    documents: list[ConsultationDocument]
    statements: list[Statement]
    items: list[AgendaItem]
    record_entries: list[RecordEntry]
    audit_entries: list[AuditEntry] = field(default_factory=list)


def case_for_access(consultation: Consultation) -> Case:
    """The consultation with its documents, its statements (versions prefetched in order), the journal
    entries (R29), the agenda items that treated it (with decision, minutes entry and attachments) and the
    audit journal's entries about any of them, oldest first."""
    documents = list(consultation.documents.order_by("id"))
    statements = list(
        Statement.objects.filter(consultation=consultation)
        .select_related("council", "consultation", "recipient", "decision")
        .prefetch_related(Prefetch("versions", queryset=StatementVersion.objects.order_by("number")))
        .order_by("id")
    )
    item_ids = set()
    for statement in statements:
        item_ids.update(
            pk
            for pk in (
                statement.agenda_item_id,
                statement.report_item_id,
                statement.decision.item_id if statement.decision is not None else None,
            )
            if pk
        )
    items = list(
        AgendaItem.objects.filter(pk__in=item_ids)
        .select_related("meeting__minutes", "decision")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("id")),
            Prefetch("meeting__minutes__versions", queryset=MinutesVersion.objects.order_by("number")),
        )
        .order_by("meeting__starts_at", "position")
    )
    record_entries = list(
        RecordEntry.objects.filter(Q(consultation=consultation) | Q(statement__in=statements)).order_by(
            "entry_date", "id"
        )
    )
    targets = [(Consultation, [consultation.pk]), (ConsultationDocument, [d.pk for d in documents])]
    targets += [(Statement, [s.pk for s in statements]), (AgendaItem, [i.pk for i in items])]
    targets += [(RecordEntry, [r.pk for r in record_entries])]
    decisions = [i.decision.pk for i in items if getattr(i, "decision", None) is not None]
    targets.append((Decision, decisions))
    condition = Q()
    for model, pks in targets:
        if pks:
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            condition |= Q(target_type=content_type, target_id__in=[str(pk) for pk in pks])
    audit_entries = list(
        AuditEntry.objects.filter(condition, council_id=consultation.council_id)
        .select_related("target_type")
        .order_by("at", "id")
    )
    return Case(consultation, documents, statements, items, record_entries, audit_entries)


# The council-year (R34)


def meetings_of_year(council: Council, year: int) -> QuerySet[Meeting]:
    """Meetings that began in `year`, with their items (decision and minutes entry) and the minutes' approved
    versions prefetched per chunk."""
    return (
        Meeting.objects.filter(council=council, starts_at__year=year)
        .select_related("minutes", "room")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=AgendaItem.objects.select_related("decision").order_by("position", "id"),
            ),
            Prefetch("minutes__versions", queryset=MinutesVersion.objects.order_by("number")),
        )
        .order_by("starts_at", "id")
    )


def items_of_year(council: Council, year: int) -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(meeting__council=council, meeting__starts_at__year=year)
        .select_related("meeting")
        .order_by("meeting__starts_at", "meeting_id", "position", "id")
    )


def decisions_of_year(council: Council, year: int) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(item__meeting__council=council, item__meeting__starts_at__year=year)
        .select_related("item__meeting")
        .order_by("item__meeting__starts_at", "item__meeting_id", "item__position", "id")
    )


def statements_of_year(council: Council, year: int) -> QuerySet[Statement]:
    """Statements adopted in `year`, and drafts begun in `year` that are not adopted (kept, marked closed)."""
    return (
        Statement.objects.filter(council=council)
        .filter(Q(adopted_on__year=year) | Q(status=Statement.Status.DRAFT, created_at__year=year))
        .select_related("council", "consultation", "recipient")
        .prefetch_related(Prefetch("versions", queryset=StatementVersion.objects.order_by("number")))
        .order_by("id")
    )


def audit_of_year(council: Council, year: int) -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(council_id=council.pk, at__year=year)
        .select_related("target_type")
        .order_by("at", "id")
    )


def record_entries_of_year(council: Council, year: int) -> QuerySet[RecordEntry]:
    return RecordEntry.objects.filter(council=council, entry_date__year=year).order_by("entry_date", "id")


def approved_minutes(meeting: Meeting) -> dict | None:
    """The content of the newest approved version of the meeting's minutes (prefetched), or None."""
    minutes = getattr(meeting, "minutes", None)
    if minutes is None:
        return None
    versions = list(minutes.versions.all())
    return versions[-1].content if versions else None


def consultation_of(council: Council, pk: int) -> Consultation | None:
    return (
        Consultation.objects.select_related("council__municipality", "committee").filter(council=council, pk=pk).first()
    )


def archive_years(council: Council) -> list[int]:
    """The years in which the council met or recorded anything, newest first."""
    years = {d.year for d in Meeting.objects.filter(council=council).dates("starts_at", "year")}
    years |= {d.year for d in AuditEntry.objects.filter(council_id=council.pk).dates("at", "year")}
    return sorted(years, reverse=True)
