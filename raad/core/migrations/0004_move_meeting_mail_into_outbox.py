"""Move the meetings app's queued e-mails into the one outbox (core.OutgoingMail). Reversible: going back
copies the outbox rows that belong to a council into the meetings table again."""

from django.db import migrations

FIELDS = ("key", "to", "subject", "body", "sent_at", "attempts", "last_error", "created_at", "updated_at")


def forwards(apps, schema_editor):
    Old = apps.get_model("meetings", "OutgoingMail")
    New = apps.get_model("core", "OutgoingMail")
    rows = []
    for old in Old.objects.order_by("id").iterator():
        row = New(council_id=old.council_id, language="da", next_attempt_at=old.created_at)
        for field in FIELDS:
            setattr(row, field, getattr(old, field))
        rows.append(row)
    New.objects.bulk_create(rows, batch_size=500)
    # auto_now_add and auto_now overwrite the times on insert: put the original ones back.
    for old in Old.objects.order_by("id").iterator():
        New.objects.filter(key=old.key).update(created_at=old.created_at, updated_at=old.updated_at)


def backwards(apps, schema_editor):
    Old = apps.get_model("meetings", "OutgoingMail")
    New = apps.get_model("core", "OutgoingMail")
    rows = []
    for new in New.objects.filter(council_id__isnull=False).order_by("id").iterator():
        row = Old(council_id=new.council_id)
        for field in FIELDS:
            setattr(row, field, getattr(new, field))
        rows.append(row)
    Old.objects.bulk_create(rows, batch_size=500)
    for new in New.objects.filter(council_id__isnull=False).order_by("id").iterator():
        Old.objects.filter(key=new.key).update(created_at=new.created_at, updated_at=new.updated_at)
    New.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outgoing_mail_outbox"),
        ("meetings", "0002_extraordinary_meeting_requests"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
