"""The associations' public outputs for the leak test (raad/testing/public_outputs.py): the directory, an
association's page and the request form in every language of the site, next to a listed association whose
contact gave no consent, a pending request and a declined one: none of their contact details, nor the pending
or declined associations themselves, may appear on any public page (R31)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from raad.community.services import associations
from raad.testing.public_outputs import PublicOutputs, register

SECRETS = [
    "Kontakt Uden-Samtykke",
    "uden-samtykke@test.invalid",
    "11 22 33 99",
    "Ventende Hemmelig Forening",
    "ventende@test.invalid",
    "Afvist Hemmelig Forening",
    "AFVISNINGSGRUND",
]


def build(cast) -> PublicOutputs:
    council = cast.council
    base = {"purpose": "Fællesskab i Holbæk.", "activities": "Sprogcafé", "languages": ["da", "ar"]}
    listed = associations.association_create(
        council=council,
        data={
            **base,
            "name": "Åben Forening",
            "contact_name": "Kontakt Uden-Samtykke",
            "contact_email": "uden-samtykke@test.invalid",
            "contact_phone": "11 22 33 99",
            "contact_public": False,
        },
        by=cast.secretary,
    )
    associations.association_request(
        council=council,
        data={
            **base,
            "name": "Ventende Hemmelig Forening",
            "contact_name": "X",
            "contact_email": "ventende@test.invalid",
        },
        language="da",
    )
    declined = associations.association_request(
        council=council,
        data={**base, "name": "Afvist Hemmelig Forening", "contact_name": "Y", "contact_email": "afvist@test.invalid"},
        language="da",
    )
    associations.association_decline(association=declined, reason="AFVISNINGSGRUND", by=cast.secretary)

    public = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            public.append(reverse("community:associations", args=[council.slug]))
            public.append(reverse("community:association", args=[council.slug, listed.pk]))
            public.append(reverse("community:association_request", args=[council.slug]))
    page = reverse("community:association", args=[council.slug, listed.pk])
    return PublicOutputs(
        public=public,
        hidden=[reverse("community:association", args=[council.slug, declined.pk])],
        secrets=SECRETS,
        shown={page: ["Åben Forening", "Sprogcafé"]},
    )


register(app="community_associations", build=build)
