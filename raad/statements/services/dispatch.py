"""Dispatch: writes of statements (raad.statements.services.dispatch)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from raad.core import audit, filestore, translations
from raad.core.errors import RuleViolation
from raad.core.minority import minority_statement_cleaned
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.rules import Violation
from raad.councils.selectors import rules_in_force
from raad.statements import letters, notify, rules, selectors
from raad.statements.models import (
    FollowUp,
    MinorityStatement,
    RecordEntry,
    Statement,
    StatementVersion,
)
from raad.statements.search import statement_changed

from .common import _da, _kind_in_house_language, _lock, _new_version, _today


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
        changes=audit.created(members=minority.members),
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
        changes=audit.created(version=version.number, note=version.note),
    )
    statement_changed(statement.pk)  # the search index follows (raad.core.search)
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
    filestore.store_upload(statement.letter, f"hoeringssvar-{statement.pk}-{today:%Y%m%d}.pdf", pdf, field="")
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
    entry = RecordEntry.objects.create(
        council_id=statement.council_id,
        case_number=statement.case_number or "-",
        entry_date=today,
        direction=RecordEntry.Direction.OUTGOING,
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
        changes=audit.created(sent_to=address, sent_on=today, late_reason=late_reason, journal=str(entry)),
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
        changes=audit.created(status=statement.status),
    )
    statement_changed(statement.pk)  # the search index follows (raad.core.search)
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
        how_used=mask_cpr(how_used),
        link=link,
    )
    audit.record(
        actor=by,
        verb="statement.follow_up_registered",
        target=statement,
        council_id=statement.council_id,
        changes=audit.created(body=follow_up.body, decided_on=decided_on),
    )
    translations.translations_save(
        obj=follow_up,
        language="en",
        texts={"decision": decision_en, "how_used": how_used_en},
        status=translations.REVIEWED,
        actor=by,
        created=True,
        council_id=statement.council_id,
    )
    return follow_up
