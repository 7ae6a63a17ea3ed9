"""Every write about consultations and statements. Each transition checks its rules and refuses with a
RuleViolation before anything is written (a refused transition leaves the database unchanged)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from raad.core import audit, documents
from raad.core.errors import RuleViolation
from raad.core.i18n import in_council_language
from raad.core.minority import minority_statement_cleaned
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.models import Council, Municipality, Purpose
from raad.councils.rules import Violation, reference
from raad.councils.selectors import rules_in_force
from raad.meetings import selectors as meetings_selectors
from raad.meetings import services as meetings_services
from raad.meetings.models import AgendaItem, Decision, Meeting
from raad.membership.models import Membership
from raad.membership.selectors import memberships_in_force
from raad.statements import letters, notify, rules, selectors
from raad.statements.models import (
    Committee,
    Consultation,
    ConsultationDocument,
    DraftComment,
    FollowUp,
    JournalEntry,
    MinorityStatement,
    ReminderSent,
    Statement,
    StatementVersion,
    UrgentApproval,
    WrittenAnswer,
    WrittenProcedure,
)

CONSULTATION_FIELDS = ("subject", "committee", "received_on", "deadline", "case_number", "link", "reply_to")


def _house_language():
    """Texts that are stored (journal, decision references) or mailed are in the council's language
    (settings.LANGUAGE_CODE), whatever language the person who triggered them reads the site in."""
    return in_council_language()


def _da(message: str) -> str:
    with _house_language():
        return translation.gettext(message)


def _kind_in_house_language(statement: Statement) -> str:
    with _house_language():
        return str(Statement.Kind(statement.kind).label)


def _today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def _lock(statement: Statement) -> Statement:
    """Re-read the statement under a row lock so two people cannot move it at once."""
    return (
        Statement.objects.select_for_update(of=("self",)).select_related("council", "consultation").get(pk=statement.pk)
    )


# ------------------------------------------------------------------------------------------ committees


@transaction.atomic
def committee_create(
    *, municipality: Municipality, name: str, name_en: str = "", email: str = "", by: User | None
) -> Committee:
    committee = Committee.objects.create(municipality=municipality, name=name, name_en=name_en, email=email)
    audit.record(
        actor=by, verb="committee.created", target=committee, changes={"name": {"before": None, "after": name}}
    )
    return committee


# ------------------------------------------------------------------------------------------ consultations


@transaction.atomic
def consultation_register(
    *,
    council: Council,
    subject: str,
    committee: Committee,
    received_on: datetime.date,
    deadline: datetime.date,
    case_number: str,
    summary: str = "",
    subject_en: str = "",
    summary_en: str = "",
    link: str = "",
    reply_to: str = "",
    journal_date: datetime.date | None = None,
    by: User | None,
) -> Consultation:
    """Register an incoming høring and journalise it with date and subject (R29)."""
    violations = []
    if deadline < received_on:
        violations.append(Violation("deadline", _("Høringsfristen kan ikke ligge før modtagelsesdatoen.")))
    if not case_number.strip():
        violations.append(Violation("case_number", _("En høring skal have et sagsnummer (offentlighedsloven § 15).")))
    if committee.municipality_id != council.municipality_id:
        violations.append(Violation("committee", _("Afsenderen hører til en anden kommune.")))
    if violations:
        raise RuleViolation(violations)
    consultation = Consultation.objects.create(
        council=council,
        subject=mask_cpr(subject),
        subject_en=mask_cpr(subject_en),
        summary=mask_cpr(summary),
        summary_en=mask_cpr(summary_en),
        committee=committee,
        received_on=received_on,
        deadline=deadline,
        case_number=case_number.strip(),
        link=link,
        reply_to=reply_to,
    )
    entry = JournalEntry.objects.create(
        council=council,
        case_number=consultation.case_number,
        entry_date=journal_date or received_on,
        direction=JournalEntry.Direction.INCOMING,
        subject=_da(gettext_noop("Høring: %(subject)s")) % {"subject": consultation.subject},
        consultation=consultation,
        counterpart=committee.name,
    )
    audit.record(
        actor=by,
        verb="consultation.registered",
        target=consultation,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(consultation, CONSULTATION_FIELDS))
        | {"journal": {"before": None, "after": str(entry)}},
    )
    return consultation


@transaction.atomic
def consultation_register_with_document(
    *,
    council: Council,
    committee: Committee | None,
    new_committee: str = "",
    new_committee_email: str = "",
    document: dict[str, Any] | None = None,
    by: User | None,
    **fields: Any,
) -> Consultation:
    """The register form in one step: a new sender if needed, the consultation, and its first document.
    All or nothing: a refused document leaves no consultation behind."""
    if committee is None:
        committee = Committee.objects.filter(
            municipality_id=council.municipality_id, name=new_committee.strip()
        ).first()
        if committee is None:
            committee = committee_create(
                municipality=council.municipality, name=new_committee.strip(), email=new_committee_email, by=by
            )
    consultation = consultation_register(council=council, committee=committee, by=by, **fields)
    if document is not None:
        consultation_document_add(consultation=consultation, by=by, **document)
    return consultation


# What the municipality sends in a høring (checked by content).
CONSULTATION_DOCUMENT_TYPES = (
    documents.PDF,
    documents.DOCX,
    documents.ODT,
    documents.XLSX,
    documents.PNG,
    documents.JPEG,
)


@transaction.atomic
def consultation_document_add(
    *, consultation: Consultation, title: str, filename: str, data: bytes, by: User | None
) -> ConsultationDocument:
    """Attach a consultation document after checking its type by content and its size."""
    content_type, extension = documents.check_upload(data, accepted=CONSULTATION_DOCUMENT_TYPES)
    stem = "".join(ch for ch in filename.rsplit(".", 1)[0] if ch.isalnum() or ch in "-_")[:60] or "dokument"
    document = ConsultationDocument(
        consultation=consultation, title=title.strip() or stem, content_type=content_type, size=len(data)
    )
    document.file.save(f"{stem}.{extension}", ContentFile(data), save=False)
    document.save()
    audit.record(
        actor=by,
        verb="consultation.document_added",
        target=document,
        council_id=consultation.council_id,
        changes={"title": {"before": None, "after": document.title}, "size": {"before": None, "after": len(data)}},
    )
    return document


# ------------------------------------------------------------------------------------------ drafting


@transaction.atomic
def statement_create(
    *,
    council: Council,
    kind: str,
    title: str,
    recipient: Committee | None = None,
    consultation: Consultation | None = None,
    purpose: Purpose | None = None,
    rapporteur: User | None = None,
    case_number: str = "",
    title_en: str = "",
    text: str = "",
    by: User | None,
) -> Statement:
    """Start a draft: a høringssvar to a consultation, or an own-initiative udtalelse or kommentar."""
    violations = []
    if kind == Statement.Kind.RESPONSE and consultation is None:
        violations.append(Violation("consultation", _("Et høringssvar skal besvare en høring.")))
    if consultation is not None and consultation.council_id != council.pk:
        violations.append(Violation("consultation", _("Høringen hører til et andet råd.")))
    if recipient is None and consultation is None:
        violations.append(Violation("recipient", _("Vælg hvem udtalelsen skal sendes til.")))
    if purpose is not None and purpose.terms_of_reference.council_id != council.pk:
        violations.append(Violation("purpose", _("Formålet hører til et andet råd.")))
    recipient = recipient or (consultation.committee if consultation is not None else None)
    if violations or recipient is None:
        raise RuleViolation(violations)
    statement = Statement.objects.create(
        council=council,
        kind=kind,
        consultation=consultation,
        title=mask_cpr(title),
        title_en=mask_cpr(title_en),
        recipient=recipient,
        purpose=purpose,
        rapporteur=rapporteur,
        case_number=case_number or (consultation.case_number if consultation else ""),
    )
    audit.record(
        actor=by,
        verb="statement.created",
        target=statement,
        council_id=council.pk,
        changes={"kind": {"before": None, "after": kind}, "title": {"before": None, "after": statement.title}},
    )
    if text.strip():
        statement_version_save(statement=statement, text=text, by=by)
    return statement


@transaction.atomic
def statement_version_save(*, statement: Statement, text: str, note: str = "", by: User | None) -> StatementVersion:
    """Keep a new version of a draft. After adoption the text is frozen: use `statement_correct`."""
    statement = _lock(statement)
    if statement.status != Statement.Status.DRAFT:
        raise RuleViolation(
            [Violation("text", _("Udtalelsen er vedtaget og kan ikke ændres. En rettelse gemmes som en ny version."))]
        )
    if not text.strip():
        raise RuleViolation([Violation("text", _("Teksten er tom."))])
    return _new_version(statement=statement, text=text, note=note, kind=StatementVersion.Kind.DRAFT, by=by)


def _new_version(*, statement: Statement, text: str, note: str, kind: str, by: User | None) -> StatementVersion:
    last = (
        StatementVersion.objects.filter(statement=statement)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    version = StatementVersion.objects.create(
        statement=statement,
        number=(last or 0) + 1,
        kind=kind,
        text=mask_cpr(text.replace("\r\n", "\n")),
        note=mask_cpr(note),
        author=by if by is not None and by.pk else None,
    )
    audit.record(
        actor=by,
        verb="statement.version_saved",
        target=statement,
        council_id=statement.council_id,
        changes={"version": {"before": last, "after": version.number}, "kind": {"before": None, "after": kind}},
    )
    return version


@transaction.atomic
def draft_comment_add(*, statement: Statement, text: str, proposed_text: str = "", by: User) -> DraftComment:
    """An internal comment or proposed change on the latest version of a draft."""
    statement = _lock(statement)
    if statement.status != Statement.Status.DRAFT:
        raise RuleViolation(
            [Violation("text", _("Udtalelsen er vedtaget; der kan ikke længere kommenteres på udkastet."))]
        )
    version = StatementVersion.objects.filter(statement=statement).order_by("-number").first()
    if version is None:
        raise RuleViolation([Violation("text", _("Der er endnu intet udkast at kommentere."))])
    if not text.strip() and not proposed_text.strip():
        raise RuleViolation([Violation("text", _("Skriv en kommentar eller et forslag."))])
    comment = DraftComment.objects.create(
        statement=statement, version=version, author=by, text=mask_cpr(text), proposed_text=mask_cpr(proposed_text)
    )
    audit.record(
        actor=by,
        verb="statement.commented",
        target=statement,
        council_id=statement.council_id,
        changes={"version": {"before": None, "after": version.number}},
    )
    return comment


# ------------------------------------------------------------------------------------------ the three routes


def _require_draft_with_text(statement: Statement) -> StatementVersion:
    if statement.status != Statement.Status.DRAFT:
        raise RuleViolation([_("Udtalelsen er allerede vedtaget.")])
    version = StatementVersion.objects.filter(statement=statement).order_by("-number").first()
    if version is None:
        raise RuleViolation([_("Der er intet udkast at vedtage.")])
    return version


def _adopt(
    *,
    statement: Statement,
    route: str,
    version: StatementVersion,
    on: datetime.date,
    reference_text: str,
    by: User | None,
) -> Statement:
    before = audit.snapshot(statement, ("status", "adoption_route", "adopted_on"))
    statement.status = Statement.Status.ADOPTED
    statement.adoption_route = route
    statement.adopted_on = on
    statement.adopted_version = version
    statement.decision_reference = reference_text
    statement.save(
        update_fields=[
            "status",
            "adoption_route",
            "adopted_on",
            "adopted_version",
            "decision_reference",
            "decision",
            "agenda_item",
            "updated_at",
        ]
    )
    changes = audit.diff(before, audit.snapshot(statement, ("status", "adoption_route", "adopted_on")))
    changes["version"] = {"before": None, "after": version.number}
    audit.record(actor=by, verb="statement.adopted", target=statement, council_id=statement.council_id, changes=changes)
    return statement


def _agenda_item_add(*, statement: Statement, report: bool, by: User | None) -> AgendaItem | None:
    """Put the statement on the agenda of the council's next meeting whose agenda is still open: for decision
    (a consultation response only at a meeting held by the deadline), or, after an urgent adoption, to
    report it (R24). Returns the item, or None when no meeting fits. The item never carries the draft's
    text: the agenda is public, drafts are not (R28)."""
    consultation = statement.consultation
    meeting = meetings_selectors.next_open_meeting(
        statement.council_id,
        after=timezone.now(),
        latest_day=consultation.deadline if consultation is not None and not report else None,
    )
    if meeting is None:
        return None
    with _house_language():
        if report:
            kind = AgendaItem.Kind.INFORMATION
            title = _("Orientering om hastebesvarelse: %(title)s") % {"title": statement.title}
            text = _(
                "Forpersonen og næstforpersonen har afgivet udtalelsen på rådets vegne efter reglen om hastesager. "
                "Den forelægges rådet til orientering."
            )
            proposal = _("Rådet tager orienteringen til efterretning.")
        else:
            kind = AgendaItem.Kind.DECISION
            title = statement.title
            text = _("Udkast til %(kind)s. Udkastet findes i rådets arbejdsrum under høringssvar og udtalelser.") % {
                "kind": str(Statement.Kind(statement.kind).label).lower()
            }
            proposal = _("Rådet vedtager udtalelsen.")
    return meetings_services.item_add(
        meeting=meeting,
        kind=kind,
        title=title,
        case_presentation=f"<p>{text}</p>",
        proposed_decision=proposal,
        purposes=[statement.purpose] if statement.purpose is not None else [],
        by=by,
    )


def _pending_agenda_item(statement: Statement) -> AgendaItem | None:
    """The item already waiting for the council's decision on this statement, if any."""
    item = statement.agenda_item
    if item is None or item.meeting.status not in (Meeting.Status.PLANNED, Meeting.Status.NOTICE_SENT):
        return None
    return None if Decision.objects.filter(item=item).exists() else item


@transaction.atomic
def statement_plan_route(*, statement: Statement, route: str, by: User) -> AgendaItem | None:
    """Record the route the secretariat chose. For a meeting, put the statement on the agenda of the next
    meeting before the deadline (once: choosing again keeps the item already waiting). Returns that item."""
    statement = _lock(statement)
    if statement.status != Statement.Status.DRAFT:
        raise RuleViolation([_("Udtalelsen er allerede vedtaget.")])
    if route not in Statement.Route.values:
        raise RuleViolation([_("Ukendt vej til vedtagelse.")])
    if route == Statement.Route.URGENT:
        _check_urgent_allowed(statement, timezone.localdate())
    before = statement.planned_route
    statement.planned_route = route
    statement.save(update_fields=["planned_route", "updated_at"])
    audit.record(
        actor=by,
        verb="statement.route_planned",
        target=statement,
        council_id=statement.council_id,
        changes={"planned_route": {"before": before, "after": route}},
    )
    if route != Statement.Route.MEETING:
        return None
    item = _pending_agenda_item(statement)
    if item is not None:
        return item
    return _place_on_agenda(statement=statement, report=False, by=by)


@transaction.atomic
def statement_adopt_at_meeting(*, statement: Statement, decision: Decision, by: User | None) -> Statement:
    """Route 1: the council adopted the statement by a decision recorded at one of its meetings. The
    statement is linked to that decision; its latest version is the adopted text."""
    statement = _lock(statement)
    version = _require_draft_with_text(statement)
    decision = Decision.objects.select_related("item__meeting").get(pk=decision.pk)
    item = decision.item
    if item.meeting.council_id != statement.council_id:
        raise RuleViolation([Violation("decision", _("Beslutningen er truffet af et andet råd."))])
    if item.kind != AgendaItem.Kind.DECISION or decision.outcome != Decision.Outcome.ADOPTED:
        raise RuleViolation(
            [
                Violation(
                    "decision",
                    _("Rådet vedtog ikke indstillingen under %(item)s, så udtalelsen er ikke vedtaget (%(ref)s).")
                    % {"item": selectors.agenda_label(item), "ref": reference("tie_rule")},
                )
            ]
        )
    decided_on = timezone.localdate(decision.decided_at)
    consultation = statement.consultation
    if consultation is not None and decided_on < consultation.received_on:
        raise RuleViolation(
            [
                Violation(
                    "decision",
                    _("Beslutningen er truffet %(decided)s, før høringen kom %(received)s.")
                    % {
                        "decided": decided_on.strftime("%d.%m.%Y"),
                        "received": consultation.received_on.strftime("%d.%m.%Y"),
                    },
                )
            ]
        )
    other = Statement.objects.filter(decision=decision).exclude(pk=statement.pk).first()
    if other is not None:
        raise RuleViolation(
            [
                Violation(
                    "decision",
                    _("Beslutningen er allerede registreret som vedtagelsen af »%(title)s«.") % {"title": other.title},
                )
            ]
        )
    statement.decision = decision
    statement.agenda_item = item
    return _adopt(
        statement=statement,
        route=Statement.Route.MEETING,
        version=version,
        on=decided_on,
        reference_text=selectors.agenda_label(item, house=True),
        by=by,
    )


@transaction.atomic
def written_procedure_open(
    *, statement: Statement, by: User | None, on: datetime.date | None = None
) -> WrittenProcedure:
    """Route 2: send the latest version to the members, who answer within the rules' number of days."""
    today = _today(on)
    statement = _lock(statement)
    version = _require_draft_with_text(statement)
    if WrittenProcedure.objects.filter(statement=statement, status=WrittenProcedure.Status.OPEN).exists():
        raise RuleViolation([_("Der er allerede en åben skriftlig procedure om udtalelsen.")])
    in_force = rules_in_force(statement.council_id, today)
    procedure = WrittenProcedure.objects.create(
        statement=statement,
        version=version,
        rules=in_force,
        opened_on=today,
        closes_on=rules.written_procedure_closes_on(today, in_force.written_procedure_days),
    )
    if statement.planned_route != Statement.Route.WRITTEN:
        statement.planned_route = Statement.Route.WRITTEN
        statement.save(update_fields=["planned_route", "updated_at"])
    audit.record(
        actor=by,
        verb="written_procedure.opened",
        target=procedure,
        council_id=statement.council_id,
        changes={
            "version": {"before": None, "after": version.number},
            "closes_on": {"before": None, "after": procedure.closes_on},
        },
    )
    recipients = [m.person.email for m in memberships_in_force(statement.council_id, today) if m.person.email]
    subject = _da(gettext_noop("Skriftlig procedure: %(title)s")) % {"title": statement.title}
    body = _da(
        gettext_noop(
            "Rådet behandler et udkast ved skriftlig procedure. Svar enig, uenig eller med en bemærkning "
            "i arbejdsrummet senest %(date)s."
        )
    ) % {"date": procedure.closes_on.strftime("%d.%m.%Y")}
    body += "\n\n" + _da(gettext_noop("Udkastet (version %(n)s):")) % {"n": version.number} + "\n\n" + version.text
    notify.send_plain(
        key=f"written-opened:{procedure.pk}",
        council=statement.council_id,
        recipients=recipients,
        subject=subject,
        body=body,
    )
    return procedure


@transaction.atomic
def written_answer_give(
    *,
    procedure: WrittenProcedure,
    user: User,
    answer: str,
    comment: str = "",
    membership: Membership | None = None,
    on: datetime.date | None = None,
) -> WrittenAnswer:
    """A member in office today answers once: agree, disagree or comment.

    Normally `user` is the member. The secretariat may register an answer a member sent by e-mail: then
    `membership` is that member's and `user` the secretary who registered it (kept as `given_by`)."""
    today = _today(on)
    procedure = (
        WrittenProcedure.objects.select_for_update(of=("self",)).select_related("statement").get(pk=procedure.pk)
    )
    violations: list[Any] = []
    if procedure.status != WrittenProcedure.Status.OPEN:
        violations.append(_("Den skriftlige procedure er afsluttet."))
    elif today > procedure.closes_on:
        violations.append(
            _("Svarfristen var %(date)s (%(ref)s).")
            % {"date": procedure.closes_on.strftime("%d.%m.%Y"), "ref": reference("written_procedure_days")}
        )
    in_office = memberships_in_force(procedure.statement.council_id, today)
    if membership is not None:
        membership = in_office.filter(pk=membership.pk).first()
    else:
        membership = in_office.filter(person__user=user).first()
    if membership is None:
        violations.append(_("Kun medlemmer af rådet på dagen kan svare i en skriftlig procedure."))
    elif WrittenAnswer.objects.filter(procedure=procedure, membership__person_id=membership.person_id).exists():
        violations.append(_("Du har allerede svaret. Hvert medlem svarer én gang."))
    if answer not in WrittenAnswer.Answer.values:
        violations.append(Violation("answer", _("Vælg enig, uenig eller bemærkning.")))
    elif answer == WrittenAnswer.Answer.COMMENT and not comment.strip():
        violations.append(Violation("comment", _("Skriv din bemærkning.")))
    if violations:
        raise RuleViolation(violations)
    assert membership is not None  # noqa: S101  (a violation above otherwise)
    written = WrittenAnswer.objects.create(
        procedure=procedure,
        membership=membership,
        answer=answer,
        comment=mask_cpr(comment),
        answered_on=today,
        given_by=user,
    )
    audit.record(
        actor=user, verb="written_procedure.answered", target=procedure, council_id=procedure.statement.council_id
    )
    return written


@transaction.atomic
def written_procedure_close(
    *, procedure: WrittenProcedure, by: User | None, on: datetime.date | None = None
) -> WrittenProcedure:
    """Close after the answer deadline (or earlier when every member has answered) and apply the result."""
    today = _today(on)
    procedure = (
        WrittenProcedure.objects.select_for_update(of=("self",))
        .select_related("statement", "rules")
        .get(pk=procedure.pk)
    )
    if procedure.status != WrittenProcedure.Status.OPEN:
        raise RuleViolation([_("Den skriftlige procedure er allerede afsluttet.")])
    members = memberships_in_force(procedure.statement.council_id, procedure.opened_on).count()
    if today <= procedure.closes_on and procedure.answers.count() < members:
        raise RuleViolation(
            [
                _("Svarfristen løber til og med %(date)s, og ikke alle medlemmer har svaret (%(ref)s).")
                % {"date": procedure.closes_on.strftime("%d.%m.%Y"), "ref": reference("written_procedure_days")}
            ]
        )
    result = selectors.written_procedure_tally(procedure)
    procedure.status = WrittenProcedure.Status.CLOSED
    procedure.closed_on = today
    procedure.tally = result.as_dict()
    if result.adopted:
        procedure.result = WrittenProcedure.Result.ADOPTED
    elif not result.quorate:
        procedure.result = WrittenProcedure.Result.NOT_QUORATE
    else:
        procedure.result = WrittenProcedure.Result.REJECTED
    procedure.save(update_fields=["status", "closed_on", "tally", "result", "updated_at"])
    audit.record(
        actor=by,
        verb="written_procedure.closed",
        target=procedure,
        council_id=procedure.statement.council_id,
        changes={
            "result": {"before": None, "after": procedure.result},
            "tally": {"before": None, "after": result.as_dict()},
        },
    )
    if result.adopted:
        statement = _lock(procedure.statement)
        if statement.status == Statement.Status.DRAFT:
            _adopt(
                statement=statement,
                route=Statement.Route.WRITTEN,
                version=procedure.version,
                on=today,
                reference_text=_da(
                    gettext_noop(
                        "Skriftlig procedure %(start)s–%(end)s: %(agree)s enige, %(disagree)s uenige, %(comment)s bemærkninger"
                    )
                )
                % {
                    "start": procedure.opened_on.strftime("%d.%m.%Y"),
                    "end": today.strftime("%d.%m.%Y"),
                    "agree": result.agree,
                    "disagree": result.disagree,
                    "comment": result.comment,
                },
                by=by,
            )
    return procedure


def _check_urgent_allowed(statement: Statement, today: datetime.date) -> None:
    if not rules_in_force(statement.council_id, today).urgent_procedure_allowed:
        raise RuleViolation(
            [
                _("Forretningsordenen tillader ikke hasteproceduren (%(ref)s).")
                % {"ref": reference("urgent_procedure_allowed")}
            ]
        )


@transaction.atomic
def urgent_approve(*, statement: Statement, user: User, on: datetime.date | None = None) -> UrgentApproval:
    """Route 3 (R24): the forperson and the næstforperson each approve the latest version. With both, the
    statement is adopted, and an item reporting it is due on the next meeting's agenda."""
    today = _today(on)
    statement = _lock(statement)
    version = _require_draft_with_text(statement)
    _check_urgent_allowed(statement, today)
    membership = memberships_in_force(statement.council_id, today).filter(person__user=user).first()
    if membership is None or membership.role not in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR):
        raise RuleViolation(
            [
                _("Kun forpersonen og næstforpersonen kan godkende et svar i en hastesag (%(ref)s).")
                % {"ref": reference("urgent_procedure_allowed")}
            ]
        )
    role = UrgentApproval.Role(membership.role)
    if UrgentApproval.objects.filter(statement=statement, version=version, role=role).exists():
        raise RuleViolation([_("Du har allerede godkendt denne version.")])
    approval = UrgentApproval.objects.create(
        statement=statement, version=version, role=role, membership=membership, approved_by=user
    )
    audit.record(
        actor=user,
        verb="statement.urgent_approved",
        target=statement,
        council_id=statement.council_id,
        changes={"role": {"before": None, "after": role}, "version": {"before": None, "after": version.number}},
    )
    roles_given = set(
        UrgentApproval.objects.filter(statement=statement, version=version).values_list("role", flat=True)
    )
    if roles_given >= {UrgentApproval.Role.CHAIR, UrgentApproval.Role.VICE_CHAIR}:
        _adopt(
            statement=statement,
            route=Statement.Route.URGENT,
            version=version,
            on=today,
            reference_text=_da(gettext_noop("Godkendt af forperson og næstforperson %(date)s"))
            % {"date": today.strftime("%d.%m.%Y")},
            by=user,
        )
        statement.report_at_next_meeting = True
        statement.save(update_fields=["report_at_next_meeting", "updated_at"])
        _place_on_agenda(statement=statement, report=True, by=user)
    return approval


def _place_on_agenda(*, statement: Statement, report: bool, by: User | None) -> AgendaItem | None:
    """Add the item (for decision, or the R24 report), remember it on the statement and journal it."""
    item = _agenda_item_add(statement=statement, report=report, by=by)
    if item is None:
        return None
    if report:
        field, verb = "report_item", "statement.reported_on_agenda"
        statement.report_at_next_meeting = False
    else:
        field, verb = "agenda_item", "statement.placed_on_agenda"
    setattr(statement, field, item)
    statement.save(update_fields=[field, "report_at_next_meeting", "updated_at"])
    audit.record(
        actor=by,
        verb=verb,
        target=statement,
        council_id=statement.council_id,
        changes={field: {"before": None, "after": selectors.agenda_label(item, house=True)}},
    )
    return item


@transaction.atomic
def statement_report_schedule(*, statement: Statement, by: User) -> AgendaItem:
    """R24: put the report of an urgent answer on the next meeting whose agenda is open, when none was at
    the time of adoption."""
    statement = _lock(statement)
    if not statement.report_at_next_meeting:
        raise RuleViolation([_("Hastesvaret er allerede sat på en dagsorden.")])
    item = _place_on_agenda(statement=statement, report=True, by=by)
    if item is None:
        raise RuleViolation(
            [
                _("Der er intet kommende møde med åben dagsorden. Planlæg mødet først (%(ref)s).")
                % {"ref": reference("urgent_procedure_allowed")}
            ]
        )
    return item


# ------------------------------------------------------------------------------------------ after adoption


@transaction.atomic
def minority_statement_add(*, statement: Statement, members: str, text: str, by: User | None) -> MinorityStatement:
    """Attach a minority's dissent word for word (R22). Possible until the statement is sent; validated and CPR
    numbers masked as every minority statement is (core.minority)."""
    statement = _lock(statement)
    if statement.sent_at is not None or statement.status == Statement.Status.PUBLISHED:
        raise RuleViolation([_("Udtalelsen er sendt; en mindretalsudtalelse skal tilføjes før afsendelse.")])
    minority = MinorityStatement.objects.create(
        statement=statement, **minority_statement_cleaned(members=members, text=text)
    )
    audit.record(
        actor=by,
        verb="statement.minority_added",
        target=statement,
        council_id=statement.council_id,
        changes={"members": {"before": None, "after": minority.members}},
    )
    return minority


@transaction.atomic
def statement_correct(*, statement: Statement, text: str, note: str, by: User | None) -> StatementVersion:
    """An adopted statement is immutable; a correction is a new version with its reason."""
    statement = _lock(statement)
    if statement.status == Statement.Status.DRAFT:
        raise RuleViolation([_("Et udkast rettes ved at gemme en ny version.")])
    if not note.strip():
        raise RuleViolation([Violation("note", _("Skriv hvad rettelsen går ud på."))])
    if not text.strip():
        raise RuleViolation([Violation("text", _("Teksten er tom."))])
    version = _new_version(statement=statement, text=text, note=note, kind=StatementVersion.Kind.CORRECTION, by=by)
    audit.record(
        actor=by,
        verb="statement.corrected",
        target=statement,
        council_id=statement.council_id,
        changes={"version": {"before": None, "after": version.number}, "note": {"before": None, "after": version.note}},
    )
    return version


@transaction.atomic
def statement_send(
    *, statement: Statement, by: User | None, late_reason: str = "", on: datetime.date | None = None
) -> Statement:
    """Send the adopted statement to its recipient as a tagged PDF letter by e-mail (after commit), record the
    sent date, recipient and an outgoing journal entry (R29). A late answer needs and shows a reason."""
    today = _today(on)
    statement = _lock(statement)
    violations: list[Any] = []
    if statement.status == Statement.Status.DRAFT:
        violations.append(_("Udtalelsen er ikke vedtaget og kan ikke sendes."))
    elif statement.sent_at is not None:
        violations.append(_("Udtalelsen er allerede sendt."))
    consultation = statement.consultation
    address = consultation.answer_address if consultation is not None else statement.recipient.email
    if not address:
        violations.append(_("Modtageren har ingen e-mailadresse."))
    deadline = consultation.deadline if consultation is not None else None
    late = rules.is_late(deadline, today)
    if late and deadline is not None and not late_reason.strip():
        violations.append(
            Violation(
                "late_reason",
                _("Høringsfristen var %(date)s. Skriv begrundelsen for den sene fremsendelse.")
                % {"date": deadline.strftime("%d.%m.%Y")},
            )
        )
    if violations:
        raise RuleViolation(violations)
    late_reason = mask_cpr(late_reason.strip()) if late else ""
    pdf = letters.letter_pdf(
        statement=statement, version=selectors.shown_version(statement), sent_on=today, late_reason=late_reason
    )
    statement.letter.save(f"hoeringssvar-{statement.pk}-{today:%Y%m%d}.pdf", ContentFile(pdf), save=False)
    now = timezone.now()
    sent_at = (
        now
        if today == timezone.localdate()
        else timezone.make_aware(datetime.datetime.combine(today, datetime.time(12, 0)))
    )
    statement.sent_at = sent_at
    statement.sent_to = address
    statement.late_reason = late_reason
    statement.status = Statement.Status.SENT
    statement.save(update_fields=["letter", "sent_at", "sent_to", "late_reason", "status", "updated_at"])
    entry = JournalEntry.objects.create(
        council_id=statement.council_id,
        case_number=statement.case_number or "-",
        entry_date=today,
        direction=JournalEntry.Direction.OUTGOING,
        subject=_da(gettext_noop("%(kind)s: %(title)s"))
        % {"kind": _kind_in_house_language(statement), "title": statement.title},
        consultation=statement.consultation,
        statement=statement,
        counterpart=statement.recipient.name,
    )
    audit.record(
        actor=by,
        verb="statement.sent",
        target=statement,
        council_id=statement.council_id,
        changes={
            "sent_to": {"before": None, "after": address},
            "sent_on": {"before": None, "after": today},
            "late_reason": {"before": None, "after": late_reason},
            "journal": {"before": None, "after": str(entry)},
        },
    )
    notify.statement_letter(statement_id=statement.pk)
    if rules_in_force(statement.council_id, today).publish_statements:
        _publish(statement=statement, by=by, now=sent_at)
    return statement


def _publish(*, statement: Statement, by: User | None, now: datetime.datetime) -> Statement:
    statement.status = Statement.Status.PUBLISHED
    statement.published_at = now
    statement.save(update_fields=["status", "published_at", "updated_at"])
    audit.record(
        actor=by,
        verb="statement.published",
        target=statement,
        council_id=statement.council_id,
        changes={"status": {"before": None, "after": statement.status}},
    )
    return statement


@transaction.atomic
def statement_publish(*, statement: Statement, by: User | None) -> Statement:
    """Publish an adopted statement in the public archive (R3). Never a draft."""
    statement = _lock(statement)
    if statement.status == Statement.Status.DRAFT:
        raise RuleViolation([_("Udtalelsen er ikke vedtaget og kan ikke offentliggøres.")])
    if statement.status == Statement.Status.PUBLISHED:
        raise RuleViolation([_("Udtalelsen er allerede offentliggjort.")])
    return _publish(statement=statement, by=by, now=timezone.now())


@transaction.atomic
def follow_up_register(
    *,
    statement: Statement,
    decided_on: datetime.date,
    body: str,
    decision: str,
    how_used: str = "",
    decision_en: str = "",
    how_used_en: str = "",
    link: str = "",
    by: User | None,
) -> FollowUp:
    """Hvad skete der så? Register what the board or committee decided and how the statement was used."""
    statement = _lock(statement)
    if statement.status == Statement.Status.DRAFT:
        raise RuleViolation([_("Der kan først registreres opfølgning, når udtalelsen er vedtaget.")])
    if not body.strip() or not decision.strip():
        raise RuleViolation([Violation("decision", _("Angiv det besluttende organ og beslutningen."))])
    if statement.adopted_on and decided_on < statement.adopted_on:
        raise RuleViolation([Violation("decided_on", _("Beslutningen kan ikke ligge før rådets udtalelse."))])
    follow_up = FollowUp.objects.create(
        statement=statement,
        decided_on=decided_on,
        body=body.strip(),
        decision=mask_cpr(decision),
        decision_en=mask_cpr(decision_en),
        how_used=mask_cpr(how_used),
        how_used_en=mask_cpr(how_used_en),
        link=link,
    )
    audit.record(
        actor=by,
        verb="statement.follow_up_registered",
        target=statement,
        council_id=statement.council_id,
        changes={
            "body": {"before": None, "after": follow_up.body},
            "decided_on": {"before": None, "after": decided_on},
        },
    )
    return follow_up


# ------------------------------------------------------------------------------------------ reminders


def _council_recipients(council_id: int, on: datetime.date, cache: dict[int, list[str]]) -> list[str]:
    """The members in force and the council's contact address; read once per council (`cache`)."""
    if council_id not in cache:
        addresses = [
            m.person.email for m in memberships_in_force(council_id, on).select_related("person") if m.person.email
        ]
        contact = Council.objects.filter(pk=council_id).values_list("contact_email", flat=True).first()
        if contact:
            addresses.append(contact)
        cache[council_id] = addresses
    return cache[council_id]


def _remember(key: str, recipients: list[str], done: set[str]) -> bool:
    """Record that a reminder is queued (in the outbox, in this transaction); False if it was before (the
    reminder is then skipped). `done` holds the keys recorded before this run, read in one query."""
    if key in done:
        return False
    _record, created = ReminderSent.objects.get_or_create(key=key, defaults={"recipients": len(recipients)})
    done.add(key)
    return created


@transaction.atomic
def reminders_send(*, on: datetime.date | None = None) -> list[str]:
    """Send the reminders due today; safe to run any number of times a day (each is sent once).

    - open consultations: the rules' reminders before the deadline (forretningsorden § 9, e.g. 7 and 2 days);
    - open written procedures: on the last day, to the members who have not answered;
    - written procedures past their last day: closed with the result, which is e-mailed.
    Returns the keys of what was sent.
    """
    with _house_language():
        return _reminders_send(on=on)


def _reminders_send(*, on: datetime.date | None) -> list[str]:
    today = _today(on)
    sent: list[str] = []
    answered = Statement.objects.filter(consultation=OuterRef("pk"), sent_at__isnull=False)
    open_consultations = (
        Consultation.objects.filter(deadline__gte=today, council__archived_at__isnull=True)
        .exclude(Exists(answered))
        .select_related("council", "committee")
        .order_by("council_id", "deadline")
    )
    rules_cache: dict[int, Any] = {}
    recipients_cache: dict[int, list[str]] = {}
    done = set(ReminderSent.objects.filter(key__regex=r"^(consultation|written):").values_list("key", flat=True))
    for consultation in open_consultations:
        if consultation.council_id not in rules_cache:
            rules_cache[consultation.council_id] = rules_in_force(consultation.council_id, today)
        in_force = rules_cache[consultation.council_id]
        stage = rules.reminder_stage(
            consultation.deadline,
            today,
            in_force.consultation_first_reminder_days,
            in_force.consultation_second_reminder_days,
        )
        if stage is None:
            continue
        key = f"consultation:{consultation.pk}:{stage}"
        recipients = _council_recipients(consultation.council_id, today, recipients_cache)
        if not _remember(key, recipients, done):
            continue
        subject = _("Påmindelse: høringsfrist %(date)s – %(subject)s") % {
            "date": consultation.deadline.strftime("%d.%m.%Y"),
            "subject": consultation.subject,
        }
        body = _(
            "Høringen »%(subject)s« fra %(sender)s har frist %(date)s (%(left)s dage). Se udkastet i arbejdsrummet."
        ) % {
            "subject": consultation.subject,
            "sender": consultation.committee.name,
            "date": consultation.deadline.strftime("%d.%m.%Y"),
            "left": rules.days_left(consultation.deadline, today),
        }
        notify.send_plain(key=key, council=consultation.council_id, recipients=recipients, subject=subject, body=body)
        sent.append(key)

    procedures = WrittenProcedure.objects.filter(
        status=WrittenProcedure.Status.OPEN, closes_on__lte=today
    ).select_related("statement")
    for procedure in procedures:
        if procedure.closes_on == today:
            key = f"written:{procedure.pk}:last_day"
            answered_people = set(procedure.answers.values_list("membership__person_id", flat=True))
            recipients = [
                m.person.email
                for m in memberships_in_force(procedure.statement.council_id, today)
                if m.person.email and m.person_id not in answered_people
            ]
            if not _remember(key, recipients, done):
                continue
            subject = _("Sidste dag: skriftlig procedure om %(title)s") % {"title": procedure.statement.title}
            body = _("I dag er sidste frist for at svare enig, uenig eller med en bemærkning i arbejdsrummet.")
            notify.send_plain(
                key=key, council=procedure.statement.council_id, recipients=recipients, subject=subject, body=body
            )
            sent.append(key)
        else:
            key = f"written:{procedure.pk}:closed"
            recipients = _council_recipients(procedure.statement.council_id, today, recipients_cache)
            if not _remember(key, recipients, done):
                continue
            closed = written_procedure_close(procedure=procedure, by=None, on=today)
            subject = _("Skriftlig procedure afsluttet: %(title)s") % {"title": procedure.statement.title}
            body = _("Resultat: %(result)s. %(agree)s enige, %(disagree)s uenige, %(comment)s bemærkninger.") % {
                "result": closed.get_result_display(),
                **{k: closed.tally[k] for k in ("agree", "disagree", "comment")},
            }
            notify.send_plain(
                key=key, council=procedure.statement.council_id, recipients=recipients, subject=subject, body=body
            )
            sent.append(key)
    return sent
