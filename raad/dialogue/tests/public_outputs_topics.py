"""The topics' public outputs for the leak test (raad/testing/public_outputs.py): a published topic raised by an
inquirer who consented to publishing their text and by one who did not, discussed under a closed agenda item and
answered with a statement adopted but not published; and an unpublished topic. Only counts and the consented
text (without its name) appear; the closed item, the unpublished statement and the unpublished topic never do."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from raad.dialogue.services import log as log_services
from raad.dialogue.services import topics as services
from raad.meetings import services as meetings
from raad.testing.public_outputs import PublicOutputs

from .topic_helpers import adopted_statement, hold, inquiry, plan

SECRETS = [
    "HEMMELIG-HENVENDELSE",
    "NAVN-PAA-AFSENDER",
    "afsender@skjult.invalid",
    "LUKKET-EMNEPUNKT",
    "UPUBLICERET-UDTALELSE",
    "KLADDE-EMNE",
    "LOG-ORGANISATION",
    "LOG-HOERT",
    "010190-1234",
]


def build(cast) -> PublicOutputs:
    council, secretary = cast.council, cast.secretary
    topic = services.topic_create(
        council=council,
        title="Tryghed i boligområdet",
        summary="Beboere føler sig utrygge om aftenen.",
        published=True,
        raised_elsewhere_count=2,
        by=secretary,
    )
    inquiry(topic, text="HEMMELIG-HENVENDELSE om min nabo", name="NAVN-PAA-AFSENDER", email="afsender@skjult.invalid")
    inquiry(topic, text="Mere lys på stierne, tak. Cpr 010190-1234.", name="NAVN-PAA-AFSENDER", consent=True)
    log_services.dialogue_entry_record(
        council=council,
        held_on=timezone.localdate(),
        counterpart="associations",
        organisation="LOG-ORGANISATION",
        learned="LOG-HOERT",
        topics=[topic],
        by=secretary,
    )
    meeting = plan(council, days=12)
    item = meetings.item_add(meeting=meeting, title="LUKKET-EMNEPUNKT", is_closed=True, by=secretary)
    services.topic_agenda_item_link(topic=topic, item=item, by=secretary)
    hold(meeting, by=secretary)
    statement = adopted_statement(
        council, title="UPUBLICERET-UDTALELSE", item_title="Udtalelse om tryghed", by=secretary, publish=False
    )
    services.topic_statement_link(topic=topic, statement=statement, by=secretary)
    draft = services.topic_create(council=council, title="KLADDE-EMNE", summary="KLADDE-EMNE", by=secretary)

    listing = reverse("dialogue:public_topics", args=[council.slug])
    detail = reverse("dialogue:topic", args=[council.slug, topic.number])
    return PublicOutputs(
        public=[listing, detail, "/en" + listing, "/en" + detail],
        hidden=[reverse("dialogue:topic", args=[council.slug, draft.number])],
        secrets=SECRETS,
        shown={
            listing: ["Tryghed i boligområdet", "Rejst af 5 personer eller grupper"],
            detail: [
                "Mere lys på stierne, tak.",
                "5 personer eller grupper har rejst emnet.",
                "Ingen udtalelse endnu.",
            ],
        },
    )
