"""The terms of reference (kommissorium) and its purposes: writes of councils
(raad.councils.services.terms_of_reference)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from raad.core import audit, search, translations
from raad.core.models import User
from raad.core.redaction import mask_cpr, mask_cpr_in
from raad.core.services import fields_update
from raad.councils.models import Purpose, PurposeTask, TermsOfReference

from .common import (
    _PROSE_FIELDS,
    ENGLISH,
    PURPOSE_FIELDS,
    PURPOSE_TRANSLATED_FIELDS,
    TOR_FIELDS,
    TOR_TRANSLATED_FIELDS,
    _save_english,
    ensure_not_archived,
)


@transaction.atomic
def terms_of_reference_update(*, terms: TermsOfReference, data: dict[str, Any], by: User) -> TermsOfReference:
    terms = TermsOfReference.objects.select_for_update(of=("self",)).select_related("council").get(pk=terms.pk)
    ensure_not_archived(terms.council)
    terms = fields_update(
        instance=terms,
        fields=TOR_FIELDS,
        data=mask_cpr_in(data, _PROSE_FIELDS),
        verb="terms_of_reference.updated",
        by=by,
        council_id=terms.council_id,
    )
    _save_english(
        terms, translations.texts_from(data, TOR_TRANSLATED_FIELDS, ENGLISH), by=by, council_id=terms.council_id
    )
    search.refresh_on_commit("council", terms.council_id)  # the search index follows (raad.core.search)
    return terms


@transaction.atomic
def purpose_update(*, purpose: Purpose, data: dict[str, Any], tasks: list[tuple[str, str]], by: User) -> Purpose:
    """Change a purpose's text and replace its list of tasks (Danish, English) in one step. The tasks'
    English is journalled with the list in this entry ("tasks": [[Danish, English], …]), not once more per task."""
    purpose = (
        Purpose.objects.select_for_update(of=("self",)).select_related("terms_of_reference__council").get(pk=purpose.pk)
    )
    council_id = purpose.terms_of_reference.council_id
    ensure_not_archived(purpose.terms_of_reference.council)
    before = audit.snapshot(purpose, PURPOSE_FIELDS)
    old_tasks = list(purpose.tasks.order_by("position", "id"))
    translations.prefetch(old_tasks, languages=[ENGLISH])
    before["tasks"] = [[t.text, translations.translated(t, "text", ENGLISH)] for t in old_tasks]
    data = mask_cpr_in(data, _PROSE_FIELDS)
    for name in PURPOSE_FIELDS:
        if name in data:
            setattr(purpose, name, data[name])
    purpose.save(update_fields=[*PURPOSE_FIELDS, "updated_at"])
    new_tasks = [(mask_cpr(da.strip()), mask_cpr(en.strip())) for da, en in tasks if da.strip()]
    if [list(t) for t in new_tasks] != before["tasks"]:
        translations.translations_delete(*old_tasks)
        purpose.tasks.all().delete()
        _tasks_create(purpose, new_tasks, by=by, council_id=council_id)
    after = audit.snapshot(purpose, PURPOSE_FIELDS)
    after["tasks"] = [list(t) for t in new_tasks]
    changes = audit.diff(before, after)
    if changes:
        audit.record(actor=by, verb="purpose.updated", target=purpose, council_id=council_id, changes=changes)
    _save_english(
        purpose, translations.texts_from(data, PURPOSE_TRANSLATED_FIELDS, ENGLISH), by=by, council_id=council_id
    )
    search.refresh_on_commit("council", purpose.terms_of_reference.council_id)  # the search index follows
    return purpose


def _tasks_create(
    purpose: Purpose, tasks: list[tuple[str, str]], *, by: User | None, council_id: int, record: bool = False
) -> None:
    """A purpose's tasks (Danish, English) in order; the caller journals the list (or, `record`, each English
    text is journalled on its own)."""
    created = PurposeTask.objects.bulk_create(
        PurposeTask(purpose=purpose, position=index, text=da) for index, (da, _en) in enumerate(tasks, start=1)
    )
    for task, (_da, english) in zip(created, tasks, strict=True):
        if english.strip():
            translations.translation_set(
                obj=task,
                field="text",
                language=ENGLISH,
                text=english,
                status=translations.REVIEWED,
                actor=by,
                council_id=council_id,
                record=record,
            )
