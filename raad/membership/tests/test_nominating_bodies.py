"""The secretariat edits a nominating body: the change, the journal entry, and the refusal of a duplicate name."""

from __future__ import annotations

import pytest

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.membership.models import NominatingBody
from raad.membership.services import nominating_body_create, nominating_body_update
from raad.testing import assert_unchanged


@pytest.fixture
def bodies(council):
    return (
        nominating_body_create(council=council, name="Røde Kors Holbæk", contact_email="rk@test.invalid", by=None),
        nominating_body_create(council=council, name="Sprogcenter Holbæk", by=None),
    )


def test_nominating_body_update_changes_the_fields_given_and_journals_them(council, bodies, secretary):
    red_cross, _ = bodies
    nominating_body_update(
        body=red_cross,
        data={"contact_name": "Hanne Lund", "website": "https://holbaek.drk.invalid"},
        by=secretary,
    )
    body = NominatingBody.objects.get(pk=red_cross.pk)
    assert (body.name, body.contact_name, body.contact_email, body.website) == (
        "Røde Kors Holbæk",
        "Hanne Lund",
        "rk@test.invalid",
        "https://holbaek.drk.invalid",
    )
    [entry] = AuditEntry.objects.filter(verb="nominating_body.updated")
    assert (entry.actor, entry.council_id, entry.target_id) == (secretary, council.pk, str(body.pk))
    assert entry.changes == {
        "contact_name": {"before": "", "after": "Hanne Lund"},
        "website": {"before": "", "after": "https://holbaek.drk.invalid"},
    }


def test_the_same_values_again_journal_nothing(bodies, secretary):
    red_cross, _ = bodies
    with assert_unchanged(ignore={"membership.NominatingBody"}):  # only its updated_at moves
        nominating_body_update(body=red_cross, data={"name": "Røde Kors Holbæk"}, by=secretary)


def test_another_bodys_name_is_refused_and_nothing_changes(bodies, secretary):
    red_cross, language_centre = bodies
    with (
        assert_unchanged(),
        pytest.raises(RuleViolation, match="Der findes allerede en organisation med det navn.") as refused,
    ):
        nominating_body_update(
            body=language_centre, data={"name": "Røde Kors Holbæk", "contact_name": "Ny"}, by=secretary
        )
    assert [v.field for v in refused.value.violations] == ["name"]
