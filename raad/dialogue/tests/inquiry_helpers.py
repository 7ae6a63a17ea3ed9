"""Shared pieces of the inquiry tests (test_inquir*.py, test_referral*.py, test_retention.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from raad.dialogue.services import inquiries, referrals

SLUG = "integrationsraadet"
LANGUAGES = [("da", "Dansk"), ("en", "English"), ("ar", "العربية"), ("uk", "Українська")]


def url(name: str, *args, lang: str = "da") -> str:
    """The page's path in `lang` (the language is the path's prefix: /en/…, /ar/…; Danish has none)."""
    with translation.override(lang):
        return reverse(f"dialogue:{name}", args=[SLUG, *args])


def make_referral(council, name: str = "Jobcenter Holbæk", **extra):
    data = {
        "name": name,
        "description": "Hjælp til job og ydelser.",
        "phone": "72 36 00 00",
        "email": "jobcenter@holbaek.invalid",
        "opening_hours": "Mandag–fredag kl. 9–14",
        "position": 1,
        **extra,
    }
    return referrals.referral_create(council=council, data=data, by=None)


def submit(council, text: str = "Der mangler danskundervisning om aftenen.", **extra):
    values = {
        "kind": "idea",
        "text": text,
        "language": "da",
        "reply_by": "email",
        "name": "Nadia Saleh",
        "organisation": "",
        "email": "nadia@test.invalid",
        "phone": "",
        "consent_publish": False,
        **extra,
    }
    return inquiries.inquiry_submit(council=council, **values)


def form_data(**extra) -> dict:
    return {
        "kind": "question",
        "text": "Hvornår holder rådet næste borgermøde?",
        "name": "Nadia Saleh",
        "organisation": "",
        "reply_by": "email",
        "email": "nadia@test.invalid",
        "phone": "",
        "website": "",
        **extra,
    }
