"""Translated content: one mechanism for any number of languages (see docs/translations.md).

The Danish text is the record and stays in the model's own field (`statement.title`); a translation into
any other language, and the easy-read Danish version (`EASY_READ`), is a `core.ContentTranslation` row
keyed by (object, field, language) with a status (draft / reviewed). Adding a language is configuration
(settings.LANGUAGES and the council's `citizen_languages`) plus translations, never a migration.

An app declares its translatable fields once, in its AppConfig.ready():

    translations.register(Statement, ["title", "summary"], label=_("Udtalelser"))

Reading:
- `localized(obj, "title")`: the text in the active language; where none exists, the Danish (the page says
  so with `is_fallback`). Easy-read Danish replaces the Danish where the reader asked for it and one exists.
- `prefetch(objects)` before a loop: one query for the whole list in the active language, so templates
  reading `localized` in a loop make no further queries.

Writes (`translation_set`) live in `raad.core.services`-style functions in this module's service section:
they record an audit entry like every other write.
"""

from __future__ import annotations

import contextvars
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language

# The easy-read Danish version (let dansk) is a language variant of Danish: BCP 47 private use subtag.
EASY_READ = "da-x-easy"
# Where the reader's choice of easy-read Danish is kept (core.views.easy_read sets it, the middleware reads it).
EASY_READ_SESSION_KEY = "raad_easy_read"

# The statuses of a translation (core.ContentTranslation.Status), for callers that do not import the model.
DRAFT = "draft"
REVIEWED = "reviewed"

# Per request: the reader asked for easy-read Danish (set by the middleware from the session).
_easy_read: contextvars.ContextVar[bool] = contextvars.ContextVar("raad_easy_read", default=False)

_CACHE = "_raad_translations"  # {(field, language): ContentTranslation} on a prefetched object


@dataclass(frozen=True)
class Registered:
    model: type[models.Model]
    fields: tuple[str, ...]
    label: Any  # lazy text
    # The ORM path from the model to its council ("council", "terms_of_reference__council"), so the
    # secretariat's translation pages list one council's objects with one query per model. None: the
    # objects belong to no one council (they are listed for every council).
    council: str | None = None
    # Which of the model's objects are translatable at all (a Q on the model): the translation desk lists,
    # edits and imports only these. None: every object.
    only: models.Q | None = None


_REGISTRY: dict[type[models.Model], Registered] = {}


def register(
    model: type[models.Model],
    fields: Sequence[str],
    *,
    label: Any = None,
    council: str | None = None,
    only: models.Q | None = None,
) -> None:
    """Declare `fields` of `model` translatable. The Danish source stays on the model.

    `council`: the ORM path to the object's council, e.g. "terms_of_reference__council" (default: "council"
    when the model has a field of that name). `only`: a Q that picks the objects worth translating (the
    published text of a statement, not its drafts); the translation desk lists, edits and imports only those."""
    for name in fields:
        model._meta.get_field(name)  # fails early on a typo
    if council is None and any(f.name == "council" for f in model._meta.get_fields()):
        council = "council"
    _REGISTRY[model] = Registered(
        model=model,
        fields=tuple(fields),
        label=label or model._meta.verbose_name_plural,
        council=council,
        only=only,
    )


def registered() -> list[Registered]:
    return list(_REGISTRY.values())


def registration(model: type[models.Model]) -> Registered | None:
    """How `model` (or, for a proxy, its concrete model) is registered; None when it is not."""
    meta = getattr(model, "_meta", None)
    return _REGISTRY.get(model) or (_REGISTRY.get(getattr(meta, "concrete_model", model)) if meta else None)


def translatable_fields(model: type[models.Model]) -> tuple[str, ...]:
    entry = registration(model)
    return entry.fields if entry else ()


def source_hash(text: str) -> str:
    return hashlib.sha256((text or "").strip().encode()).hexdigest()


def stored_form(text: str) -> str:
    """The text as `translation_set` stores it: cleaned (`core.text.clean_text`), CPR numbers masked (R30)."""
    from raad.core.text import clean_text

    return clean_text(text)


def active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def set_easy_read(on: bool) -> contextvars.Token:
    return _easy_read.set(on)


def reset_easy_read(token: contextvars.Token) -> None:
    _easy_read.reset(token)


def easy_read_requested() -> bool:
    return _easy_read.get()


def _wanted_languages() -> list[str]:
    """The language variants to look for, best first, for the active language and the reader's choice."""
    language = active_language()
    if language == settings.LANGUAGE_CODE:
        return [EASY_READ] if easy_read_requested() else []
    return [language]


def prefetch(objects: Iterable[models.Model | None], languages: Sequence[str] | None = None) -> None:
    """Attach the translations of `objects` (of one model or several) in `languages` (default: what the
    active language and the reader's choice need) with one query for them all; none on a Danish page."""
    wanted = list(languages) if languages is not None else _wanted_languages()
    by_model: dict[type[models.Model], dict[str, list[models.Model]]] = {}
    for obj in objects:
        if obj and getattr(obj, "pk", None) is not None:  # `obj and`: a lazy object that holds None
            setattr(obj, _CACHE, {})
            by_model.setdefault(obj.__class__, {}).setdefault(str(obj.pk), []).append(obj)
    if not by_model or not wanted:
        return
    from raad.core.models import ContentTranslation

    content_types = ContentType.objects.get_for_models(*by_model)
    where = models.Q()
    for model, by_id in by_model.items():
        where |= models.Q(content_type=content_types[model], object_id__in=list(by_id))
    model_of = {content_types[model].pk: model for model in by_model}
    for row in ContentTranslation.objects.filter(where, language__in=wanted):
        for obj in by_model[model_of[row.content_type_id]].get(row.object_id, ()):
            getattr(obj, _CACHE)[(row.field, row.language)] = row


def is_prefetched(obj: Any) -> bool:
    """`prefetch` has read this object's translations already (for the active language)."""
    return hasattr(obj, _CACHE)


def translations_of(obj: models.Model, language: str) -> dict[str, str]:
    """{field: text} of the stored translations of `obj` into `language` (for a form's initial values)."""
    prefetch([obj], languages=[language])
    return {field: row.text for (field, lang), row in getattr(obj, _CACHE, {}).items() if lang == language}


def _translation(obj: models.Model, field: str, language: str):
    if obj.pk is None:
        return None
    cache = getattr(obj, _CACHE, None)
    if cache is None:
        prefetch([obj])
        cache = getattr(obj, _CACHE)
    if (field, language) not in cache and language not in _wanted_languages():
        from raad.core.models import ContentTranslation

        row = ContentTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj.__class__),
            object_id=str(obj.pk),
            field=field,
            language=language,
        ).first()
        cache[(field, language)] = row
    return cache.get((field, language))


@dataclass(frozen=True)
class Localized:
    """A text as shown: in which language, whether it is a fallback to Danish, whether it is an
    unreviewed draft translation."""

    text: str
    language: str
    is_fallback: bool
    is_draft: bool

    def __str__(self) -> str:
        return self.text


def localized_text(obj: Any, field: str) -> Localized:
    """The text of `obj.field` for the active language and the reader's easy-read choice."""
    source = getattr(obj, field, "") or ""
    for language in _wanted_languages():
        row = _translation(obj, field, language)
        if row is not None and row.text.strip():
            return Localized(
                text=row.text, language=language, is_fallback=False, is_draft=row.status == row.Status.DRAFT
            )
    active = active_language()
    return Localized(
        text=source,
        language=settings.LANGUAGE_CODE,
        is_fallback=active != settings.LANGUAGE_CODE and bool(source.strip()),
        is_draft=False,
    )


def translated(obj: models.Model, field: str, language: str) -> str:
    """The stored translation of `obj.field` into `language`, or "" (no fallback: for forms and services)."""
    row = _translation(obj, field, language)
    return row.text if row is not None else ""


def texts_from(data: dict[str, Any], fields: Iterable[str], language: str) -> dict[str, str]:
    """{field: text} from a form's cleaned data that holds the translation of `field` as `<field>_<language>`
    ("name_en", the form field "navn (engelsk)"); fields the data does not hold are left out."""
    return {field: data[f"{field}_{language}"] or "" for field in fields if f"{field}_{language}" in data}


def localized(obj: Any, field: str) -> str:
    """The text of `obj.field` in the active language, else the Danish."""
    if not obj:  # None, or a lazy object that holds None (the page's council where there is none)
        return ""
    return localized_text(obj, field).text


def has_easy_read(objects: Iterable[models.Model]) -> bool:
    """Whether any of `objects` (registered models) has an easy-read Danish version of a field: one query."""
    from django.db.models import Q

    from raad.core.models import ContentTranslation

    by_model: dict[type[models.Model], list[str]] = {}
    for obj in objects:
        if obj is not None and translatable_fields(type(obj)):
            by_model.setdefault(type(obj), []).append(str(obj.pk))
    if not by_model:
        return False
    condition = Q()
    for model, ids in by_model.items():
        condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    return ContentTranslation.objects.filter(condition, language=EASY_READ).exclude(text="").exists()


# --- Writes ----------------------------------------------------------------------------------------------


def translation_set(
    *,
    obj: models.Model,
    field: str,
    language: str,
    text: str,
    status: str,
    actor: Any = None,
    council_id: int | None = None,
    record: bool = True,
) -> Any:
    """Store (or, with an empty text, remove) the translation of `obj.field` into `language`, with the
    source hash of the Danish it was made from; one audit entry ("translation.saved" / "translation.removed")
    with the text before and after under the field's own name (so the journal shows the field's label, and
    a personal field of the model, AUDIT_PRIVATE_FIELDS, is recorded as changed without its values, R35),
    the language and the status. Nothing changes and nothing is journalled when the text, the status and
    the source are as stored. `record=False` only where the caller's own entry holds the text (a purpose's
    list of tasks). Returns the row, or None when removed or never there."""
    from django.db import transaction

    from raad.core import audit
    from raad.core.models import ContentTranslation

    if field not in translatable_fields(obj.__class__):
        raise ValueError(f"{obj.__class__.__name__}.{field} is not registered as translatable")
    if language == settings.LANGUAGE_CODE:
        raise ValueError("the Danish text is the source: edit the object itself")
    if status not in ContentTranslation.Status.values:
        raise ValueError(f"unknown translation status {status!r}")
    text = stored_form(text)
    content_type = ContentType.objects.get_for_model(obj.__class__)
    fingerprint = source_hash(getattr(obj, field, "") or "")
    with transaction.atomic():
        row = (
            ContentTranslation.objects.select_for_update()
            .filter(content_type=content_type, object_id=str(obj.pk), field=field, language=language)
            .first()
        )
        before_text, before_status = (row.text, row.status) if row else ("", "")
        if not text.strip():
            if row is None:
                return None
            row.delete()
            row = None
            verb, changes = "translation.removed", {field: {"before": before_text, "after": ""}, "language": language}
        else:
            if row is not None and (row.text, row.status, row.source_hash) == (text, status, fingerprint):
                return row
            if row is None:
                row = ContentTranslation(
                    content_type=content_type, object_id=str(obj.pk), field=field, language=language
                )
            row.text = text
            row.status = status
            row.source_hash = fingerprint
            row.save()
            verb, changes = (
                "translation.saved",
                {
                    field: {"before": before_text, "after": row.text},
                    "language": language,
                    "status": {"before": before_status, "after": row.status},
                },
            )
        if record:
            audit.record(actor=actor, verb=verb, target=obj, council_id=council_id, changes=changes)
    _forget(obj)
    return row


def translations_save(
    *,
    obj: models.Model,
    language: str,
    texts: dict[str, str],
    status: str,
    actor: Any = None,
    council_id: int | None = None,
    created: bool = False,
) -> None:
    """The texts a person typed beside the Danish (a form's "… (engelsk)" fields): each one that differs
    from the stored translation is saved with `translation_set` (an emptied one removes it); an unchanged
    one is left alone, so a Danish edit makes its translation outdated rather than silently current.
    Call it inside the service's transaction, after the Danish is saved; `created`: the object was created
    in it, so nothing is stored yet (no query to compare with)."""
    if created:
        texts = {field: text for field, text in texts.items() if (text or "").strip()}
    if not texts:
        return
    stored = {} if created else translations_of(obj, language)
    for field, text in texts.items():
        if (text or "").strip() != (stored.get(field) or "").strip():
            translation_set(
                obj=obj, field=field, language=language, text=text, status=status, actor=actor, council_id=council_id
            )


def translations_delete(*objects: models.Model) -> int:
    """Remove every translation of `objects` (one query per model): before the objects themselves are
    deleted, or with their personal data when a person is erased (R35). The caller's own audit entry
    records the deletion or erasure. Returns how many rows were removed."""
    from raad.core.models import ContentTranslation

    by_model: dict[type[models.Model], list[str]] = {}
    for obj in objects:
        by_model.setdefault(obj.__class__, []).append(str(obj.pk))
        _forget(obj)
    removed = 0
    for model, ids in by_model.items():
        content_type = ContentType.objects.get_for_model(model)
        count, _by_model = ContentTranslation.objects.filter(content_type=content_type, object_id__in=ids).delete()
        removed += count
    return removed


def _forget(obj: models.Model) -> None:
    if hasattr(obj, _CACHE):
        delattr(obj, _CACHE)
