"""Test helpers for Råd. The fixtures live in the root conftest.py; the environment in plugin.py.

Nothing here imports Django at module level: the pytest plugin imports this package before Django is set up.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator


def totp_code(user) -> str:
    """The current one-time code of the user's confirmed TOTP device (what their authenticator app shows).

    django-otp refuses a code for a time step it has already accepted; if the current step is used up,
    this returns the next step's code (accepted within the device's tolerance) or waits for it.
    """
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()
    if device is None:
        raise LookupError(f"{user} has no confirmed TOTP device")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if device.last_t >= totp.t():  # time steps (t) include the device's drift
        wanted = device.last_t + 1
        if wanted - totp.t() > device.tolerance:
            accepted_from = device.t0 + (wanted - device.tolerance - device.drift) * device.step
            time.sleep(max(0.0, accepted_from - time.time()) + 0.05)
        totp.time = device.t0 + (wanted - device.drift) * device.step
    return str(totp.token()).zfill(device.digits)


# Tables a refused action may still touch: the session of the person logged in (Django rewrites it on
# a request) and django-axes' log of login attempts. Everything else must keep every row and value.
UNCHANGED_IGNORES = frozenset({"sessions.Session", "axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"})


def database_snapshot(*, ignore: frozenset[str] | set[str] = frozenset()) -> dict[str, dict]:
    """Every row of every table of every installed model (many-to-many tables too), by model label and pk."""
    from django.apps import apps
    from django.db import connection

    skipped = UNCHANGED_IGNORES | set(ignore)
    snapshot: dict[str, dict] = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label
        if label in skipped or model._meta.proxy or not model._meta.managed:
            continue
        compiler, sql, params, converters, names = _snapshot_query(model, connection)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = compiler.apply_converters(rows, converters)
        pk = model._meta.pk.attname
        snapshot[label] = {row[pk]: row for row in (dict(zip(names, values, strict=True)) for values in rows)}
    return snapshot


def _snapshot_query(model, connection) -> tuple:
    """`model._base_manager.order_by("pk").values(*fields)` compiled once per connection: the SQL, and the
    converters the ORM applies to each row (so the values are exactly what `.values()` returns). Compiling
    the ~70 queries was most of a snapshot's cost, and `assert_unchanged` takes two per refused action."""
    cache = connection.__dict__.setdefault("_raad_snapshot_queries", {})
    label = model._meta.label
    if label not in cache:
        query = model._base_manager.using(connection.alias).order_by("pk").values(*_fields(model)).query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
        names = list(query.selected) if query.selected else [*query.extra_select, *query.values_select]
        cache[label] = (compiler, sql, params, converters, names)
    return cache[label]


def _fields(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def _differences(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    lines = []
    for label in sorted(before):
        old, new = before[label], after.get(label, {})
        for pk in sorted(new.keys() - old.keys(), key=str):
            lines.append(f"{label} pk={pk}: added {new[pk]}")
        for pk in sorted(old.keys() - new.keys(), key=str):
            lines.append(f"{label} pk={pk}: removed {old[pk]}")
        for pk in sorted(old.keys() & new.keys(), key=str):
            changed = {k: (old[pk][k], new[pk][k]) for k in old[pk] if old[pk][k] != new[pk][k]}
            if changed:
                lines.append(
                    f"{label} pk={pk}: changed " + ", ".join(f"{k}: {a!r} -> {b!r}" for k, (a, b) in changed.items())
                )
    return lines


@contextlib.contextmanager
def assert_unchanged(*, ignore: frozenset[str] | set[str] = frozenset()) -> Iterator[None]:
    """Fails if the block changed any row or value in any table, or sent an e-mail.

    Use it around a refused action, outside `pytest.raises`::

        with assert_unchanged(), pytest.raises(RuleViolation, match="beslutningsdygtigt"):
            services.item_decide(...)

    Only the session table and django-axes' logs are left out (UNCHANGED_IGNORES); `ignore` adds model
    labels ("app_label.ModelName") a particular test must allow to change, which it should say why.
    """
    from django.core import mail

    before = database_snapshot(ignore=ignore)
    mails = len(getattr(mail, "outbox", []))
    try:
        yield
    finally:
        differences = _differences(before, database_snapshot(ignore=ignore))
        sent = len(getattr(mail, "outbox", [])) - mails
        if sent:
            differences.append(f"{sent} e-mail(s) sent")
        if differences:
            raise AssertionError("a refused action changed the database:\n  " + "\n  ".join(differences))
