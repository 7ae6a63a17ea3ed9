"""The inquiries' public outputs for the leak test (raad/testing/public_outputs.py): the form "Skriv til rådet"
and the referral catalogue in every language of the site, next to inquiries whose words and senders must never
appear on any public page: one without consent, an individual case, and the sender of one with consent (their
text may be shown on the topic's page, never their name, R9, R32). A forged status link answers 404."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from raad.dialogue.services import inquiries, referrals
from raad.testing.public_outputs import PublicOutputs, register

SECRETS = [
    "UDEN-SAMTYKKE-TEKST",
    "ENKELTSAG-TEKST",
    "ENKELTSAG-SVAR",
    "Afsendernavn Hemmeligsen",
    "Samtykkesen Navnløs",
    "hemmelig-afsender@test.invalid",
    "Hemmelig Forening",
]


def build(cast) -> PublicOutputs:
    council = cast.council
    jobcenter = referrals.referral_create(
        council=council,
        data={"name": "Jobcenter Holbæk", "phone": "72 36 00 00", "opening_hours": "Mandag–fredag kl. 9–14"},
        by=None,
    )

    def submit(text: str, **extra):
        values = {"kind": "concern", "language": "da", "reply_by": "none", **extra}
        return inquiries.inquiry_submit(council=council, text=text, **values)

    unconsented = submit(
        "UDEN-SAMTYKKE-TEKST om forholdene.", name="Afsendernavn Hemmeligsen", organisation="Hemmelig Forening"
    )
    unconsented = inquiries.inquiry_classify_general(
        inquiry=unconsented, new_topic_title="Forholdene i boligområdet", by=None
    )
    consented = submit(
        "Teksten må gerne vises.",
        name="Samtykkesen Navnløs",
        email="hemmelig-afsender@test.invalid",
        reply_by="email",
        consent_publish=True,
    )
    inquiries.inquiry_classify_general(inquiry=consented, topic=unconsented.topic, by=None)
    case = submit("ENKELTSAG-TEKST om min bolig.", name="Afsendernavn Hemmeligsen")
    inquiries.inquiry_refer(inquiry=case, referral=jobcenter, reply="ENKELTSAG-SVAR", by=None)

    public = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            public.append(reverse("dialogue:inquiry_form", args=[council.slug]))
            public.append(reverse("dialogue:referral_catalogue", args=[council.slug]))
    catalogue = reverse("dialogue:referral_catalogue", args=[council.slug])
    return PublicOutputs(
        public=public,
        hidden=[reverse("dialogue:inquiry_status", args=[council.slug, "forfalsket:link"])],
        secrets=SECRETS,
        shown={catalogue: ["Jobcenter Holbæk", "72 36 00 00"]},
    )


register(app="dialogue_inquiries", build=build)
