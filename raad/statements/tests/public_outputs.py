"""The statements' public outputs for the leak test (raad/testing/public_outputs.py): a published statement
with its internal traces (an earlier draft version, a member's comment), a draft, and a statement adopted but
not published (R3, R28). Drafts, comments and unpublished statements never appear; they answer 404."""

from __future__ import annotations

import datetime

from django.urls import reverse

from raad.core import translations
from raad.core.translations import EASY_READ
from raad.statements import services
from raad.testing.public_outputs import PublicOutputs, register

from .conftest import adopt_at_meeting, meeting_decision

SECRETS = [
    "HEMMELIGT-UDKAST",
    "INTERN-KOMMENTAR",
    "KLADDE-TITEL",
    "KLADDE-TEKST",
    "SENDT-UDKAST",
    "OVERSAT-UDKAST",
    "LET-UDKAST",
]


def build(cast) -> PublicOutputs:
    council, secretary = cast.council, cast.secretary
    committee = services.committee_create(
        municipality=council.municipality, name="Økonomiudvalget", email="oeu@holbaek.invalid", by=None
    )
    published = services.statement_create(
        council=council,
        kind="statement",
        title="Udtalelse om foreningslivet",
        recipient=committee,
        text="HEMMELIGT-UDKAST første formulering.",
        by=secretary,
    )
    services.draft_comment_add(statement=published, text="INTERN-KOMMENTAR: skriv kortere", by=cast.users["medlem"])
    services.statement_version_save(statement=published, text="Rådet anbefaler støtte til foreninger.", by=secretary)
    adopt_at_meeting(published, by=secretary, day=datetime.date(2026, 11, 24))
    services.statement_send(statement=published, by=secretary)  # sending publishes it
    draft = services.statement_create(
        council=council, kind="statement", title="KLADDE-TITEL", recipient=committee, text="KLADDE-TEKST", by=secretary
    )
    adopted = services.statement_create(
        council=council,
        kind="comment",
        title="Vedtaget men ikke sendt SENDT-UDKAST",
        recipient=committee,
        text="SENDT-UDKAST",
        by=secretary,
    )
    # Adopted at a meeting under an agenda item of its own title: an open item is public once the notice is
    # sent (R20, the REST API lists every open item), the unsent statement's title and text are not.
    services.statement_adopt_at_meeting(
        statement=adopted,
        decision=meeting_decision(council, title="Kommentar til udvalget", day=datetime.date(2026, 11, 25)),
        by=secretary,
    )
    # A translation or easy-read version of a text never published (an earlier draft, a draft, an adopted
    # but unsent statement) is never shown either, on the Danish or the English pages.
    for version in (published.versions.get(number=1), draft.versions.get(), adopted.versions.get()):
        translations.translation_set(obj=version, field="text", language="en", text="OVERSAT-UDKAST", status="draft")
        translations.translation_set(obj=version, field="text", language=EASY_READ, text="LET-UDKAST", status="draft")

    def detail(name, statement, prefix=""):
        return prefix + reverse(f"statements:{name}", args=[council.slug, statement.pk])

    archive = reverse("statements:public_archive", args=[council.slug])
    public = []
    for prefix in ("", "/en"):
        public += [prefix + archive, prefix + archive + "?type=statement", prefix + archive + "?aar=2026"]
        public += [detail("public_detail", published, prefix), detail("public_letter", published, prefix)]
    hidden = [detail(name, s) for s in (draft, adopted) for name in ("public_detail", "public_letter")]
    return PublicOutputs(
        public=public,
        hidden=hidden,
        secrets=SECRETS,
        shown={
            archive: ["Udtalelse om foreningslivet"],
            detail("public_detail", published): ["Rådet anbefaler støtte til foreninger."],
            detail("public_letter", published): ["Rådet anbefaler støtte til foreninger."],
        },
    )


register(app="statements", build=build)
