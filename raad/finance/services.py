"""Every write of the council's money: budget years and lines, expenses and their reversal, members' claims
and their decision. Each is atomic and journalled with its amounts and approvals (the audit journal)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit, documents, filestore, mail
from raad.core.errors import RuleViolation
from raad.core.links import absolute_reverse
from raad.core.models import User
from raad.core.text import clean_text
from raad.councils.rules import purpose_of_other_council
from raad.councils.selectors import purposes_outside
from raad.finance import rules, selectors
from raad.finance.models import BudgetLine, BudgetYear, Claim, Expense

# What a receipt may be (checked by its content, not its name).
RECEIPT_TYPES = (documents.PDF, documents.JPEG, documents.PNG)


class _Field:
    def __init__(self, message: str, field: str) -> None:
        self.message, self.field = message, field

    def __str__(self) -> str:
        return self.message


def _receipt(upload: UploadedFile | None) -> tuple[bytes, str, str] | None:
    """(data, content type, extension) of a checked receipt, or None without one. Refused on the form's
    `receipt` field."""
    if upload is None:
        return None
    data = upload.read(documents.max_upload_bytes() + 1)
    try:
        content_type, extension = documents.check_upload(data, accepted=RECEIPT_TYPES)
    except RuleViolation as violation:
        raise RuleViolation([_Field(m, "receipt") for m in violation.messages]) from None
    return data, content_type, extension


def _positive(amount: Decimal, field: str = "amount") -> None:
    if not isinstance(amount, Decimal):
        raise TypeError("money is a Decimal, never a float")
    if amount <= 0:
        raise RuleViolation([_Field(_("Beløbet skal være større end 0 kr."), field)])


# --- Budget -------------------------------------------------------------------------------------------------


@transaction.atomic
def budget_year_create(
    *,
    council: Any,
    year: int,
    transport_rate: Decimal,
    decision_reference: str = "",
    decided_on: datetime.date | None = None,
    claim_limit: Decimal | None = None,
    by: User | None,
) -> BudgetYear:
    if BudgetYear.objects.filter(council=council, year=year).exists():
        raise RuleViolation([_Field(_("Der er allerede et budget for %(year)s.") % {"year": year}, "year")])
    if transport_rate < 0:
        raise RuleViolation([_Field(_("Taksten kan ikke være negativ."), "transport_rate")])
    budget = BudgetYear.objects.create(
        council=council,
        year=year,
        transport_rate=transport_rate,
        decision_reference=clean_text(decision_reference),
        decided_on=decided_on,
        claim_limit=claim_limit,
    )
    audit.record(
        actor=by,
        verb="budget_year.created",
        target=budget,
        council_id=council.pk,
        changes=audit.created(
            year=year,
            transport_rate=transport_rate,
            claim_limit=claim_limit,
            decision_reference=budget.decision_reference,
            decided_on=decided_on,
        ),
    )
    return budget


@transaction.atomic
def budget_line_set(
    *,
    budget: BudgetYear,
    name: str,
    amount: Decimal,
    receives_claims: str = "",
    new_name: str = "",
    by: User | None,
) -> BudgetLine:
    """Add a line to the year, or change the amount of the line with that name (and rename it to `new_name`:
    its expenses follow it, the journal keeps the old name)."""
    name, new_name = clean_text(name), clean_text(new_name)
    if not name:
        raise RuleViolation([_Field(_("Skriv budgetpostens navn."), "name")])
    if amount < 0:
        raise RuleViolation([_Field(_("Beløbet kan ikke være negativt."), "amount")])
    line = BudgetLine.objects.select_for_update().filter(budget=budget, name=name).first()
    if new_name and new_name != name:
        if line is None:
            raise RuleViolation([_Field(_("Der er ingen budgetpost med det navn at omdøbe."), "name")])
        if BudgetLine.objects.filter(budget=budget, name=new_name).exists():
            raise RuleViolation([_Field(_("Der er allerede en budgetpost med det navn."), "new_name")])
    if line is None:
        position = BudgetLine.objects.filter(budget=budget).count() + 1
        line = BudgetLine.objects.create(
            budget=budget, name=name, amount=amount, position=position, receives_claims=receives_claims
        )
        audit.record(
            actor=by,
            verb="budget_line.created",
            target=line,
            council_id=budget.council_id,
            changes=audit.created(name=name, amount=amount, receives_claims=receives_claims),
        )
        return line
    fields = ["name", "amount", "receives_claims"]
    before = audit.snapshot(line, fields)
    line.name, line.amount, line.receives_claims = new_name or name, amount, receives_claims
    line.save(update_fields=[*fields, "updated_at"])
    audit.record(
        actor=by,
        verb="budget_line.changed",
        target=line,
        council_id=budget.council_id,
        changes=audit.diff(before, audit.snapshot(line, fields)),
    )
    return line


# --- Expenses -----------------------------------------------------------------------------------------------


def _lock_line(line: BudgetLine) -> BudgetLine:
    """The line, locked: two expenses booked at once never both pass the budget check."""
    return BudgetLine.objects.select_for_update().select_related("budget").get(pk=line.pk)


@transaction.atomic
def expense_register(
    *,
    line: BudgetLine,
    spent_on: datetime.date,
    payee: str,
    amount: Decimal,
    description: str = "",
    status: str = Expense.Status.COMMITTED,
    receipt: UploadedFile | None = None,
    meeting: Any = None,
    event: Any = None,
    purposes: list | tuple = (),
    approve_over_budget: bool = False,
    claim: Claim | None = None,
    by: User | None,
) -> Expense:
    """Book an expense on a line. One that takes the line over its budget needs `approve_over_budget`, and the
    user who gives it is recorded as the approver (journalled)."""
    _positive(amount)
    line = _lock_line(line)
    council_id = line.budget.council_id
    if spent_on.year != line.budget.year:
        raise RuleViolation(
            [_Field(_("Datoen skal ligge i budgetåret %(year)s.") % {"year": line.budget.year}, "spent_on")]
        )
    if meeting is not None and meeting.council_id != council_id:
        raise RuleViolation(_("Mødet hører ikke til rådet."))
    if event is not None and event.council_id != council_id:
        raise RuleViolation(_("Arrangementet hører ikke til rådet."))
    if purposes_outside(council_id, purposes):
        raise RuleViolation([purpose_of_other_council()])
    if status not in Expense.Status.values:
        raise RuleViolation(_("Ukendt status."))
    payee = clean_text(payee)
    if not payee:
        raise RuleViolation([_Field(_("Skriv, hvem udgiften er betalt til."), "payee")])
    problem = rules.over_budget_violation(line=line.name, figures=selectors.figures_of_line(line), amount=amount)
    if problem is not None and not approve_over_budget:
        raise RuleViolation([problem])
    checked = _receipt(receipt)
    expense = Expense(
        line=line,
        spent_on=spent_on,
        payee=payee,
        amount=amount,
        description=clean_text(description),
        status=status,
        meeting=meeting,
        event=event,
        claim=claim,
        over_budget_approved_by=by if problem is not None else None,
        created_by=by,
    )
    if checked is not None:
        data, content_type, extension = checked
        expense.receipt_content_type = content_type
        filestore.store_upload(expense.receipt, f"bilag.{extension}", data, field="receipt")
    expense.save()
    if purposes:
        expense.purposes.set(purposes)
    entries = [
        audit.entry(
            actor=by,
            verb="expense.registered",
            target=expense,
            council_id=council_id,
            changes=audit.created(
                line=line.name,
                amount=amount,
                payee=payee,
                spent_on=spent_on,
                status=status,
                receipt=expense.receipt_content_type or None,
            ),
        )
    ]
    if problem is not None:
        entries.append(
            audit.entry(
                actor=by,
                verb="expense.over_budget_approved",
                target=expense,
                council_id=council_id,
                changes=audit.created(
                    line=line.name,
                    amount=amount,
                    over_budget_by=rules.over_budget(selectors.figures_of_line(line), Decimal(0)),
                ),
            )
        )
    audit.record_many(entries)
    return expense


@transaction.atomic
def expense_mark_paid(*, expense: Expense, by: User | None) -> Expense:
    expense = Expense.objects.select_for_update().select_related("line__budget").get(pk=expense.pk)
    if expense.status == Expense.Status.PAID:
        raise RuleViolation(_("Udgiften er allerede betalt."))
    if expense.reverses_id is not None or Expense.objects.filter(reverses=expense).exists():
        raise RuleViolation(_("En tilbageført udgift kan ikke markeres som betalt."))
    expense.status = Expense.Status.PAID
    expense.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=by,
        verb="expense.paid",
        target=expense,
        council_id=expense.line.budget.council_id,
        changes=audit.changed(
            status=(Expense.Status.COMMITTED, Expense.Status.PAID), amount=(expense.amount, expense.amount)
        ),
    )
    return expense


@transaction.atomic
def expense_reverse(*, expense: Expense, reason: str, by: User | None) -> Expense:
    """Correct an expense with a reversing entry: the same line, the negative amount, pointing at the original
    (which stays as it was, R34). An expense is reversed once; a reversal is not reversed."""
    original = Expense.objects.select_for_update().select_related("line__budget").get(pk=expense.pk)
    reason = clean_text(reason)
    if not reason:
        raise RuleViolation([_Field(_("Skriv, hvorfor udgiften tilbageføres."), "reason")])
    if original.reverses_id is not None:
        raise RuleViolation(_("En tilbageførsel kan ikke tilbageføres. Bogfør udgiften igen i stedet."))
    if Expense.objects.filter(reverses=original).exists():
        raise RuleViolation(_("Udgiften er allerede tilbageført."))
    reversal = Expense(
        line=original.line,
        spent_on=max(timezone.localdate(), original.spent_on)
        if timezone.localdate().year == original.line.budget.year
        else original.spent_on,
        payee=original.payee,
        amount=-original.amount,
        description=reason,
        status=original.status,
        meeting_id=original.meeting_id,
        event_id=original.event_id,
        reverses=original,
        created_by=by,
    )
    try:
        with transaction.atomic():
            reversal.save()
    except IntegrityError:  # a reversal made at the same moment by someone else (the one-to-one)
        raise RuleViolation(_("Udgiften er allerede tilbageført.")) from None
    reversal.purposes.set(original.purposes.all())
    audit.record(
        actor=by,
        verb="expense.reversed",
        target=reversal,
        council_id=original.line.budget.council_id,
        changes=audit.created(reverses=str(original), amount=reversal.amount, line=original.line.name, reason=reason),
    )
    return reversal


# --- Claims -------------------------------------------------------------------------------------------------


@transaction.atomic
def claim_submit(
    *,
    council: Any,
    claimant: User,
    incurred_on: datetime.date,
    kind: str,
    what: str,
    km: Decimal | None = None,
    amount: Decimal | None = None,
    receipt: UploadedFile | None = None,
    by: User | None = None,
) -> Claim:
    """A member claims a documented expense: transport as km × the year's rate (computed here, exact), or an
    amount with a receipt."""
    budget = selectors.budget_year(council, incurred_on.year)
    if budget is None:
        raise RuleViolation(
            [
                _Field(
                    _("Der er intet budget for %(year)s. Kontakt sekretariatet.") % {"year": incurred_on.year},
                    "incurred_on",
                )
            ]
        )
    if incurred_on > timezone.localdate():
        raise RuleViolation([_Field(_("Datoen kan ikke ligge i fremtiden."), "incurred_on")])
    what = clean_text(what)
    if not what:
        raise RuleViolation([_Field(_("Skriv, hvad udlægget dækker."), "what")])
    rate = None
    if kind == Claim.Kind.TRANSPORT:
        if km is None or km <= 0:
            raise RuleViolation([_Field(_("Skriv antal kilometer."), "km")])
        rate = budget.transport_rate
        amount = rules.transport_amount(km, rate)
    elif kind == Claim.Kind.OTHER:
        km = None
        if amount is None:
            raise RuleViolation([_Field(_("Skriv beløbet."), "amount")])
        _positive(amount)
        if receipt is None:
            raise RuleViolation([_Field(_("Vedlæg kvitteringen."), "receipt")])
    else:
        raise RuleViolation([_Field(_("Vælg, hvad du vil have dækket."), "kind")])
    assert amount is not None
    if amount <= 0:
        raise RuleViolation([_Field(_("Beløbet skal være større end 0 kr."), "km")])
    checked = _receipt(receipt)
    claim = Claim(
        council=council,
        budget=budget,
        claimant=claimant,
        incurred_on=incurred_on,
        kind=kind,
        what=what,
        km=km,
        rate=rate,
        amount=amount,
    )
    if checked is not None:
        data, content_type, extension = checked
        claim.receipt_content_type = content_type
        filestore.store_upload(claim.receipt, f"kvittering.{extension}", data, field="receipt")
    claim.save()
    audit.record(
        actor=by or claimant,
        verb="claim.submitted",
        target=claim,
        council_id=council.pk,
        changes=audit.created(kind=kind, km=km, rate=rate, amount=amount, incurred_on=incurred_on),
    )
    return claim


def _lock_claim(claim: Claim) -> Claim:
    claim = Claim.objects.select_for_update().select_related("budget", "council", "claimant").get(pk=claim.pk)
    if claim.status != Claim.Status.SUBMITTED:
        raise RuleViolation(_("Kravet er allerede afgjort."))
    return claim


def _notify_decision(claim: Claim) -> None:
    mail.queue(
        key=f"claim-decided:{claim.pk}",
        council=claim.council,
        to=claim.claimant.email,
        recipient=claim.claimant,
        template="finance/email/claim_decided",
        context={
            "claim": claim,
            "approved": claim.status == Claim.Status.APPROVED,
            "amount": rules.format_amount(claim.amount),
            "url": absolute_reverse("finance:my_claims", claim.council.slug),
        },
    )


@transaction.atomic
def claim_approve(
    *,
    claim: Claim,
    line: BudgetLine,
    approve_over_limit: bool = False,
    approve_over_budget: bool = False,
    by: User,
) -> Expense:
    """Approve a claim: it becomes a committed expense on `line` (paid to the claimant). A claim over the
    year's limit needs `approve_over_limit`; one that takes the line over budget `approve_over_budget`. The
    approver is recorded for each."""
    claim = _lock_claim(claim)
    if line.budget_id != claim.budget_id:
        raise RuleViolation([_Field(_("Vælg en budgetpost fra kravets budgetår."), "line")])
    limit_problem = rules.over_limit_violation(amount=claim.amount, limit=claim.budget.claim_limit)
    if limit_problem is not None and not approve_over_limit:
        raise RuleViolation([limit_problem])
    expense = expense_register(
        line=line,
        spent_on=claim.incurred_on,
        payee=str(claim.claimant),
        amount=claim.amount,
        description=f"{claim.get_kind_display()}: {claim.what}",
        approve_over_budget=approve_over_budget,
        claim=claim,
        by=by,
    )
    if claim.receipt:
        expense.receipt_content_type = claim.receipt_content_type
        expense.receipt.name = claim.receipt.name  # the same stored file, no copy
        expense.save(update_fields=["receipt", "receipt_content_type", "updated_at"])
    claim.status = Claim.Status.APPROVED
    claim.decided_by, claim.decided_at = by, timezone.now()
    claim.over_limit_approved_by = by if limit_problem is not None else None
    claim.save(update_fields=["status", "decided_by", "decided_at", "over_limit_approved_by", "updated_at"])
    entries = [
        audit.entry(
            actor=by,
            verb="claim.approved",
            target=claim,
            council_id=claim.council_id,
            changes=audit.changed(status=(Claim.Status.SUBMITTED, Claim.Status.APPROVED))
            | audit.created(amount=claim.amount, line=line.name),
        )
    ]
    if limit_problem is not None:
        entries.append(
            audit.entry(
                actor=by,
                verb="claim.over_limit_approved",
                target=claim,
                council_id=claim.council_id,
                changes=audit.created(amount=claim.amount, claim_limit=claim.budget.claim_limit),
            )
        )
    audit.record_many(entries)
    _notify_decision(claim)
    return expense


@transaction.atomic
def claim_reject(*, claim: Claim, reason: str, by: User) -> Claim:
    claim = _lock_claim(claim)
    reason = clean_text(reason)
    if not reason:
        raise RuleViolation([_Field(_("Skriv begrundelsen for afvisningen."), "reason")])
    claim.status = Claim.Status.REJECTED
    claim.rejection_reason = reason
    claim.decided_by, claim.decided_at = by, timezone.now()
    claim.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at", "updated_at"])
    audit.record(
        actor=by,
        verb="claim.rejected",
        target=claim,
        council_id=claim.council_id,
        changes=audit.changed(status=(Claim.Status.SUBMITTED, Claim.Status.REJECTED))
        | audit.created(amount=claim.amount, rejection_reason=reason),
    )
    _notify_decision(claim)
    return claim
