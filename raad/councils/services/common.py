"""Shared pieces: writes of councils (raad.councils.services.common): the edited fields, their English, the R1 guard."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from raad.core import translations
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.councils import rules
from raad.councils.models import Council, TermsOfReference

TOR_FIELDS = (*TermsOfReference.TEXT_FIELDS, "legal_basis_url", "approved_on")
PURPOSE_FIELDS = ("title", "description")
COUNCIL_CONTACT_FIELDS = (
    "name",
    "secretariat_unit",
    "contact_email",
    "contact_phone",
    "contact_address",
    "contact_hours",
)
# The fields whose English the secretariat writes beside the Danish: the forms' "… (engelsk)" fields, which the
# services store as the reviewed "en" translation (raad.core.translations), keyed `<field>_en` in `data`.
COUNCIL_TRANSLATED_FIELDS = ("name", "secretariat_unit", "contact_hours")
TOR_TRANSLATED_FIELDS = TermsOfReference.TEXT_FIELDS
PURPOSE_TRANSLATED_FIELDS = PURPOSE_FIELDS
ENGLISH = "en"
# The free-text fields, whose CPR numbers are masked before anything is stored or audited (R30); a link, a
# date or an e-mail address is not prose.
_PROSE_FIELDS = frozenset(TOR_FIELDS + PURPOSE_FIELDS + COUNCIL_CONTACT_FIELDS) - {
    "legal_basis_url",
    "approved_on",
    "contact_email",
}


def _save_english(obj: Any, texts: dict[str, str], *, by: User | None, council_id: int, created: bool = False) -> None:
    """The English the secretariat typed beside the Danish, as the reviewed "en" translation (journalled
    by `translation_set`, CPR numbers masked there)."""
    translations.translations_save(
        obj=obj,
        language=ENGLISH,
        texts=texts,
        status=translations.REVIEWED,
        actor=by,
        council_id=council_id,
        created=created,
    )


def ensure_not_archived(council: Council | int) -> None:
    """R1: refuse every write to an archived council's data (its public pages stay). Every service that writes a
    council's data calls this first. `council`: the Council (its `archived_at` as loaded, no query) or its id
    (one query)."""
    if isinstance(council, Council):
        archived_at = council.archived_at
    else:
        archived_at = Council.objects.filter(pk=council).values_list("archived_at", flat=True).first()
    if archived_at is not None:
        raise RuleViolation([rules.Violation("", rules.archived_message(timezone.localdate(archived_at)))])
