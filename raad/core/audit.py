"""Write and read the audit journal. Services call `record` inside their transaction."""

from __future__ import annotations

import datetime
import decimal
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict, Unpack

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from raad.core.languages import in_council_language
from raad.core.models import AuditEntry, User
from raad.core.text import plain_text

_VERB_LABELS: dict[str, Any] = {}


def register_verbs(labels: dict[str, Any]) -> None:
    """Human names for audit verbs (lazy translated strings); apps call this in AppConfig.ready()."""
    _VERB_LABELS.update(labels)


_CHANGE_LABELS: dict[str, Any] = {}


def register_change_labels(labels: dict[str, Any]) -> None:
    """Human names for the keys of recorded changes that are not fields of the entry's model (`changed(what=…)`,
    `created(items=…)`): lazy translated strings; apps call this in AppConfig.ready() (a test fails without)."""
    _CHANGE_LABELS.update(labels)


def change_label(name: str) -> str | None:
    """The registered human name of a change key, or None."""
    label = _CHANGE_LABELS.get(name)
    return str(label) if label is not None else None


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


_PRIVATE_VERBS: set[str] = set()


def register_private_verbs(verbs: Iterable[str]) -> None:
    """Verbs whose changes no public page, feed or file shows (a citizen's inquiry, a member's apology, a read of
    closed items): an entry with one of them leaves the public pages' generation where it was, so the page cache
    keeps serving. Apps call this in AppConfig.ready() for verbs they record; a verb whose change any public output
    shows, now or frozen later, must not be registered (the page cache's time limit is then the only bound)."""
    _PRIVATE_VERBS.update(verbs)


def private_verbs() -> frozenset[str]:
    return frozenset(_PRIVATE_VERBS)


def newest_public_entry_id() -> int:
    """The id of the newest entry whose change a public page may show (any verb not registered private), read on
    the primary, never a replica's lagging copy: the public pages' generation (raad.core.pagecache drops kept
    pages by it)."""
    entries = AuditEntry.objects.using("default").exclude(verb__in=_PRIVATE_VERBS)
    return entries.aggregate(newest=models.Max("id"))["newest"] or 0


def journal_for_council(council_id: int):
    """The council's whole journal, newest first (the journal page pages through it)."""
    return (
        AuditEntry.objects.filter(council_id=council_id).select_related("actor", "target_type").order_by("-at", "-id")
    )


def entries_for_council(council_id: int, *, limit: int = 200):
    return journal_for_council(council_id)[:limit]


@dataclass(frozen=True)
class ReadableChange:
    """One field's change as a person reads it: the field's label, and its values as text."""

    label: str
    before: str | None  # None when there was no value before (a creation)
    after: str


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# A Decimal is stored as its plain string (`_plain`); shown in the reader's number format (1.234,50 in Danish).
_DECIMAL = re.compile(r"^-?\d+\.(\d+)$")
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def readable_changes(entry: AuditEntry, *, limit: int = 80) -> list[ReadableChange]:
    """The entry's changes with the fields' human names (verbose_name) and readable values: Ja/Nej, dates
    formatted, choices by their label, formatted text reduced to plain text, long values truncated."""
    if not isinstance(entry.changes, dict):
        return []
    model = entry.target_type.model_class() if entry.target_type is not None else None
    result = []
    for name, change in entry.changes.items():
        field = _model_field(model, name)
        if isinstance(change, dict) and "after" in change:
            before, after = change.get("before"), change["after"]
        else:
            before, after = None, change
        result.append(
            ReadableChange(
                label=capfirst(
                    str(field.verbose_name) if field is not None else change_label(name) or name.replace("_", " ")
                ),
                before=None if before is None else readable_value(before, field=field, limit=limit),
                after=readable_value(after, field=field, limit=limit),
            )
        )
    return result


def _model_field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if hasattr(field, "verbose_name") else None


def readable_value(value: Any, *, field: Any = None, limit: int = 80) -> str:
    """A stored journal value as text a person reads (see readable_changes)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nej"))
    if isinstance(value, list):
        text = ", ".join(readable_value(v, field=None, limit=limit) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {readable_value(v, limit=limit)}" for k, v in value.items())
    elif isinstance(value, str) and _ISO_DATETIME.match(value) and (moment := parse_datetime(value)) is not None:
        text = date_format(timezone.localtime(moment) if timezone.is_aware(moment) else moment, "j. F Y H:i")
    elif isinstance(value, str) and _ISO_DATE.match(value) and (day := parse_date(value)) is not None:
        text = date_format(day, "j. F Y")
    elif isinstance(value, str) and (number := _DECIMAL.match(value)):
        places = len(number.group(1))
        text = formats.number_format(decimal.Decimal(value), places, use_l10n=True, force_grouping=True)
    elif isinstance(value, str) and _TAG.search(value):
        text = plain_text(value)
    else:
        choices = dict(getattr(field, "flatchoices", None) or [])
        text = str(choices.get(value, value))
    return Truncator(text).chars(limit)
