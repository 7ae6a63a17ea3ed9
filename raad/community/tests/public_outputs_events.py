"""The events' public outputs for the leak test (raad/testing/public_outputs.py): the list, the month calendar,
the event pages, the iCal file per event and the feed, in every language of the site, next to registrants,
their needs, a cancellation reason's neighbours and a photo whose consent was withdrawn, none of which may
appear on any public page. A draft event, a withdrawn photo and a forged registration link answer 404."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from raad.community.services import events as services
from raad.testing.public_outputs import PublicOutputs, register

SECRETS = [
    "Tilmeldt Hemmeligsen",
    "tilmeldt-hemmelig@test.invalid",
    "Venteliste Skjultsen",
    "venteliste-skjult@test.invalid",
    "98 76 54 32",
    "KLADDE-ARRANGEMENT-TITEL",
    "SAMTYKKE-ERKLÆRING-HEMMELIG",
    "TILBAGEKALDT-BILLEDTEKST",
]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def build(cast) -> PublicOutputs:
    council = cast.council
    start = timezone.now() + datetime.timedelta(days=20)
    base = {
        "description": "Kom og vær med.",
        "place": "Biblioteket",
        "address": "Klosterstræde 13, 4300 Holbæk",
        "registration_required": True,
        "capacity": 2,
        "starts_at": start,
    }
    event = services.event_create(council=council, data={**base, "title": "Åben sprogcafé"}, by=None)
    event = services.event_publish(event=event, by=None)
    services.registration_create(
        event=event,
        name="Tilmeldt Hemmeligsen",
        email="tilmeldt-hemmelig@test.invalid",
        phone="98 76 54 32",
        seats=2,
        interpreter_language="ar",
        needs_childcare=True,
    )
    services.registration_create(
        event=event,
        name="Venteliste Skjultsen",
        email="venteliste-skjult@test.invalid",
        waiting_list=True,
    )
    draft = services.event_create(council=council, data={**base, "title": "KLADDE-ARRANGEMENT-TITEL"}, by=None)
    past_start = timezone.now() - datetime.timedelta(days=3)
    past = services.event_create(
        council=council,
        data={
            **base,
            "title": "Fællesspisning",
            "starts_at": past_start,
            "registration_required": False,
            "capacity": None,
        },
        by=None,
    )
    past = services.event_publish(event=past, by=None)
    services.event_report(event=past, participant_count=31, account="Vi spiste sammen.", by=None)
    kept = services.photo_add(
        event=past,
        data=PNG,
        description="Fælles bord",
        consent_statement="SAMTYKKE-ERKLÆRING-HEMMELIG",
        consent_given=True,
        by=None,
    )
    withdrawn = services.photo_add(
        event=past,
        data=PNG,
        description="TILBAGEKALDT-BILLEDTEKST",
        consent_statement="SAMTYKKE-ERKLÆRING-HEMMELIG",
        consent_given=True,
        by=None,
    )
    services.photo_withdraw_consent(photo=withdrawn, by=None)

    slug = council.slug
    public = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            public += [
                reverse("community:events", args=[slug]),
                reverse("community:events_calendar", args=[slug]),
                reverse("community:event", args=[slug, event.pk]),
                reverse("community:event", args=[slug, past.pk]),
                reverse("community:event_ics", args=[slug, event.pk]),
                reverse("community:events_feed", args=[slug]),
            ]
    public.append(reverse("community:event_photo", args=[slug, past.pk, kept.pk]))
    detail = reverse("community:event", args=[slug, past.pk])
    return PublicOutputs(
        public=public,
        hidden=[
            reverse("community:event", args=[slug, draft.pk]),
            reverse("community:event_ics", args=[slug, draft.pk]),
            reverse("community:event_photo", args=[slug, past.pk, withdrawn.pk]),
            reverse("community:event_registration", args=[slug, "forfalsket:link"]),
        ],
        secrets=SECRETS,
        shown={detail: ["Fællesspisning", "31 deltagere", "Vi spiste sammen.", "Fælles bord"]},
    )


register(app="community_events", build=build)
