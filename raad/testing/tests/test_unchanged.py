"""assert_unchanged() notices any added, changed or removed row, and any e-mail; it lets a refusal pass."""

from __future__ import annotations

import pytest
from django.core import mail

from raad.core.models import User
from raad.testing import assert_unchanged
from raad.testing.cast import make_user

pytestmark = pytest.mark.django_db


def test_an_added_row_is_named():
    with pytest.raises(AssertionError, match=r"core\.User pk=\d+: added"), assert_unchanged():
        make_user("borger", "Mariam", "Khalil")


def test_a_changed_value_is_named_with_before_and_after():
    user = make_user("borger", "Mariam", "Khalil")
    with pytest.raises(AssertionError, match="first_name: 'Mariam' -> 'Maryam'"), assert_unchanged():
        User.objects.filter(pk=user.pk).update(first_name="Maryam")


def test_a_sent_email_counts_as_a_change():
    with pytest.raises(AssertionError, match="1 e-mail"), assert_unchanged():
        mail.send_mail("Emne", "Tekst", None, ["mariam@test.invalid"])


def test_nothing_changed_passes_and_an_ignored_table_may_change():
    user = make_user("borger", "Mariam", "Khalil")
    with assert_unchanged():
        User.objects.filter(pk=user.pk).update(first_name="Mariam")
    with assert_unchanged(ignore={"core.User"}):
        User.objects.filter(pk=user.pk).update(first_name="Maryam")


def test_the_snapshot_holds_exactly_what_the_orm_reads(cast):
    """The snapshot runs precompiled queries; every value must still be what `.values()` gives (dates, times,
    JSON, booleans and decimals converted alike), so a change and its absence are seen as before."""
    from django.apps import apps

    from raad.testing import _fields, database_snapshot

    snapshot = database_snapshot()
    orm = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label in snapshot:
            rows = model._base_manager.order_by("pk").values(*_fields(model))
            orm[model._meta.label] = {row[model._meta.pk.attname]: row for row in rows}
    assert snapshot == orm
    assert sum(len(rows) for rows in snapshot.values()) > 100  # the cast's rows are there to compare
