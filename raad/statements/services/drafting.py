"""Drafting: writes of statements (raad.statements.services.drafting)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from raad.core import audit, translations
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.models import Council, Purpose
from raad.councils.rules import Violation, purpose_of_other_council
from raad.councils.selectors import purposes_outside
from raad.councils.services import ensure_not_archived
from raad.statements.models import (
    Committee,
    Consultation,
    DraftComment,
    Statement,
    StatementVersion,
)

from .common import _lock, _new_version


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
    ensure_not_archived(council)
    violations = []
    if kind == Statement.Kind.RESPONSE and consultation is None:
        violations.append(Violation("consultation", _("Et høringssvar skal besvare en høring.")))
    if consultation is not None and consultation.council_id != council.pk:
        violations.append(Violation("consultation", _("Høringen hører til et andet råd.")))
    if recipient is None and consultation is None:
        violations.append(Violation("recipient", _("Vælg hvem udtalelsen skal sendes til.")))
    if purpose is not None and purposes_outside(council.pk, [purpose]):
        violations.append(purpose_of_other_council("purpose"))
    recipient = recipient or (consultation.committee if consultation is not None else None)
    if violations or recipient is None:
        raise RuleViolation(violations)
    statement = Statement.objects.create(
        council=council,
        kind=kind,
        consultation=consultation,
        title=mask_cpr(title),
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
        changes=audit.created(kind=kind, title=statement.title),
    )
    translations.translations_save(
        obj=statement,
        language="en",
        texts={"title": title_en},
        status=translations.REVIEWED,
        actor=by,
        created=True,
        council_id=council.pk,
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
        changes=audit.created(version=version.number),
    )
    return comment
