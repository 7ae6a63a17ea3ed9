"""Issue #11: the English texts leave their `_en` sibling fields for core.ContentTranslation, the one mechanism
for translated content (raad.core.translations). Every non-empty `x_en` becomes a row (language "en", status
"reviewed": the secretariat wrote it) with the fingerprint of the Danish it was written beside; then the
`_en` fields go. Backwards: the rows are copied back into the fields, and removed (raad.core.migration_support)."""

from django.db import migrations

from raad.core.migration_support import english_fields_into_translations

APP = "statements"
# model name: the Danish fields whose `_en` sibling moves
FIELDS = {
    "Committee": ["name"],
    "Consultation": ["subject", "summary"],
    "Statement": ["title"],
    "FollowUp": ["decision", "how_used"],
}
english_into_translations, translations_into_english = english_fields_into_translations(APP, FIELDS)


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
