"""Issue #11: the English texts leave their `_en` sibling fields for core.ContentTranslation, the one mechanism
for translated content (raad.core.translations). Every non-empty `x_en` becomes a row (language "en", status
"reviewed": the secretariat wrote it) with the fingerprint of the Danish it was written beside; then the
`_en` fields go. Backwards: the rows are copied back into the fields, and removed."""

import hashlib

from django.db import migrations

APP = "councils"
# model name: the Danish fields whose `_en` sibling moves
FIELDS = {
    "Council": ["name", "secretariat_unit", "contact_hours"],
    "TermsOfReference": [
        "introduction",
        "tasks_introduction",
        "limits",
        "composition",
        "economy",
        "organisation",
        "secretariat",
        "legal_basis",
    ],
    "Purpose": ["title", "description"],
    "PurposeTask": ["text"],
    "RulesOfProcedure": ["change_summary"],
    "RulesChange": ["change_summary"],
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
        ("councils", "0004_citizen_languages_inquiry_retention"),
    ]

    operations = [
        migrations.RunPython(english_into_translations, translations_into_english),
        migrations.RemoveField(model_name="council", name="name_en"),
        migrations.RemoveField(model_name="council", name="secretariat_unit_en"),
        migrations.RemoveField(model_name="council", name="contact_hours_en"),
        migrations.RemoveField(model_name="termsofreference", name="introduction_en"),
        migrations.RemoveField(model_name="termsofreference", name="tasks_introduction_en"),
        migrations.RemoveField(model_name="termsofreference", name="limits_en"),
        migrations.RemoveField(model_name="termsofreference", name="composition_en"),
        migrations.RemoveField(model_name="termsofreference", name="economy_en"),
        migrations.RemoveField(model_name="termsofreference", name="organisation_en"),
        migrations.RemoveField(model_name="termsofreference", name="secretariat_en"),
        migrations.RemoveField(model_name="termsofreference", name="legal_basis_en"),
        migrations.RemoveField(model_name="purpose", name="title_en"),
        migrations.RemoveField(model_name="purpose", name="description_en"),
        migrations.RemoveField(model_name="purposetask", name="text_en"),
        migrations.RemoveField(model_name="rulesofprocedure", name="change_summary_en"),
        migrations.RemoveField(model_name="ruleschange", name="change_summary_en"),
    ]
