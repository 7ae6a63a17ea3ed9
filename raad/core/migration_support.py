"""Pieces that data migrations share.

Released migrations depend on this module: it must not change behaviour. It works only with the historical
models of the `apps` a migration passes in (never the app models of today), so that what a migration does
stays what it did when it was written. A migration that needs something else gets a new function here."""

import hashlib


def _fingerprint(text):
    return hashlib.sha256((text or "").strip().encode()).hexdigest()


def english_fields_into_translations(app_label, fields, *, language="en"):
    """The (forward, backward) functions for `migrations.RunPython` that move English `<field>_en` sibling
    fields into core.ContentTranslation (issue #11) for the models of `app_label`; `fields` maps a model name
    to the Danish fields whose `_en` sibling moves.

    Forward: every non-empty `x_en` becomes a row (status "reviewed": the secretariat wrote it) with the
    fingerprint of the Danish it was written beside. Backward: the rows are copied back into the fields, and
    removed."""

    def forward(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentTranslation = apps.get_model("core", "ContentTranslation")
        for model_name, names in fields.items():
            model = apps.get_model(app_label, model_name)
            content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
            values = ["pk", *names, *(f"{field}_en" for field in names)]
            for row in model.objects.values(*values).iterator():
                for field in names:
                    english = row[f"{field}_en"] or ""
                    if not english.strip():
                        continue
                    ContentTranslation.objects.update_or_create(
                        content_type=content_type,
                        object_id=str(row["pk"]),
                        field=field,
                        language=language,
                        defaults={"text": english, "status": "reviewed", "source_hash": _fingerprint(row[field])},
                    )

    def backward(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentTranslation = apps.get_model("core", "ContentTranslation")
        for model_name, names in fields.items():
            model = apps.get_model(app_label, model_name)
            content_type = ContentType.objects.filter(app_label=app_label, model=model_name.lower()).first()
            if content_type is None:
                continue
            rows = ContentTranslation.objects.filter(content_type=content_type, language=language, field__in=names)
            by_object = {}
            for row in rows:
                by_object.setdefault(row.object_id, {})[f"{row.field}_en"] = row.text
            for object_id, english in by_object.items():
                model.objects.filter(pk=object_id).update(**english)
            rows.delete()

    return forward, backward
