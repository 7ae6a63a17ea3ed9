"""The secretariat edits the council's contact details and a purpose of the kommissorium: the change and the
journal entry with exactly the fields that changed; saving the same values again journals nothing."""

from __future__ import annotations

import pytest

from raad.core.models import AuditEntry
from raad.core.translations import translated
from raad.councils import services
from raad.councils.models import Council, Purpose
from raad.testing import assert_unchanged

pytestmark = pytest.mark.django_db


def journal(verb: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(verb=verb).order_by("pk"))


def test_council_update_contact_changes_the_fields_given_and_journals_them(cast):
    council = cast.council
    old_email, old_name = council.contact_email, council.name
    services.council_update_contact(
        council=council,
        data={"contact_email": "integration@holbaek.invalid", "contact_hours": "Man.–tors. kl. 9–12"},
        by=cast.secretary,
    )
    council = Council.objects.get(pk=council.pk)
    assert (council.contact_email, council.contact_hours, council.name) == (
        "integration@holbaek.invalid",
        "Man.–tors. kl. 9–12",
        old_name,
    )
    [entry] = journal("council.contact_updated")
    assert (entry.actor, entry.council_id, entry.target_id) == (cast.secretary, council.pk, str(council.pk))
    before_hours = entry.changes["contact_hours"]["before"]
    assert entry.changes == {
        "contact_email": {"before": old_email, "after": "integration@holbaek.invalid"},
        "contact_hours": {"before": before_hours, "after": "Man.–tors. kl. 9–12"},
    }
    assert before_hours != "Man.–tors. kl. 9–12"


def test_council_update_contact_with_the_same_values_journals_nothing(cast):
    council = cast.council
    with assert_unchanged(ignore={"councils.Council"}):  # only its updated_at moves
        services.council_update_contact(council=council, data={"contact_email": council.contact_email}, by=None)


def test_purpose_update_changes_the_text_and_replaces_the_tasks(cast):
    purpose = Purpose.objects.filter(terms_of_reference__council=cast.council).order_by("number").first()
    old_title = purpose.title
    old_tasks = [[t.text, translated(t, "text", "en")] for t in purpose.tasks.order_by("position", "id")]
    services.purpose_update(
        purpose=purpose,
        data={"title": "Fællesskab og deltagelse"},
        tasks=[
            ("Holde borgermøder", "Hold public meetings"),
            ("  ", "ignored: no Danish text"),
            (" Besøge foreninger ", ""),
        ],
        by=cast.secretary,
    )
    purpose = Purpose.objects.get(pk=purpose.pk)
    assert purpose.title == "Fællesskab og deltagelse"
    assert [(t.position, t.text, translated(t, "text", "en")) for t in purpose.tasks.order_by("position")] == [
        (1, "Holde borgermøder", "Hold public meetings"),
        (2, "Besøge foreninger", ""),
    ]
    [entry] = journal("purpose.updated")
    assert (entry.actor, entry.council_id, entry.target_id) == (cast.secretary, cast.council.pk, str(purpose.pk))
    assert entry.changes == {
        "tasks": {
            "before": old_tasks,
            "after": [["Holde borgermøder", "Hold public meetings"], ["Besøge foreninger", ""]],
        },
        "title": {"before": old_title, "after": "Fællesskab og deltagelse"},
    }


def test_purpose_update_with_the_same_text_and_tasks_journals_nothing(cast):
    purpose = Purpose.objects.filter(terms_of_reference__council=cast.council).order_by("number").first()
    tasks = [(t.text, translated(t, "text", "en")) for t in purpose.tasks.order_by("position", "id")]
    assert tasks, "the preset gives every purpose its tasks"
    with assert_unchanged(ignore={"councils.Purpose"}):  # only its updated_at moves
        services.purpose_update(purpose=purpose, data={"title": purpose.title}, tasks=tasks, by=cast.secretary)
