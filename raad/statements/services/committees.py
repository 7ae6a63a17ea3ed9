"""Committees: writes of statements (raad.statements.services.committees)."""

from __future__ import annotations

from django.db import transaction

from raad.core import audit, translations
from raad.core.models import User
from raad.councils.models import Municipality
from raad.statements.models import (
    Committee,
)


@transaction.atomic
def committee_create(
    *, municipality: Municipality, name: str, name_en: str = "", email: str = "", by: User | None
) -> Committee:
    committee = Committee.objects.create(municipality=municipality, name=name, email=email)
    audit.record(actor=by, verb="committee.created", target=committee, changes=audit.created(name=name))
    translations.translations_save(
        obj=committee, language="en", texts={"name": name_en}, status=translations.REVIEWED, actor=by, created=True
    )
    return committee
