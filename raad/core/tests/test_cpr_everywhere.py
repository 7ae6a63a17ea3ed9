"""R30: a CPR number typed into the kommissorium, a purpose, the contact details or the text of a rules change
is masked before it is stored and before it reaches the append-only journal; and a number that reached the
database by another path (an import, raw SQL) is masked again on the way out, so no public page shows it."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection

from raad.core.models import AuditEntry
from raad.core.redaction import CPR_MASK
from raad.core.translations import translated
from raad.councils import selectors, services
from raad.councils.models import Council, Purpose, RulesOfProcedure, TermsOfReference
from raad.councils.rules import SETTING_FIELDS
from raad.testing.cast import make_council

pytestmark = pytest.mark.django_db

CPR = "010190-1234"
SPELLINGS = ("0101901234", "01.01.90-1234", "010190 – 1234")


@pytest.fixture
def council():
    return make_council()


def _journal_text() -> str:
    return json.dumps([entry.changes for entry in AuditEntry.objects.all()], ensure_ascii=False)


def test_terms_of_reference_edit_stores_and_journals_the_cpr_masked(council):
    terms = selectors.terms_of_reference_for(council)
    services.terms_of_reference_update(
        terms=terms, data={"limits": f"Borger {CPR} skrev til os.", "limits_en": f"Citizen {SPELLINGS[0]}"}, by=None
    )
    terms = TermsOfReference.objects.get(pk=terms.pk)
    assert (terms.limits, translated(terms, "limits", "en")) == (
        f"Borger {CPR_MASK} skrev til os.",
        f"Citizen {CPR_MASK}",
    )
    entry = AuditEntry.objects.get(verb="terms_of_reference.updated")
    assert entry.changes["limits"]["after"] == f"Borger {CPR_MASK} skrev til os."
    english = AuditEntry.objects.filter(verb="translation.saved").latest("id")
    assert english.changes["limits"]["after"] == f"Citizen {CPR_MASK}"
    assert "1234" not in _journal_text()


def test_purpose_edit_stores_and_journals_the_cpr_masked(council):
    purpose = Purpose.objects.filter(terms_of_reference__council=council).order_by("number").first()
    services.purpose_update(
        purpose=purpose,
        data={"description": f"Om {SPELLINGS[1]}"},
        tasks=[(f"Ring til {SPELLINGS[2]}", f"Call {CPR}")],
        by=None,
    )
    purpose = Purpose.objects.get(pk=purpose.pk)
    assert purpose.description == f"Om {CPR_MASK}"
    assert [(t.text, translated(t, "text", "en")) for t in purpose.tasks.all()] == [
        (f"Ring til {CPR_MASK}", f"Call {CPR_MASK}")
    ]
    entry = AuditEntry.objects.get(verb="purpose.updated")
    assert entry.changes["description"]["after"] == f"Om {CPR_MASK}"
    assert entry.changes["tasks"]["after"] == [[f"Ring til {CPR_MASK}", f"Call {CPR_MASK}"]]
    assert "1234" not in _journal_text()


def test_contact_edit_stores_and_journals_the_cpr_masked_and_leaves_the_rest(council):
    services.council_update_contact(
        council=council,
        data={
            "contact_address": f"Kanalstræde 2\nCPR {CPR}",
            "contact_hours": f"Spørg efter {CPR}",
            "contact_email": "integration@holbaek.invalid",
            "contact_phone": "72 36 36 36",
        },
        by=None,
    )
    council = Council.objects.get(pk=council.pk)
    assert (council.contact_address, council.contact_hours, council.contact_email, council.contact_phone) == (
        f"Kanalstræde 2\nCPR {CPR_MASK}",
        f"Spørg efter {CPR_MASK}",
        "integration@holbaek.invalid",
        "72 36 36 36",
    )
    entry = AuditEntry.objects.get(verb="council.contact_updated")
    assert entry.changes["contact_address"]["after"] == f"Kanalstræde 2\nCPR {CPR_MASK}"
    assert "1234" not in _journal_text()


def test_rules_change_text_and_decision_are_stored_and_journalled_masked(council):
    first = selectors.rules_in_force(council, datetime.date(2026, 1, 1))
    version = services.rules_adopt_with_decision(
        council=council,
        settings={f: getattr(first, f) for f in SETTING_FIELDS},
        in_force_from=datetime.date(2027, 1, 1),
        adopted_on=datetime.date(2026, 11, 25),
        decision_reference=f"KB {CPR}",
        change_summary=f"Klage fra {CPR}.",
        change_summary_en=f"Complaint from {SPELLINGS[0]}.",
        by=None,
    )
    version = RulesOfProcedure.objects.select_related("decision").get(pk=version.pk)
    assert (version.change_summary, translated(version, "change_summary", "en"), version.decision.reference) == (
        f"Klage fra {CPR_MASK}.",
        f"Complaint from {CPR_MASK}.",
        f"KB {CPR_MASK}",
    )
    assert "1234" not in _journal_text()


def test_a_cpr_inserted_by_raw_sql_never_appears_on_a_public_page(client, council):
    """An import that went around the services: every public page of the council masks it on the way out."""
    terms = TermsOfReference.objects.get(council=council)
    purpose = Purpose.objects.filter(terms_of_reference=terms).order_by("number").first()
    version = RulesOfProcedure.objects.filter(council=council).order_by("-version").first()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TermsOfReference._meta.db_table} SET introduction = %s, limits = %s WHERE id = %s",
            [f"Indledning {CPR}", f"Grænser {SPELLINGS[0]}", terms.pk],
        )
        cursor.execute(
            f"UPDATE {Purpose._meta.db_table} SET title = %s, description = %s WHERE id = %s",
            [f"Formål {SPELLINGS[1]}", f"Beskrivelse {CPR}", purpose.pk],
        )
        cursor.execute(
            f"UPDATE {Council._meta.db_table} SET contact_address = %s, contact_hours = %s, contact_phone = %s,"
            " secretariat_unit = %s WHERE id = %s",
            [f"Adresse {CPR}", f"Tider {CPR}", CPR, f"Enhed {CPR}", council.pk],
        )
        cursor.execute(
            f"UPDATE {RulesOfProcedure._meta.db_table} SET change_summary = %s WHERE id = %s",
            [f"Ændret {CPR}", version.pk],
        )
    slug = council.slug
    pages = [
        "/",
        f"/raad/{slug}/",
        f"/raad/{slug}/kontakt/",
        f"/raad/{slug}/forretningsorden/",
        f"/raad/{slug}/forretningsorden/version-{version.version}/",
        f"/raad/{slug}/medlemmer/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for spelling in (CPR, *SPELLINGS[:2], "1234"):
            assert spelling not in body, (url, spelling)
    assert CPR_MASK in client.get(f"/raad/{slug}/").content.decode()
    assert CPR_MASK in client.get(f"/raad/{slug}/kontakt/").content.decode()
    assert CPR_MASK in client.get(f"/raad/{slug}/forretningsorden/").content.decode()
