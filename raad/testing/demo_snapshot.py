"""The demo data set for tests, built once per test session and copied in after that.

`manage.py load_demo` runs every app's services (rules, terms, meetings, statements, PDFs …) and takes seconds;
about two hundred tests start from it, on SQLite, on PostgreSQL and again under the test clock. The first test
of a session that asks for it (the `demo_data` fixture) runs the real command on an empty database and keeps
every row it wrote; later tests get the same rows inserted with one statement per table. What the tests see is
the same data: same primary keys, same timestamps, same files (the files stay in the session's var directory).

A copy is only taken and used where it is exact:
- the database holds no rows of its own yet (a test that built data before asking for the demo gets the real
  command, as before);
- the day, the languages and the database are the ones the copy was made with (the test clock, a test that
  overrides LANGUAGES, a session that runs past midnight each get their own);
- content types and permissions, which Django re-creates with new ids after a transactional test, are looked
  up again by their natural keys.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.utils import timezone

from raad.core.search.index import refill_backend

# Rows Django writes itself (after migrate and after every flush): never part of the copy.
PRESEEDED = {("contenttypes", "contenttype"), ("auth", "permission"), ("sessions", "session")}


@dataclass
class _Table:
    model: type[models.Model]
    fields: list[models.Field]
    rows: list[tuple]


_copies: dict[tuple, list[_Table]] = {}


def _models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and (model._meta.app_label, model._meta.model_name) not in PRESEEDED
    ]


def _key(alias: str) -> tuple:
    return (
        timezone.localdate().isoformat(),
        connections[alias].vendor,
        tuple(code for code, _ in settings.LANGUAGES),
        tuple(getattr(settings, "RAAD_LANGUAGES", ())),
    )


def _is_empty(alias: str, model_list: list[type[models.Model]]) -> bool:
    return not any(model._base_manager.using(alias).exists() for model in model_list)


def _points_to(field: models.Field, target: type[models.Model]) -> bool:
    return bool(field.is_relation and field.related_model is target)


def _capture(alias: str, model_list: list[type[models.Model]]) -> list[_Table]:
    content_types = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.using(alias)}
    permissions = {p.pk: p.natural_key() for p in Permission.objects.using(alias).select_related("content_type")}
    tables = []
    for model in model_list:
        fields = list(model._meta.local_concrete_fields)
        rows = list(model._base_manager.using(alias).order_by().values_list(*[f.attname for f in fields]))
        if not rows:
            continue
        for index, field in enumerate(fields):  # by natural key: the ids can change within a session
            if _points_to(field, ContentType):
                rows = [row[:index] + (content_types.get(row[index]),) + row[index + 1 :] for row in rows]
            elif _points_to(field, Permission):
                rows = [row[:index] + (permissions.get(row[index]),) + row[index + 1 :] for row in rows]
        tables.append(_Table(model, fields, rows))
    return tables


def _value(field: models.Field, value: Any, connection) -> Any:
    if value is not None and _points_to(field, ContentType):
        value = ContentType.objects.db_manager(connection.alias).get_by_natural_key(*value).pk
    elif value is not None and _points_to(field, Permission):
        value = Permission.objects.db_manager(connection.alias).get_by_natural_key(*value).pk
    return field.get_db_prep_save(value, connection)


def _restore(alias: str, tables: list[_Table]) -> None:
    connection = connections[alias]
    quote = connection.ops.quote_name
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        for table in tables:  # foreign keys are checked at commit (deferred), so the order does not matter
            columns = ", ".join(quote(field.column) for field in table.fields)
            marks = ", ".join(["%s"] * len(table.fields))
            table_name = quote(table.model._meta.db_table)
            sql = f"INSERT INTO {table_name} ({columns}) VALUES ({marks})"  # noqa: S608  (quoted names, no input)
            cursor.executemany(
                sql,
                [tuple(_value(f, v, connection) for f, v in zip(table.fields, row, strict=True)) for row in table.rows],
            )
        for statement in connection.ops.sequence_reset_sql(no_style(), [table.model for table in tables]):
            cursor.execute(statement)  # PostgreSQL: the next id after the copied ones


def load_demo(alias: str = "default") -> None:
    """What `manage.py load_demo` writes, from the session's copy when there is an exact one."""
    model_list = _models()
    key = _key(alias)
    empty = _is_empty(alias, model_list)
    if empty and key in _copies:
        _restore(alias, _copies[key])
        refill_backend()  # SQLite's FTS5 table is no model table: filled again from the copied rows
        return
    call_command("load_demo", stdout=io.StringIO())
    if empty:
        _copies[key] = _capture(alias, model_list)
