"""Write and read the audit journal. Services call `record` inside their transaction."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
from typing import Any, NotRequired, TypedDict, Unpack

from django.contrib.contenttypes.models import ContentType
from django.db import models

from raad.core.i18n import in_council_language
from raad.core.models import AuditEntry, User

_VERB_LABELS: dict[str, Any] = {}


def register_verbs(labels: dict[str, Any]) -> None:
    """Human names for audit verbs (lazy translated strings); apps call this in AppConfig.ready()."""
    _VERB_LABELS.update(labels)


def verb_label(verb: str) -> str:
    """The human name of a verb, or the verb itself when no app named it."""
    label = _VERB_LABELS.get(verb)
    return str(label) if label is not None else verb


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of `fields` on `instance`, in a JSON-friendly form."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Only the fields that changed, as {field: {"before": …, "after": …}}."""
    return {
        name: {"before": before.get(name), "after": after.get(name)}
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def created(**after: Any) -> dict[str, dict[str, Any]]:
    """Fields that had no value before (a new record, or a field set the first time): {field: {"before": None, "after": …}}."""
    return {name: {"before": None, "after": value} for name, value in after.items()}


def changed(**pairs: tuple[Any, Any]) -> dict[str, dict[str, Any]]:
    """Fields whose before and after the service knows: changed(status=("draft", "sent"))."""
    return {name: {"before": before, "after": after} for name, (before, after) in pairs.items()}


PRIVATE_VALUE = "[personoplysning]"


def _mask_private(model: type[models.Model], changes: dict[str, Any]) -> dict[str, Any]:
    """Personal data never enters the append-only journal: a model lists its personal fields in
    AUDIT_PRIVATE_FIELDS, and for those the journal records that they changed, not their values (R35)."""
    private = set(getattr(model, "AUDIT_PRIVATE_FIELDS", ()))
    if not private:
        return changes
    masked = dict(changes)
    for name in private & set(changes):
        change = changes[name]
        if isinstance(change, dict):
            masked[name] = {key: (PRIVATE_VALUE if value not in (None, "") else value) for key, value in change.items()}
    return masked


def entry(
    *,
    actor: User | None,
    verb: str,
    target: models.Model | None = None,
    council_id: int | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """One journal entry, not yet saved: `record()` saves one, `record_many()` several in one insert.

    Labels are written in the site's main language (Danish), whatever language the request is in: the
    journal is the record, and it must not mix "Ordinært møde" and "Ordinary meeting" for the same meeting.
    """
    changes = changes or {}
    if target is not None:
        changes = _mask_private(type(target), changes)
    with in_council_language():
        new = AuditEntry(
            actor=actor if actor is not None and actor.pk else None,
            actor_label=(str(actor) if actor is not None and actor.pk else "system"),
            verb=verb,
            council_id=council_id,
            changes=_plain(changes),
        )
        if target is not None:
            new.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
            new.target_id = str(target.pk)
            # A model whose str() is personal data gives the journal a neutral `audit_label` instead.
            label = getattr(target, "audit_label", None)
            new.target_label = str(label if label is not None else target)[:300]
    return new


class EntryFields(TypedDict):
    """What `entry()` takes, for the functions that pass it on."""

    actor: User | None
    verb: str
    target: NotRequired[models.Model | None]
    council_id: NotRequired[int | None]
    changes: NotRequired[dict[str, Any] | None]


def record(**fields: Unpack[EntryFields]) -> AuditEntry:
    """Append one entry to the journal (`entry()`'s fields). Call inside the service's transaction."""
    new = entry(**fields)
    new.save()
    return new


def record_many(entries: Iterable[AuditEntry]) -> list[AuditEntry]:
    """Append several entries made by `entry()` in one insert, in their order (a write of many rows at once).
    Call inside the service's transaction."""
    return AuditEntry.objects.bulk_create(list(entries))


def entries_for_council(council_id: int, *, limit: int = 200):
    return (
        AuditEntry.objects.filter(council_id=council_id)
        .select_related("actor", "target_type")
        .order_by("-at", "-id")[:limit]
    )
