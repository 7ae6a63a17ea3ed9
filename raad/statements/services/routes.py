"""Routes: writes of statements (raad.statements.services.routes)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.rules import Violation, reference
from raad.councils.selectors import rules_in_force
from raad.councils.services import ensure_not_archived
from raad.meetings import selectors as meetings_selectors
from raad.meetings import services as meetings_services
from raad.meetings.models import AgendaItem, Decision
from raad.membership.models import Membership
from raad.membership.selectors import memberships_in_force
from raad.statements import notify, rules, selectors
from raad.statements.models import (
    Statement,
    StatementVersion,
    UrgentApproval,
    WrittenAnswer,
    WrittenProcedure,
)

from .common import _da, _house_language, _lock, _today


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
        changes=audit.changed(planned_route=(before, route)),
    )
    if route != Statement.Route.MEETING:
        return None
    item = selectors.pending_agenda_item(statement)
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
        changes=audit.created(version=version.number, closes_on=procedure.closes_on),
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
        WrittenProcedure.objects.select_for_update(of=("self",))
        .select_related("statement__council")
        .get(pk=procedure.pk)
    )
    ensure_not_archived(procedure.statement.council)
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
        .select_related("statement__council", "rules")
        .get(pk=procedure.pk)
    )
    ensure_not_archived(procedure.statement.council)
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
        changes=audit.created(result=procedure.result, tally=result.as_dict()),
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
        changes=audit.created(role=role, version=version.number),
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
