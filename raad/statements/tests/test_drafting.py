"""Statements services, drafting: every transition, and every refusal leaving the database unchanged."""

import pytest

from raad.core.errors import RuleViolation
from raad.statements import services
from raad.testing import assert_unchanged

from .services_support import (
    _today,  # noqa: F401  (the clock fixed on 26 November 2026, autouse)
    verbs,
)


def test_every_saved_version_is_kept_and_audited(draft, secretary):
    services.statement_version_save(statement=draft, text="Rådet støtter varmt politikken.", by=secretary)
    assert list(draft.versions.values_list("number", flat=True)) == [1, 2]
    assert verbs(draft) == ["statement.created", "statement.version_saved", "statement.version_saved"]


def test_a_version_cannot_be_changed(draft):
    version = draft.versions.get()
    version.text = "Ændret i smug"
    with pytest.raises(PermissionError):
        version.save()


def test_response_needs_a_consultation(council, committee, secretary):
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.statement_create(
            council=council, kind="response", title="Svar uden høring", recipient=committee, by=secretary
        )


def test_members_comment_on_the_latest_version(draft, users):
    comment = services.draft_comment_add(
        statement=draft, text="Nævn lektiecaféerne.", proposed_text="…", by=users["medlem"]
    )
    assert comment.version.number == 1
