"""Record-keeping (journalisering, R29) is a RecordEntry, not a JournalEntry: the audit journal is another thing."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_meeting_decision_link"),
        ("councils", "0001_initial"),
    ]

    operations = [
        migrations.RenameModel(old_name="JournalEntry", new_name="RecordEntry"),
        migrations.AlterField(
            model_name="recordentry",
            name="consultation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="record_entries",
                to="statements.consultation",
            ),
        ),
        migrations.AlterField(
            model_name="recordentry",
            name="council",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="record_entries", to="councils.council"
            ),
        ),
        migrations.AlterField(
            model_name="recordentry",
            name="statement",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="record_entries",
                to="statements.statement",
            ),
        ),
    ]
