"""The secretariat's work on content translations (docs/translations.md, "Content translations and easy-read").

Reads (selectors):
- `council_languages(council)`: the languages a council's content is translated into: English, the council's
  community languages (`Council.citizen_languages`) and easy-read Danish (`translations.EASY_READ`).
- `items(council, languages)`: every registered object of the council × field × language with its status
  (missing / draft / reviewed / outdated), with one query for the objects and one for the translations per
  registered model; `summary(items)` counts them per model, field and language.

Writes (services, each change through `translations.translation_set`, which records the audit entry):
- `translations_save(...)`: the edit page of one object in one language.
- `po_export(...)` / `po_import(...)`: a gettext PO file for a professional translator and back.

The status of one text:
- missing: the Danish source has text, no translation exists;
- outdated: a translation exists but the Danish changed after it was made (its `source_hash` differs);
- draft / reviewed: the translation's own status (a draft is shown to readers, marked as not reviewed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from raad.core import po, translations
from raad.core.i18n import language_name
from raad.core.languages import is_configured
from raad.core.translations import EASY_READ, Registered

MISSING, DRAFT, REVIEWED, OUTDATED = "missing", "draft", "reviewed", "outdated"
STATUSES = (
    (MISSING, pgettext_lazy("translation status", "Mangler")),
    (DRAFT, pgettext_lazy("translation status", "Udkast")),
    (REVIEWED, pgettext_lazy("translation status", "Gennemgået")),
    (OUTDATED, pgettext_lazy("translation status", "Forældet")),
)
EASY_READ_LABEL = gettext_lazy("Let dansk")


def language_label(code: str) -> str:
    """The language's name for the secretariat: "Let dansk" for easy-read, else its own name ("English")."""
    if code == EASY_READ:
        return str(EASY_READ_LABEL)
    try:
        return language_name(code)
    except KeyError:
        return code


def field_label(model: type[models.Model], name: str) -> str:
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def council_languages(council: Any) -> list[str]:
    """English, the council's community languages, then easy-read Danish; Danish (the source) never."""
    languages = ["en"]
    for code in getattr(council, "citizen_languages", None) or []:
        if code and code != settings.LANGUAGE_CODE and code not in languages:
            languages.append(code)
    languages.append(EASY_READ)
    return languages


def model_key(model: type[models.Model]) -> str:
    """ "dialogue.topic": the model's part of an object's key in URLs and PO files."""
    return model._meta.label_lower


def registered_by_key(key: str) -> Registered | None:
    for entry in translations.registered():
        if model_key(entry.model) == key:
            return entry
    return None


def council_queryset(entry: Registered, council: Any) -> models.QuerySet:
    """The registered model's objects that belong to `council` (all of them when it names no council path),
    limited to those its registration names translatable (`only`)."""
    queryset = entry.model._default_manager.all()
    if entry.only is not None:
        queryset = queryset.filter(entry.only)
    if entry.council and council is not None:
        # "pk": the council itself; a path through a to-many relation (a person's memberships) may repeat rows.
        value = council.pk if entry.council == "pk" else council
        queryset = queryset.filter(**{entry.council: value}).distinct()
    return queryset.order_by("pk")


@dataclass
class Item:
    """One field of one object in one language, and where its translation stands."""

    entry: Registered
    obj: models.Model
    field: str
    language: str
    status: str
    row: Any  # core.ContentTranslation or None
    source: str

    @property
    def model_key(self) -> str:
        return model_key(self.entry.model)

    @property
    def key(self) -> str:
        return f"{self.model_key}:{self.obj.pk}:{self.field}"

    @property
    def field_label(self) -> str:
        return field_label(self.entry.model, self.field)

    @property
    def status_label(self) -> str:
        return str(dict(STATUSES)[self.status])

    @property
    def language_label(self) -> str:
        return language_label(self.language)


def status_of(row: Any, source: str) -> str:
    if row is None or not (row.text or "").strip():
        return MISSING
    if row.source_hash and row.source_hash != translations.source_hash(source):
        return OUTDATED
    return REVIEWED if row.status == REVIEWED else DRAFT


def _rows(entry: Registered, objects: Sequence[models.Model], languages: Sequence[str]) -> dict:
    from raad.core.models import ContentTranslation

    if not objects:
        return {}
    content_type = ContentType.objects.get_for_model(entry.model)
    rows = ContentTranslation.objects.filter(
        content_type=content_type, object_id__in=[str(obj.pk) for obj in objects], language__in=list(languages)
    )
    return {(row.object_id, row.field, row.language): row for row in rows}


def items(
    council: Any,
    languages: Sequence[str] | None = None,
    *,
    entries: Iterable[Registered] | None = None,
    objects: dict | None = None,
) -> list[Item]:
    """Every translatable text of the council (a non-empty Danish source) in each of `languages` (default:
    `council_languages`), ordered by model, object, field, language. Two queries per registered model.
    `objects` ({model: [objects]}) restricts the list to those objects (the edit page)."""
    languages = list(languages) if languages is not None else council_languages(council)
    found: list[Item] = []
    for entry in entries if entries is not None else translations.registered():
        listed = list(objects[entry.model]) if objects is not None else list(council_queryset(entry, council))
        rows = _rows(entry, listed, languages)
        for obj in listed:
            for name in entry.fields:
                source = (getattr(obj, name, "") or "").strip()
                if not source:
                    continue
                for language in languages:
                    row = rows.get((str(obj.pk), name, language))
                    found.append(
                        Item(
                            entry=entry,
                            obj=obj,
                            field=name,
                            language=language,
                            status=status_of(row, source),
                            row=row,
                            source=source,
                        )
                    )
    return found


@dataclass
class SummaryRow:
    entry: Registered
    field: str
    language: str
    counts: dict[str, int]

    @property
    def label(self) -> str:
        return str(self.entry.label)

    @property
    def field_label(self) -> str:
        return field_label(self.entry.model, self.field)

    @property
    def language_label(self) -> str:
        return language_label(self.language)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def summary(found: Sequence[Item], languages: Sequence[str]) -> list[SummaryRow]:
    """Counts per status for each registered model × field × language (rows with no text left out)."""
    counts: dict[tuple, Counter] = {}
    order: list[tuple] = []
    for item in found:
        key = (item.entry.model, item.field, item.language)
        if key not in counts:
            counts[key] = Counter()
            order.append(key)
        counts[key][item.status] += 1
    by_model = {entry.model: entry for entry in translations.registered()}
    language_order = {code: index for index, code in enumerate(languages)}
    order.sort(key=lambda k: (str(by_model[k[0]].label), by_model[k[0]].fields.index(k[1]), language_order[k[2]]))
    return [
        SummaryRow(
            entry=by_model[model],
            field=name,
            language=language,
            counts={status: counts[(model, name, language)][status] for status, _label in STATUSES},
        )
        for model, name, language in order
    ]


def object_for(council: Any, key: str, pk: str) -> tuple[Registered, models.Model] | None:
    """The registered object `pk` of model `key` ("dialogue.topic") if it belongs to `council`."""
    entry = registered_by_key(key)
    if entry is None:
        return None
    try:
        obj = council_queryset(entry, council).filter(pk=pk).first()
    except (ValueError, TypeError):
        return None
    return (entry, obj) if obj is not None else None


# --- Writes ----------------------------------------------------------------------------------------------


def _write(
    *, obj: models.Model, name: str, language: str, text: str, status: str, row: Any, actor: Any, council_id
) -> bool:
    """Write one translation unless it is already stored exactly so (and made from the current Danish)."""
    source = (getattr(obj, name, "") or "").strip()
    text = translations.stored_form(text).strip()
    if row is None and not text:
        return False
    if (
        row is not None
        and row.text.strip() == text
        and row.status == status
        and row.source_hash == translations.source_hash(source)
    ):
        return False
    translations.translation_set(
        obj=obj, field=name, language=language, text=text, status=status, actor=actor, council_id=council_id
    )
    return True


@transaction.atomic
def translations_save(
    *,
    obj: models.Model,
    language: str,
    values: dict[str, tuple[str, str]],
    actor: Any,
    council_id: int | None,
) -> int:
    """Save the translations of `obj` into `language` from the edit page: `values` {field: (text, status)}.
    Only what changed is written (one audit entry each, by `translation_set`); returns how many changed."""
    entry = translations.registration(type(obj))
    if entry is None:
        raise ValueError(f"{type(obj).__name__} is not registered as translatable")
    if not _known_language(language):
        raise ValueError(f"{language!r} is not a language content is translated into")
    existing = _rows(entry, [obj], [language])
    changed = 0
    for name, (text, status) in values.items():
        if name not in entry.fields:
            raise ValueError(f"{name} is not a translatable field of {type(obj).__name__}")
        row = existing.get((str(obj.pk), name, language))
        if _write(
            obj=obj, name=name, language=language, text=text, status=status, row=row, actor=actor, council_id=council_id
        ):
            changed += 1
    return changed


def _known_language(language: str) -> bool:
    """A language content is translated into: easy-read Danish, or a configured language other than Danish."""
    return language == EASY_READ or (language != settings.LANGUAGE_CODE and is_configured(language))


def po_export(*, council: Any, language: str) -> str:
    """A PO file of every translatable text of `council` for `language`: msgctxt "app.model:pk:field", msgid
    the Danish source, msgstr the translation (empty when missing); `fuzzy` on drafts and on translations
    whose Danish changed since (outdated), no flag on reviewed ones."""
    found = items(council, [language])
    entries = []
    for item in found:
        flags = ["fuzzy"] if item.status in (DRAFT, OUTDATED) else []
        comments = [f"{item.entry.label}: {item.obj} – {item.field_label}"]
        if item.status == OUTDATED:
            comments.append(_("Den danske tekst er ændret, siden oversættelsen blev lavet."))
        entries.append(
            po.Entry(
                msgctxt=item.key,
                msgid=item.source,
                msgstr=(item.row.text.strip() if item.row is not None else ""),
                flags=flags,
                comments=comments,
            )
        )
    now = timezone.now().strftime("%Y-%m-%d %H:%M+0000")
    header = {
        "Project-Id-Version": f"Råd {getattr(council, 'slug', '')}".strip(),
        "Report-Msgid-Bugs-To": getattr(council, "contact_email", "") or "",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Last-Translator": "",
        "Language-Team": language_label(language),
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Raad-Council": getattr(council, "slug", ""),
    }
    notes = [
        _("Indholdsoversættelser fra Råd: %(council)s, sprog: %(language)s.")
        % {"council": council, "language": language_label(language)},
        _('Oversæt msgstr. Fjern markeringen "fuzzy", når oversættelsen er gennemgået.'),
        _("Ret ikke msgctxt eller msgid: de viser, hvilken tekst oversættelsen hører til."),
    ]
    return po.write(entries, header, notes)


@dataclass
class ImportResult:
    language: str = ""
    imported: int = 0  # translations written
    unchanged: int = 0  # the same text and status as stored
    untranslated: int = 0  # empty msgstr: nothing to import
    errors: list[str] = field(default_factory=list)  # translated messages, one per refused entry or for the file


def po_import(*, content: bytes | str, council: Any = None, actor: Any = None, language: str = "") -> ImportResult:
    """Read a PO file made by `po_export` and store its translations (through `translation_set`, one audit
    entry per change), all in one transaction. Entries that name an unknown object or field, an object of
    another council, or whose msgid is no longer the Danish text, are refused with a message and not imported;
    a file that cannot be read imports nothing. `language` (optional) must match the file's."""
    result = ImportResult()
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8")
        except UnicodeDecodeError:
            result.errors.append(_("Filen er ikke gemt som UTF-8. Gem den igen som UTF-8 og prøv på ny."))
            return result
    try:
        header, entries = po.read(content)
    except po.POError as error:
        result.errors.append(
            _("Filen kan ikke læses som en PO-fil (linje %(line)s): %(error)s") % {"line": error.line, "error": error}
        )
        return result
    file_language = header.get("Language", "").strip()
    if not _known_language(file_language):
        result.errors.append(
            _("Filens sprog (%(language)s) er ikke et sprog, rådets tekster oversættes til.")
            % {"language": file_language or "–"}
        )
        return result
    if language and file_language != language:
        result.errors.append(
            _("Filen er på %(file)s, men du valgte %(chosen)s.")
            % {"file": language_label(file_language), "chosen": language_label(language)}
        )
        return result
    result.language = file_language

    # Resolve every entry first: one query per model for the objects it names.
    wanted: dict[Registered, set[str]] = {}
    parsed: list[tuple[po.Entry, Registered | None, str, str]] = []
    for entry in entries:
        key, pk, name = _split_context(entry.msgctxt)
        registered = registered_by_key(key) if key else None
        parsed.append((entry, registered, pk, name))
        if registered is not None and name in registered.fields:
            wanted.setdefault(registered, set()).add(pk)
    found: dict[tuple[Registered, str], models.Model] = {}
    stored: dict[tuple[str, str, str, str], Any] = {}
    for registered, pks in wanted.items():
        queryset = council_queryset(registered, council)
        valid = [pk for pk in pks if _valid_pk(registered.model, pk)]
        objects = list(queryset.filter(pk__in=valid))
        for obj in objects:
            found[(registered, str(obj.pk))] = obj
        for (object_id, name, row_language), row in _rows(registered, objects, [file_language]).items():
            stored[(model_key(registered.model), object_id, name, row_language)] = row

    council_id = getattr(council, "pk", None)
    with transaction.atomic():
        for entry, registered, pk, name in parsed:
            where = _("linje %(line)s") % {"line": entry.line}
            obj = found.get((registered, pk)) if registered is not None and name in registered.fields else None
            if obj is None or registered is None:
                result.errors.append(
                    _("%(where)s: teksten %(context)s findes ikke (længere) hos rådet og er ikke importeret.")
                    % {"where": where, "context": entry.msgctxt or "–"}
                )
                continue
            source = (getattr(obj, name, "") or "").strip()
            if translations.source_hash(entry.msgid) != translations.source_hash(source):
                result.errors.append(
                    _(
                        "%(where)s: den danske tekst til %(context)s er ændret, siden filen blev lavet. "
                        "Oversættelsen er ikke importeret: eksportér en ny fil."
                    )
                    % {"where": where, "context": entry.msgctxt}
                )
                continue
            if not entry.msgstr.strip():
                result.untranslated += 1
                continue
            status = DRAFT if entry.fuzzy else REVIEWED
            row = stored.get((model_key(registered.model), pk, name, file_language))
            if entry.fuzzy and row is not None and row.text.strip() == translations.stored_form(entry.msgstr).strip():
                # An outdated or draft translation the translator left as it was (still fuzzy): it keeps its
                # status and stays outdated until someone reviews it.
                result.unchanged += 1
                continue
            if _write(
                obj=obj,
                name=name,
                language=file_language,
                text=entry.msgstr,
                status=status,
                row=row,
                actor=actor,
                council_id=council_id,
            ):
                result.imported += 1
            else:
                result.unchanged += 1
    return result


def _split_context(context: str | None) -> tuple[str, str, str]:
    parts = (context or "").split(":")
    if len(parts) != 3 or not all(parts):
        return "", "", ""
    return parts[0], parts[1], parts[2]


def _valid_pk(model: type[models.Model], pk: str) -> bool:
    try:
        model._meta.pk.to_python(pk)
    except Exception:  # noqa: BLE001 - a malformed key is just not found
        return False
    return True
