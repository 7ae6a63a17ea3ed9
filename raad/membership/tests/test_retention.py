"""Retention (R35): candidates who were not appointed are anonymised after the rules' period, once."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from raad.core.models import AuditEntry
from raad.membership.models import Nomination, Person

# The demo's dates are pinned below (resignations in November 2026): run on the day the story is written for.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_the_demo_day")]


def run(day: str) -> str:
    out = StringIO()
    call_command("anonymise_candidates", today=day, stdout=out)
    return out.getvalue().strip()


def test_unappointed_candidates_are_anonymised_after_the_period_and_only_once(demo_data):
    helle = Person.objects.get(first_name="Helle", last_name="Vestergaard")
    nomination = Nomination.objects.get(candidate=helle)
    assert (nomination.status, nomination.decided_on) == ("not_appointed", datetime.date(2026, 1, 28))
    assert run("2026-07-27") == "Anonymised 0 nomination(s)."  # 6 months (the Holbæk rules) not yet passed
    assert run("2026-07-28") == "Anonymised 1 nomination(s)."
    helle.refresh_from_db()
    assert (helle.first_name, helle.last_name, helle.email, helle.street_address, helle.postcode) == (
        "Anonymiseret",
        "",
        "",
        "",
        "",
    )
    substitute = Person.objects.get(pk=nomination.substitute_candidate_id)
    assert substitute.first_name == "Anonymiseret"
    assert run("2026-07-29") == "Anonymised 0 nomination(s)."  # idempotent
    entry = AuditEntry.objects.get(verb="nomination.anonymised")
    assert entry.changes["retention_months"]["after"] == 6
    assert "Helle" not in entry.target_label  # the journal keeps no name of the anonymised
    # appointed people are kept
    assert Person.objects.filter(first_name="Amina", last_name="Yusuf").exists()


def test_the_audit_journal_never_held_the_unappointed_candidates_personal_data(demo_data):
    helle = Person.objects.get(first_name="Helle", last_name="Vestergaard")
    street, email = helle.street_address, helle.email
    run("2026-07-28")
    for entry in AuditEntry.objects.all():
        text = f"{entry.target_label} {entry.changes}"
        assert "Vestergaard" not in text, (entry.verb, text)
        if street:
            assert street not in text, (entry.verb, text)
        if email:
            assert email not in text, (entry.verb, text)
    created = AuditEntry.objects.get(verb="person.created", target_id=str(helle.pk))
    assert created.target_label == f"Person nr. {helle.pk}"
    assert created.changes["postcode"] == {"before": None, "after": "[personoplysning]"}
    for entry in AuditEntry.objects.filter(target_type__model="person"):
        for field in set(entry.changes) & set(Person.AUDIT_PRIVATE_FIELDS):
            assert set(entry.changes[field].values()) <= {None, "", "[personoplysning]"}, (entry.verb, field)
