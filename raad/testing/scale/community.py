"""Events, topics and inquiries (the community and dialogue apps' tables)."""

from __future__ import annotations

import datetime
import random
from zoneinfo import ZoneInfo

from django.conf import settings

from raad.community.models import Event
from raad.dialogue.models import Inquiry, Topic

from . import text
from .councils import CouncilData
from .tiers import EVENTS_PER_YEAR, INQUIRIES_PER_YEAR, TOPICS_PER_YEAR
from .writer import Writer


def build_community(
    w: Writer, rng: random.Random, council: CouncilData, *, years: list[int], now: datetime.datetime
) -> int:
    """Published events (with a participant count once held), published topics and inquiries (anonymous, in
    Danish: no personal data is generated). Returns the number of paragraphs written."""
    tz = ZoneInfo(settings.TIME_ZONE)
    events: list[Event] = []
    topics: list[Topic] = []
    inquiries: list[Inquiry] = []
    for year in years:
        for i in range(EVENTS_PER_YEAR):
            day = datetime.date(year, 3 + i * 6, 1) + datetime.timedelta(days=rng.randrange(25))
            starts = datetime.datetime.combine(day, datetime.time(18, 0), tzinfo=tz)
            events.append(
                Event(
                    council=council.council,
                    title=f"Borgermøde: {text.title(rng, year)}",
                    description=text.paragraph(rng, 50),
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=2),
                    room=council.room,
                    status=Event.Status.PUBLISHED,
                    participant_count=rng.randint(10, 80) if starts < now else None,
                )
            )
        for _i in range(TOPICS_PER_YEAR):
            topics.append(
                Topic(
                    council=council.council,
                    number=len(topics) + 1,
                    title=text.title(rng, year),
                    summary=text.paragraph(rng, 40),
                    status=Topic.Status.DISCUSSED,
                    published=True,
                )
            )
        for i in range(INQUIRIES_PER_YEAR):
            inquiries.append(
                Inquiry(
                    council=council.council,
                    reference=f"{council.council.slug}-{year}-{i + 1}",
                    kind=Inquiry.Kind.IDEA,
                    text=text.paragraph(rng, 40),
                    language="da",
                    reply_by=Inquiry.ReplyBy.NONE,
                    status=Inquiry.Status.CLOSED,
                    classification=Inquiry.Classification.GENERAL,
                )
            )
    w.create(events)
    w.create(topics)
    w.create(inquiries)
    return len(events) + len(topics) + len(inquiries)
