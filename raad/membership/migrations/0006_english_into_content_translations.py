"""Issue #11: the English texts leave their `_en` sibling fields for core.ContentTranslation, the one mechanism
for translated content (raad.core.translations). Every non-empty `x_en` becomes a row (language "en", status
"reviewed": the secretariat wrote it) with the fingerprint of the Danish it was written beside; then the
`_en` fields go. Backwards: the rows are copied back into the fields, and removed (raad.core.migration_support)."""

from django.db import migrations

from raad.core.migration_support import english_fields_into_translations

APP = "membership"
# model name: the Danish fields whose `_en` sibling moves
FIELDS = {"Person": ["bio"]}
english_into_translations, translations_into_english = english_fields_into_translations(APP, FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0007_content_translation"),
        ("membership", "0005_person_confidentiality_acknowledged"),
    ]

    operations = [
        migrations.RunPython(english_into_translations, translations_into_english),
        migrations.RemoveField(model_name="person", name="bio_en"),
    ]
