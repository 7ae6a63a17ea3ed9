"""Contact details and citizen languages: writes of councils (raad.councils.services.contact)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from raad.core import audit, translations
from raad.core.errors import RuleViolation
from raad.core.languages import is_community
from raad.core.models import User
from raad.core.redaction import mask_cpr_in
from raad.core.services import fields_update
from raad.councils import rules
from raad.councils.models import Council

from .common import (
    _PROSE_FIELDS,
    COUNCIL_CONTACT_FIELDS,
    COUNCIL_TRANSLATED_FIELDS,
    ENGLISH,
    _save_english,
    ensure_not_archived,
)


@transaction.atomic
def council_update_contact(*, council: Council, data: dict[str, Any], by: User) -> Council:
    council = Council.objects.select_for_update().get(pk=council.pk)
    ensure_not_archived(council)
    council = fields_update(
        instance=council,
        fields=COUNCIL_CONTACT_FIELDS,
        data=mask_cpr_in(data, _PROSE_FIELDS),
        verb="council.contact_updated",
        by=by,
        council_id=council.pk,
    )
    _save_english(
        council, translations.texts_from(data, COUNCIL_TRANSLATED_FIELDS, ENGLISH), by=by, council_id=council.pk
    )
    return council


@transaction.atomic
def council_set_citizen_languages(*, council: Council, languages: list[str], by: User) -> Council:
    """Which community languages the council's citizen pages are offered in, besides Danish and English. Only
    languages the site is configured for (settings.LANGUAGES) can be chosen; they are kept in the site's order."""
    council = Council.objects.select_for_update().get(pk=council.pk)
    ensure_not_archived(council)
    offered = [code for code, _name in settings.LANGUAGES if is_community(code)]
    unknown = [code for code in languages if code not in offered]
    if unknown:
        raise RuleViolation(
            [
                rules.Violation(
                    "languages", _("Sproget findes ikke på webstedet: %(codes)s.") % {"codes": ", ".join(unknown)}
                )
            ]
        )
    chosen = [code for code in offered if code in languages]
    before = list(council.citizen_languages or [])
    if chosen == before:
        return council
    council.citizen_languages = chosen
    council.save(update_fields=["citizen_languages", "updated_at"])
    audit.record(
        actor=by,
        verb="council.citizen_languages_changed",
        target=council,
        council_id=council.pk,
        changes=audit.changed(citizen_languages=(before, chosen)),
    )
    return council
