"""Workspace reads about consultations and statements: the desk, drafting, written procedures, the screen.

`public_…` functions are the only way anything of this app reaches a person without login: they return
published statements only, and never drafts, earlier versions, comments or written-procedure answers.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import translations
from raad.core.i18n import in_council_language
from raad.core.redaction import Finding
from raad.councils.models import Council
from raad.councils.selectors import rules_in_force
from raad.meetings import selectors as meetings_selectors
from raad.meetings.models import AgendaItem, Decision, Meeting
from raad.meetings.models import MinorityStatement as DecisionMinorityStatement
from raad.membership.models import Membership
from raad.membership.selectors import memberships_in_force, personal_data_before_publishing
from raad.statements import rules
from raad.statements.models import (
    Committee,
    Consultation,
    DraftComment,
    RecordEntry,
    Statement,
    StatementVersion,
    UrgentApproval,
    WrittenAnswer,
    WrittenProcedure,
)

# ----------------------------------------------------------------------------------------------- workspace


@dataclass(frozen=True)
class OpenConsultation:
    consultation: Consultation
    days_left: int
    statement: Statement | None
    # The first meeting with an open agenda held by the deadline, if any: the answer can go there.
    meeting: Meeting | None = None

    @property
    def overdue(self) -> int:
        return max(0, -self.days_left)


# A consultation left unanswered stays on the desk (the statements desk, the council page's panel, the desk's
# tasks), overdue, this many days after its deadline; older ones are history (the journal finds them), so the
# desk does not grow with the years.
OVERDUE_SHOWN_DAYS = 60


def unanswered_consultations(council_ids: list[int], today: datetime.date) -> QuerySet[Consultation]:
    """The councils' consultations without a statement sent or published, deadline at most
    `OVERDUE_SHOWN_DAYS` ago (index consultation_council_deadline)."""
    answered = Statement.objects.filter(
        consultation=OuterRef("pk"), status__in=[Statement.Status.SENT, Statement.Status.PUBLISHED]
    )
    return Consultation.objects.filter(
        council_id__in=council_ids, deadline__gte=today - datetime.timedelta(days=OVERDUE_SHOWN_DAYS)
    ).exclude(Exists(answered))


def open_consultations(council: Council, today: datetime.date | None = None) -> list[OpenConsultation]:
    """`unanswered_consultations` of one council, soonest deadline first, each with the first meeting whose
    agenda is open and that is held by its deadline (3 queries)."""
    today = today or timezone.localdate()
    consultations = (
        unanswered_consultations([council.pk], today)
        .select_related("committee")
        .prefetch_related(
            Prefetch(
                "statements",
                queryset=Statement.objects.select_related("agenda_item__meeting").order_by("-created_at"),
            )
        )
        .order_by("deadline", "id")
    )
    meetings = list(meetings_selectors.open_meetings(council.pk, after=timezone.now()))

    def first_by(deadline: datetime.date) -> Meeting | None:
        return next((m for m in meetings if timezone.localtime(m.starts_at).date() <= deadline), None)

    rows = list(consultations)
    translations.prefetch([*rows, *(c.committee for c in rows)])
    return [
        OpenConsultation(
            c, rules.days_left(c.deadline, today), next(iter(c.statements.all()), None), first_by(c.deadline)
        )
        for c in rows
    ]


def desk_panel(council: Council, user) -> dict | None:
    """The consultations panel on the council's desk (registered in the app's ready()): open consultations
    with their days left, and what waits for this user; None without the right to see drafts."""
    if not user.has_perm("statements.view_drafts", council):
        return None
    today = timezone.localdate()
    return {
        "open": open_consultations(council, today),
        "awaiting": procedures_awaiting(user, council, today),
        "urgent": urgent_awaiting(user, council, today),
    }


def consultations(council: Council) -> QuerySet[Consultation]:
    return Consultation.objects.filter(council=council).select_related("committee").order_by("-received_on", "-id")


def consultation_detail(council: Council, pk: int) -> Consultation:
    return (
        Consultation.objects.filter(council=council)
        .select_related("committee", "council")
        .prefetch_related("documents", "record_entries", "statements")
        .get(pk=pk)
    )


def linkable_statements(council: Council) -> QuerySet[Statement]:
    """The council's statements past the draft, newest first (another app links to them, e.g. an indicator of
    the integration effort)."""
    return (
        Statement.objects.filter(council=council).exclude(status=Statement.Status.DRAFT).order_by("-created_at", "-id")
    )


def statements_in_progress(council: Council) -> QuerySet[Statement]:
    return (
        Statement.objects.filter(council=council)
        .exclude(status=Statement.Status.PUBLISHED)
        .select_related("consultation", "recipient", "rapporteur")
        .order_by("status", "-created_at")
    )


def statement_for_workspace(council: Council, pk: int) -> Statement:
    return (
        Statement.objects.filter(council=council)
        .select_related(
            "consultation",
            "consultation__committee",
            "recipient",
            "purpose",
            "rapporteur",
            "adopted_version",
            "council",
            "council__municipality",
            "agenda_item__meeting",
            "agenda_item__decision",
            "decision__item__meeting",
            "report_item__meeting",
        )
        .prefetch_related(
            Prefetch("versions", queryset=StatementVersion.objects.select_related("author").order_by("number")),
            Prefetch("comments", queryset=DraftComment.objects.select_related("author", "version")),
            "minority_statements",
            "follow_ups",
            "urgent_approvals__approved_by",
            "record_entries",
            Prefetch("written_procedures", queryset=WrittenProcedure.objects.order_by("-opened_on", "-id")),
        )
        .get(pk=pk)
    )


def agenda_label(item: AgendaItem, *, house: bool = False) -> str:
    """'Møde 10.12.2026, pkt. 3'. With house=True in the council's language, for stored references."""
    with in_council_language() if house else contextlib.nullcontext():
        return _("Møde %(date)s, pkt. %(n)s") % {
            "date": f"{timezone.localtime(item.meeting.starts_at):%d.%m.%Y}",
            "n": item.position,
        }


def adoptable_decisions(statement: Statement) -> QuerySet[Decision]:
    """Decisions by which the council may have adopted this statement: items for decision at its meetings
    that the council adopted, not before the consultation arrived, and that are not already the adoption of
    another statement. Newest first."""
    qs = Decision.objects.filter(
        item__meeting__council_id=statement.council_id,
        item__kind=AgendaItem.Kind.DECISION,
        outcome=Decision.Outcome.ADOPTED,
    )
    consultation = statement.consultation
    if consultation is not None:
        qs = qs.filter(item__meeting__starts_at__date__gte=consultation.received_on)
    return (
        qs.filter(Q(statement__isnull=True) | Q(statement=statement))
        .select_related("item__meeting")
        .order_by("-decided_at", "-id")
    )


def minority_statements_of(statement: Statement, *, public: bool = False) -> list:
    """R22: the minority statements attached to the statement, and those recorded with the meeting decision
    that adopted it (word for word, from the meeting). A closed item's are never public."""
    return minority_statements_of_many([statement], public=public)[statement.pk]


def minority_statements_of_many(statements: Iterable[Statement], *, public: bool = False) -> dict[int, list]:
    """`minority_statements_of` for many statements at once, by statement pk (at most two queries for them
    all)."""
    statements = list(statements)
    found: dict[int, list] = {statement.pk: [] for statement in statements}
    by_decision: dict[int, list[int]] = {}
    for statement in statements:
        if statement.decision_id is not None:
            by_decision.setdefault(statement.decision_id, []).append(statement.pk)
    at_meeting = DecisionMinorityStatement.objects.filter(decision_id__in=list(by_decision))
    if public:
        at_meeting = at_meeting.filter(decision__item__is_closed=False)
    for minority in at_meeting.order_by("id"):
        for pk in by_decision[minority.decision_id]:
            found[pk].append(minority)
    prefetch_related_objects(statements, "minority_statements")  # none read again where already prefetched
    for statement in statements:
        found[statement.pk] += statement.minority_statements.all()
    return found


def statement_publication_check(statement: Statement) -> list[Finding]:
    """R32: before the adopted text leaves the house, what in it looks like personal data: the minutes' detector
    (CPR, e-mail, phone, street address, names of people who are not members or substitutes), over the text
    and the minority statements that go with it."""
    texts = [shown_version(statement).text]
    texts += [f"{m.members}\n{m.text}" for m in minority_statements_of(statement)]
    on = statement.adopted_on or timezone.localdate()
    return personal_data_before_publishing("\n".join(texts), council=statement.council, on=on)


def latest_version(statement: Statement) -> StatementVersion | None:
    return StatementVersion.objects.filter(statement=statement).order_by("-number").first()


def shown_version(statement: Statement) -> StatementVersion:
    """The adopted text, or its latest correction."""
    adopted = statement.adopted_version
    if adopted is None:
        raise ValueError("The statement is not adopted.")
    correction = (
        StatementVersion.objects.filter(
            statement=statement, kind=StatementVersion.Kind.CORRECTION, number__gt=adopted.number
        )
        .order_by("-number")
        .first()
    )
    return correction or adopted


def version_pair(statement: Statement, a: int, b: int) -> tuple[StatementVersion, StatementVersion]:
    versions = {v.number: v for v in StatementVersion.objects.filter(statement=statement, number__in=[a, b])}
    return versions[a], versions[b]


def written_procedure_tally(procedure: WrittenProcedure) -> rules.WrittenResult:
    """The result so far (or final) under the rules stored with the procedure."""
    answers = list(procedure.answers.select_related("membership"))
    membership_ids = [a.membership_id for a in answers]
    spans = {m.pk: m for m in Membership.objects.filter(pk__in=membership_ids)}

    def in_office(a: WrittenAnswer) -> bool:
        m = spans[a.membership_id]
        return m.starts_on <= a.answered_on and (m.ends_on is None or m.ends_on >= a.answered_on)

    facts = [
        rules.Answer(
            person_id=spans[a.membership_id].person_id,
            answer=a.answer,
            in_office=in_office(a),
            is_chair=spans[a.membership_id].role == Membership.Role.CHAIR,
        )
        for a in answers
    ]
    in_force = procedure.rules
    return rules.written_procedure_result(
        facts,
        members_in_office=memberships_in_force(procedure.statement.council_id, procedure.opened_on).count(),
        quorum_numerator=in_force.quorum_numerator,
        quorum_denominator=in_force.quorum_denominator,
        tie_rule=in_force.tie_rule,
    )


def open_procedure(statement: Statement) -> WrittenProcedure | None:
    return WrittenProcedure.objects.filter(statement=statement, status=WrittenProcedure.Status.OPEN).first()


def pending_agenda_item(statement: Statement) -> AgendaItem | None:
    """The item already waiting for the council's decision on this statement, if any."""
    item = statement.agenda_item
    if item is None or item.meeting.status not in (Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT):
        return None
    return None if Decision.objects.filter(item=item).exists() else item


def reminder_recipients(council_id: int, on: datetime.date) -> list[str]:
    """Who the statement reminders go to: the members in force with an address, and the council's contact address."""
    addresses = [
        m.person.email for m in memberships_in_force(council_id, on).select_related("person") if m.person.email
    ]
    contact = Council.objects.filter(pk=council_id).values_list("contact_email", flat=True).first()
    if contact:
        addresses.append(contact)
    return addresses


def procedure_answers(procedure: WrittenProcedure) -> QuerySet[WrittenAnswer]:
    return procedure.answers.select_related("membership__person", "given_by").order_by("answered_on", "id")


def membership_of(user, council: Council | int, on: datetime.date | None = None) -> Membership | None:
    """The user's membership in force on the day, if they are a member then."""
    if user is None or not user.is_authenticated:
        return None
    return memberships_in_force(council, on).filter(person__user=user).first()


def procedures_awaiting(user, council: Council, today: datetime.date | None = None) -> list[WrittenProcedure]:
    """Open written procedures this member has not answered yet (for the member's workspace)."""
    membership = membership_of(user, council, today)
    if membership is None:
        return []
    return list(
        WrittenProcedure.objects.filter(statement__council=council, status=WrittenProcedure.Status.OPEN)
        .exclude(answers__membership=membership)
        .select_related("statement")
        .order_by("closes_on")
    )


def urgent_awaiting(user, council: Council, today: datetime.date | None = None) -> list[Statement]:
    """Drafts planned for the urgent procedure that this chair or vice-chair has not approved (R24)."""
    membership = membership_of(user, council, today)
    if membership is None or membership.role not in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR):
        return []
    approved_latest = UrgentApproval.objects.filter(
        statement=OuterRef("pk"), role=membership.role, version__number=OuterRef("latest")
    )
    return list(
        Statement.objects.filter(council=council, status=Statement.Status.DRAFT, planned_route=Statement.Route.URGENT)
        .annotate(
            latest=Subquery(
                StatementVersion.objects.filter(statement=OuterRef("pk")).order_by("-number").values("number")[:1]
            )
        )
        .exclude(latest=None)
        .exclude(Exists(approved_latest))
        .select_related("consultation")
        .order_by("created_at")
    )


def open_procedures(council: Council) -> QuerySet[WrittenProcedure]:
    return WrittenProcedure.objects.filter(
        statement__council=council, status=WrittenProcedure.Status.OPEN
    ).select_related("statement")


def record_entries(council: Council, *, text: str = "") -> QuerySet[RecordEntry]:
    """The council's journal, newest first; with `text`, the entries whose case number, subject or counterpart
    contains it (the journal page's search)."""
    entries = RecordEntry.objects.filter(council=council)
    if text:
        entries = entries.filter(
            Q(case_number__icontains=text) | Q(subject__icontains=text) | Q(counterpart__icontains=text)
        )
    return entries.select_related("consultation", "statement").order_by("-entry_date", "-id")


def committees_for(council: Council) -> QuerySet[Committee]:
    return Committee.objects.filter(municipality_id=council.municipality_id).order_by("name")


# ----------------------------------------------------------------------------------------------- public


@dataclass
class StatementScreen:
    """Everything the drafting screen shows of one statement, read in a fixed number of queries."""

    statement: Statement
    versions: list[StatementVersion]
    comments: list[DraftComment]
    procedure: WrittenProcedure | None
    tally: rules.WrittenResult | None
    closed_procedures: list[WrittenProcedure]
    membership: Membership | None
    answered: bool
    urgent_allowed: bool
    late: bool
    days_left: int | None
    personal_data: list
    pending_decision: Decision | None
    minority_statements: list

    @property
    def latest(self) -> StatementVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def can_answer(self) -> bool:
        return self.procedure is not None and self.membership is not None and not self.answered

    @property
    def is_chair_or_vice(self) -> bool:
        return self.membership is not None and self.membership.role in ("chair", "vice_chair")


def statement_screen(statement: Statement, user, today: datetime.date | None = None) -> StatementScreen:
    today = today or timezone.localdate()
    council = statement.council
    procedures = list(statement.written_procedures.all())
    procedure = next((p for p in procedures if p.status == "open"), None)
    membership = membership_of(user, council, today)
    answered = (
        procedure is not None
        and membership is not None
        and procedure.answers.filter(membership__person_id=membership.person_id).exists()
    )
    deadline = statement.consultation.deadline if statement.consultation is not None else None
    return StatementScreen(
        statement=statement,
        versions=list(statement.versions.all()),
        comments=list(statement.comments.all()),
        procedure=procedure,
        tally=written_procedure_tally(procedure) if procedure else None,
        closed_procedures=[p for p in procedures if p.status == "closed"],
        membership=membership,
        answered=answered,
        urgent_allowed=rules_in_force(council, today).urgent_procedure_allowed,
        late=rules.is_late(deadline, today) and statement.sent_at is None,
        days_left=rules.days_left(deadline, today) if deadline else None,
        # R32: before the text leaves the house, point out what looks like personal data.
        personal_data=statement_publication_check(statement)
        if statement.is_adopted and statement.status != Statement.Status.PUBLISHED
        else [],
        # The meeting has decided the item the statement was put on: offer to register that decision.
        pending_decision=getattr(statement.agenda_item, "decision", None)
        if statement.agenda_item_id is not None and not statement.is_adopted
        else None,
        minority_statements=minority_statements_of(statement),
    )
