"""SQLite: refuse an INSERT that would replace an existing journal entry (INSERT OR REPLACE deletes the old row
without firing the DELETE trigger of 0002, as SQLite's recursive triggers are off). PostgreSQL has no such
statement; its triggers from 0002 already refuse UPDATE, DELETE and TRUNCATE."""

from django.db import migrations

SQLITE_UP = [
    """CREATE TRIGGER core_auditentry_no_replace BEFORE INSERT ON core_auditentry
       WHEN EXISTS (SELECT 1 FROM core_auditentry WHERE id = NEW.id)
       BEGIN SELECT RAISE(ABORT, 'audit journal is append-only'); END;""",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS core_auditentry_no_replace;"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0004_move_meeting_mail_into_outbox")]

    operations = [migrations.RunPython(_run({"sqlite": SQLITE_UP}), _run({"sqlite": SQLITE_DOWN}))]
