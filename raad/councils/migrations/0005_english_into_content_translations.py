"""Issue #11: the English texts leave their `_en` sibling fields for core.ContentTranslation, the one mechanism
for translated content (raad.core.translations). Every non-empty `x_en` becomes a row (language "en", status
"reviewed": the secretariat wrote it) with the fingerprint of the Danish it was written beside; then the
`_en` fields go. Backwards: the rows are copied back into the fields, and removed (raad.core.migration_support)."""

from django.db import migrations

from raad.core.migration_support import english_fields_into_translations

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
english_into_translations, translations_into_english = english_fields_into_translations(APP, FIELDS)


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
