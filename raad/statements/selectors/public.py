"""Public reads about statements: the archive, a statement, its letter and documents, and the open-data lists.

`public_…` functions are the only way anything of this app reaches a person without login: they return
published statements only, and never drafts, earlier versions, comments or written-procedure answers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from raad.core import translations
from raad.councils.models import Council, Purpose
from raad.meetings.models import AgendaItem
from raad.statements.models import (
    Committee,
    Consultation,
    ConsultationDocument,
    FollowUp,
    Statement,
    StatementVersion,
)
from raad.statements.selectors.workspace import minority_statements_of_many

# ----------------------------------------------------------------------------------------------- workspace


def _published(council: Council) -> QuerySet[Statement]:
    return Statement.objects.filter(council=council, status=Statement.Status.PUBLISHED, published_at__isnull=False)


@dataclass(frozen=True)
class ArchiveFilters:
    year: int | None = None
    committee: int | None = None
    purpose: int | None = None
    kind: str | None = None


def public_statements(council: Council, filters: ArchiveFilters | None = None) -> QuerySet[Statement]:
    """The public archive: published statements only, newest first."""
    filters = filters or ArchiveFilters()
    qs = _published(council).select_related("consultation", "consultation__committee", "recipient", "purpose")
    if filters.year:
        qs = qs.filter(adopted_on__year=filters.year)
    if filters.committee:
        qs = qs.filter(Q(recipient_id=filters.committee) | Q(consultation__committee_id=filters.committee))
    if filters.purpose:
        qs = qs.filter(purpose_id=filters.purpose)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return qs.order_by("-adopted_on", "-id")


def with_translations(statements: Iterable[Statement]) -> list[Statement]:
    """`statements` (with their consultation, recipient and purpose selected) as a list, with the translations
    of them all into the page's language: one query for a page of the archive, none on a Danish page."""
    statements = list(statements)
    translations.prefetch(
        [
            *statements,
            *(s.recipient for s in statements),
            *(s.purpose for s in statements),
            *(s.consultation for s in statements),
            *(s.consultation.committee for s in statements if s.consultation is not None),
        ]
    )
    return statements


def public_statements_latest(council: Council, *, limit: int = 30) -> list[Statement]:
    """The latest published statements, newest publication first, with translations (the public feeds)."""
    qs = _published(council).select_related("consultation", "consultation__committee", "recipient", "purpose")
    return with_translations(qs.order_by("-published_at", "-id")[:limit])


def public_archive_facets(council: Council) -> dict:
    """The values a reader can filter by: only those that occur in published statements. The database returns
    each distinct value once (years, committees), not a row per statement."""
    published = _published(council).order_by()
    years = [d.year for d in published.dates("adopted_on", "year", order="DESC")]
    committee_ids = set(published.values_list("recipient_id", flat=True).distinct()) | set(
        published.exclude(consultation=None).values_list("consultation__committee_id", flat=True).distinct()
    )
    committees = list(Committee.objects.filter(pk__in=committee_ids).order_by("name"))
    purposes = list(Purpose.objects.filter(terms_of_reference__council=council).order_by("number"))
    translations.prefetch([*committees, *purposes])
    return {"years": years, "committees": committees, "purposes": purposes, "kinds": Statement.Kind.choices}


@dataclass(frozen=True)
class PublicStatement:
    """Everything about one published statement that anyone may read. No draft, no comment, no answer."""

    statement: Statement
    text: str  # the Danish text as adopted (or corrected): the record
    version: StatementVersion  # the version shown: its easy-read version or translation is read with `loc`
    version_number: int
    corrections: list[StatementVersion]
    consultation: Consultation | None
    documents: list[ConsultationDocument]
    minority_statements: list
    follow_ups: list[FollowUp]
    meeting_item: AgendaItem | None


def public_statement(council: Council, pk: int) -> PublicStatement:
    """A published statement with its adopted text (or the latest correction of it). Raises DoesNotExist."""
    found = public_statements_shown(council, [pk])
    if not found:
        raise Statement.DoesNotExist
    return found[0]


def public_statements_shown(council: Council, pks: Iterable[int]) -> list[PublicStatement]:
    """`public_statement` of many statements at once, in the order of `pks` (the published ones only; a
    constant number of queries for them all: the search index reads every statement)."""
    pks = list(pks)
    # a published statement is always adopted (database constraint): adopted_version is never missing
    found = (
        _published(council)
        .filter(pk__in=pks, adopted_version__isnull=False)
        .select_related(
            "consultation",
            "consultation__committee",
            "recipient",
            "purpose",
            "adopted_version",
            "council",
            "decision__item__meeting",
        )
        .prefetch_related("consultation__documents", "follow_ups")
        .in_bulk()
    )
    statements = [found[pk] for pk in pks if pk in found]
    adopted = {statement.pk: statement.adopted_version for statement in statements if statement.adopted_version}
    corrections: dict[int, list[StatementVersion]] = {pk: [] for pk in adopted}
    for version in StatementVersion.objects.filter(
        statement__in=statements, kind=StatementVersion.Kind.CORRECTION
    ).order_by("statement_id", "number"):
        if version.number > adopted[version.statement_id].number:
            corrections[version.statement_id].append(version)
    shown = {pk: versions[-1] if versions else adopted[pk] for pk, versions in corrections.items()}
    minority = minority_statements_of_many(statements, public=True)
    with_translations(statements)
    translations.prefetch([*(f for s in statements for f in s.follow_ups.all()), *shown.values()])
    return [
        PublicStatement(
            statement=statement,
            text=shown[statement.pk].text,
            version=shown[statement.pk],
            version_number=shown[statement.pk].number,
            corrections=corrections[statement.pk],
            consultation=statement.consultation,
            documents=list(statement.consultation.documents.all()) if statement.consultation is not None else [],
            minority_statements=minority[statement.pk],
            follow_ups=list(statement.follow_ups.all()),
            meeting_item=public_meeting_item(statement),
        )
        for statement in statements
    ]


def public_meeting_item(statement: Statement) -> AgendaItem | None:
    """The open agenda item whose decision adopted the statement; the public may follow it to the meeting."""
    decision = statement.decision if statement.decision_id else None
    if decision is None or decision.item.is_closed:
        return None
    return decision.item


def public_document(council: Council, pk: int) -> ConsultationDocument:
    """A consultation document is public once a published statement answers its consultation."""
    published = _published(council).filter(consultation=OuterRef("consultation"))
    return ConsultationDocument.objects.filter(consultation__council=council).filter(Exists(published)).get(pk=pk)


def public_consultations(
    council: Council, *, year: int | None = None, committee: int | None = None
) -> QuerySet[Consultation]:
    """The council's public consultations: those a published statement answers (as `public_document`), by id,
    each with its requesting committee and `public_answers`, the published statements that answer it (oldest
    first). Filters: the year it was received, the requesting committee."""
    published = _published(council)
    qs = (
        Consultation.objects.filter(council=council)
        .filter(Exists(published.filter(consultation=OuterRef("pk"))))
        .select_related("committee")
        .prefetch_related(
            Prefetch("statements", queryset=published.order_by("published_at", "pk"), to_attr="public_answers")
        )
    )
    if year is not None:
        qs = qs.filter(received_on__year=year)
    if committee is not None:
        qs = qs.filter(committee_id=committee)
    return qs.order_by("pk")


def public_consultation(council: Council, pk: int) -> Consultation:
    """One public consultation (as `public_consultations`) with its documents. Raises DoesNotExist."""
    return public_consultations(council).prefetch_related("documents").get(pk=pk)


@dataclass(frozen=True)
class ConsultationAnswer:
    """How a public consultation was answered: by which published statement, on which day, and whether
    after the deadline."""

    statement: Statement
    answered_on: datetime.date
    late: bool


def public_consultation_answer(consultation: Consultation) -> ConsultationAnswer | None:
    """The first published answer of a consultation read by `public_consultations` (no query): answered on
    the day it was sent, or adopted if it was published without being sent."""
    answers = getattr(consultation, "public_answers", [])
    if not answers:
        return None
    first = answers[0]
    answered_on = timezone.localdate(first.sent_at) if first.sent_at else first.adopted_on
    return ConsultationAnswer(statement=first, answered_on=answered_on, late=answered_on > consultation.deadline)


def public_letter(council: Council, pk: int) -> Statement:
    """The sent letter (PDF) of a published statement."""
    return _published(council).exclude(letter="").get(pk=pk)


# ----------------------------------------------------------------------------------------------- screens


# ------------------------------------------------------------------------ open data (OParl papers and files)


def _published_in(municipality_id: int | None) -> QuerySet[Statement]:
    qs = Statement.objects.filter(status=Statement.Status.PUBLISHED, published_at__isnull=False)
    return qs if municipality_id is None else qs.filter(council__municipality_id=municipality_id)


def public_statements_in(municipality_id: int | None = None) -> QuerySet[Statement]:
    """Every published statement of the municipality's councils (as `public_statements`), oldest first, with
    what its paper shows: the consultation's documents (public once a published statement answers it) and the
    adopting decision's item (`public_meeting_item` reads it without a query)."""
    return (
        _published_in(municipality_id)
        .select_related("council", "consultation", "recipient", "decision__item__meeting")
        .prefetch_related(Prefetch("consultation__documents", queryset=ConsultationDocument.objects.order_by("pk")))
        .order_by("pk")
    )


def public_letters_in(municipality_id: int | None = None) -> QuerySet[Statement]:
    """The published statements that have a sent letter (PDF)."""
    return _published_in(municipality_id).exclude(letter="").select_related("council").order_by("pk")


def public_documents_in(municipality_id: int | None = None) -> QuerySet[ConsultationDocument]:
    """Consultation documents that are public (as `public_document`): a published statement answers them."""
    published = _published_in(None).filter(consultation=OuterRef("consultation"))
    qs = ConsultationDocument.objects.filter(Exists(published)).select_related("consultation__council")
    qs = qs.order_by("pk")
    return qs if municipality_id is None else qs.filter(consultation__council__municipality_id=municipality_id)


def public_committees_in(municipality_id: int | None = None) -> QuerySet[Committee]:
    """The municipality's committees that occur in published statements (as recipient or as the committee
    that consulted the council), as in `public_archive_facets`."""
    published = _published_in(None)
    occurs = Q(pk__in=published.values("recipient_id")) | Q(
        pk__in=published.exclude(consultation=None).values("consultation__committee_id")
    )
    qs = Committee.objects.filter(occurs).order_by("pk")
    return qs if municipality_id is None else qs.filter(municipality_id=municipality_id)


def public_statements_published_since(council_ids: list[int], since: datetime.datetime) -> list[Statement]:
    """Statements of these councils published at or after `since` (and still published): subscribers' news."""
    return list(
        Statement.objects.filter(
            council_id__in=council_ids,
            status=Statement.Status.PUBLISHED,
            published_at__isnull=False,
            published_at__gte=since,
        )
        .select_related("council")
        .order_by("published_at", "id")
    )


@dataclass(frozen=True)
class YearStatements:
    """The year's published statements (adopted in the year), for the annual report: counts only."""

    responses: int  # consultations answered (høringssvar)
    own_initiative: int  # statements and comments of the council's own accord
    with_follow_up: int  # with at least one "Hvad skete der så?" registered
    follow_ups: int
    per_purpose: dict[int, int]  # purpose id -> published statements serving it


def public_statements_for_year(council: Council, year: int) -> YearStatements:
    """Counts of the published statements adopted in the year (2 queries). Drafts, adopted-not-published and
    sent-not-published statements never count: the report is public."""
    published = Statement.objects.filter(council=council, status=Statement.Status.PUBLISHED, adopted_on__year=year)
    sums = published.aggregate(
        responses=Count("id", filter=Q(kind=Statement.Kind.RESPONSE), distinct=True),
        own=Count("id", filter=~Q(kind=Statement.Kind.RESPONSE), distinct=True),
        followed=Count("id", filter=Q(follow_ups__isnull=False), distinct=True),
        follow_ups=Count("follow_ups", distinct=True),
    )
    per_purpose = dict(
        published.filter(purpose__isnull=False)
        .values_list("purpose_id")
        .annotate(n=Count("id"))
        .values_list("purpose_id", "n")
    )
    return YearStatements(
        responses=sums["responses"],
        own_initiative=sums["own"],
        with_follow_up=sums["followed"],
        follow_ups=sums["follow_ups"],
        per_purpose=per_purpose,
    )


def public_statements_everywhere() -> QuerySet[Statement]:
    """Every council's published statements (as `public_statements`) in one query, oldest record first: the
    sitemap pages through it."""
    return _published_in(None).select_related("council").order_by("pk")
