"""The audit journal is append-only, through the ORM and in the database itself."""

import pytest
from django.db import DatabaseError, connection, transaction

from raad.core import audit
from raad.core.models import AuditEntry, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    actor = User.objects.create(username="camilla", first_name="Camilla", last_name="Holt")
    return audit.record(
        actor=actor,
        verb="test.changed",
        target=actor,
        council_id=7,
        changes=audit.diff({"title": "Gammel"}, {"title": "Ny"}),
    )


def test_record_keeps_actor_target_and_changes(entry):
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.actor_label == "Camilla Holt"
    assert stored.verb == "test.changed"
    assert stored.target_label == "Camilla Holt"
    assert stored.council_id == 7
    assert stored.changes == {"title": {"before": "Gammel", "after": "Ny"}}


def test_diff_lists_only_changed_fields():
    assert audit.diff({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {
        "b": {"before": 2, "after": 3},
        "c": {"before": None, "after": 4},
    }


def test_orm_refuses_to_change_or_delete(entry):
    entry.verb = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(verb="rewritten")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).verb == "test.changed"


def test_database_refuses_raw_update_and_delete(entry):
    table = AuditEntry._meta.db_table
    for statement in (f"UPDATE {table} SET verb = 'rewritten'", f"DELETE FROM {table}"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AuditEntry.objects.get(pk=entry.pk).verb == "test.changed"


def test_database_refuses_to_replace_an_entry_by_inserting_over_it(entry):
    """SQLite's INSERT OR REPLACE deletes the old row without firing a DELETE trigger; PostgreSQL's
    INSERT … ON CONFLICT DO UPDATE is an update. Both are refused, and the entry stays as it was."""
    table = AuditEntry._meta.db_table
    columns = [field.column for field in AuditEntry._meta.concrete_fields]
    values = ", ".join("'rewritten'" if column == "verb" else column for column in columns)
    select = f"SELECT {values} FROM {table} WHERE id = %s"
    statement = {
        "sqlite": f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) {select}",
        "postgresql": f"INSERT INTO {table} ({', '.join(columns)}) {select} "
        "ON CONFLICT (id) DO UPDATE SET verb = EXCLUDED.verb",
    }[connection.vendor]
    with (
        pytest.raises(DatabaseError, match="audit journal is append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, [entry.pk])
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.verb, stored.at, stored.changes) == ("test.changed", entry.at, entry.changes)
    assert AuditEntry.objects.count() == 1
