"""Issue #11: the English texts leave their `_en` sibling fields for core.ContentTranslation, the one mechanism
for translated content (raad.core.translations). Every non-empty `x_en` becomes a row (language "en", status
"reviewed": the secretariat wrote it) with the fingerprint of the Danish it was written beside; then the
`_en` fields go. Backwards: the rows are copied back into the fields, and removed."""

import hashlib

from django.db import migrations

APP = "statements"
# model name: the Danish fields whose `_en` sibling moves
FIELDS = {
    "Committee": ["name"],
    "Consultation": ["subject", "summary"],
    "Statement": ["title"],
    "FollowUp": ["decision", "how_used"],
}
LANGUAGE = "en"


def _fingerprint(text):
    return hashlib.sha256((text or "").strip().encode()).hexdigest()


def english_into_translations(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentTranslation = apps.get_model("core", "ContentTranslation")
    for model_name, fields in FIELDS.items():
        model = apps.get_model(APP, model_name)
        content_type, _created = ContentType.objects.get_or_create(app_label=APP, model=model_name.lower())
        values = ["pk", *fields, *(f"{field}_en" for field in fields)]
        for row in model.objects.values(*values).iterator():
            for field in fields:
                english = row[f"{field}_en"] or ""
                if not english.strip():
                    continue
                ContentTranslation.objects.update_or_create(
                    content_type=content_type,
                    object_id=str(row["pk"]),
                    field=field,
                    language=LANGUAGE,
                    defaults={"text": english, "status": "reviewed", "source_hash": _fingerprint(row[field])},
                )


def translations_into_english(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentTranslation = apps.get_model("core", "ContentTranslation")
    for model_name, fields in FIELDS.items():
        model = apps.get_model(APP, model_name)
        content_type = ContentType.objects.filter(app_label=APP, model=model_name.lower()).first()
        if content_type is None:
            continue
        rows = ContentTranslation.objects.filter(content_type=content_type, language=LANGUAGE, field__in=fields)
        by_object = {}
        for row in rows:
            by_object.setdefault(row.object_id, {})[f"{row.field}_en"] = row.text
        for object_id, english in by_object.items():
            model.objects.filter(pk=object_id).update(**english)
        rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0007_content_translation"),
        ("statements", "0003_journal_entry_renamed_record_entry"),
    ]

    operations = [
        migrations.RunPython(english_into_translations, translations_into_english),
        migrations.RemoveField(model_name="committee", name="name_en"),
        migrations.RemoveField(model_name="consultation", name="subject_en"),
        migrations.RemoveField(model_name="consultation", name="summary_en"),
        migrations.RemoveField(model_name="statement", name="title_en"),
        migrations.RemoveField(model_name="followup", name="decision_en"),
        migrations.RemoveField(model_name="followup", name="how_used_en"),
    ]
