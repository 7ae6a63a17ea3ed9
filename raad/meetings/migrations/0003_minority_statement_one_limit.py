"""One minority statement concept (core.minority): the names of the minority may take 500 characters, as on a
statement (they took 300 here). Widening keeps every row; reversing narrows the column back to 300."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_extraordinary_meeting_requests"),
    ]

    operations = [
        migrations.AlterField(
            model_name="minoritystatement",
            name="members",
            field=models.CharField(max_length=500, verbose_name="mindretallet (navne)"),
        ),
        migrations.AlterField(
            model_name="minoritystatement",
            name="text",
            field=models.TextField(verbose_name="mindretalsudtalelse"),
        ),
    ]
