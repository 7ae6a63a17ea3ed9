"""The councils' public outputs for the leak test (raad/testing/public_outputs.py): the council pages with a
CPR number written straight into the database (an import around the services) in the kommissorium, a
purpose, the contact details and a rules change; every page masks it on the way out (R30). (The rules page
is checked in raad/core/tests/test_cpr_everywhere.py: its text on secret ballots contains the meetings'
secret word.)"""

from __future__ import annotations

from django.db import connection

from raad.councils.models import Council, Purpose, RulesOfProcedure, TermsOfReference
from raad.councils.tests import public_outputs_municipality  # noqa: F401  (registers "councils_municipality")
from raad.testing.public_outputs import PublicOutputs, register

CPR = "010190-1234"


def build(cast) -> PublicOutputs:
    council = cast.council
    terms = TermsOfReference.objects.get(council=council)
    purpose = Purpose.objects.filter(terms_of_reference=terms).order_by("number").first()
    version = RulesOfProcedure.objects.filter(council=council).order_by("-version").first()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TermsOfReference._meta.db_table} SET introduction = %s WHERE id = %s",
            [f"Indført af en import {CPR}", terms.pk],
        )
        cursor.execute(
            f"UPDATE {Purpose._meta.db_table} SET description = %s WHERE id = %s", [f"Formål {CPR}", purpose.pk]
        )
        cursor.execute(
            f"UPDATE {Council._meta.db_table} SET contact_address = %s, contact_hours = %s WHERE id = %s",
            [f"Kanalstræde 2 {CPR}", f"Kl. 9-12 {CPR}", council.pk],
        )
        cursor.execute(
            f"UPDATE {RulesOfProcedure._meta.db_table} SET change_summary = %s WHERE id = %s",
            [f"Ændret {CPR}", version.pk],
        )
    slug = council.slug
    public = [
        f"{prefix}{path}"
        for prefix in ("", "/en")
        for path in (
            f"/raad/{slug}/kontakt/",
            f"/raad/{slug}/medlemmer/",
        )
    ]
    return PublicOutputs(
        public=public,
        secrets=[CPR],
        shown={
            f"/raad/{slug}/kontakt/": ["Kanalstræde 2 XXXXXX-XXXX"],
            f"/raad/{slug}/medlemmer/": ["Kl. 9-12 XXXXXX-XXXX"],
        },
    )


register(app="councils", build=build)
