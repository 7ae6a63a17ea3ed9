"""What is news for a subscriber, composed from the domain apps' `public_…` selectors only: agendas sent,
minutes published, statements published, events announced, topics published or moved on. Each item has a
stable key; the sender mails a subscription each key once (`SubscriptionDelivery`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from raad.community.selectors import events as event_selectors
from raad.dialogue.selectors import topics as topic_selectors
from raad.meetings import selectors as meeting_selectors
from raad.portal.models import Subscription
from raad.statements import selectors as statement_selectors

Kind = Subscription.Kind
FOLLOWED_TOPIC = "topic"  # the kind of a followed topic's news (its stages)


@dataclass(frozen=True)
class NewsItem:
    key: str  # "agenda:12", "minutes:12", "statement:4", "event:7", "topic:3", "topic:3:discussed"
    kind: str  # a Subscription.Kind, or FOLLOWED_TOPIC
    council_id: int
    at: datetime.datetime  # when it became public (or changed, for events and topics)
    obj: Any  # the Meeting, Statement, Event or Topic, read through a public selector
    topic_id: int | None = None


def news_since(council_ids: list[int], since: datetime.datetime) -> list[NewsItem]:
    """Every public news item of these councils since `since`: five queries whatever the number of items."""
    items: list[NewsItem] = []
    # The selectors ask for the timestamps, so none is None here; `since` only satisfies the type.
    for meeting in meeting_selectors.public_agendas_published_since(council_ids, since):
        at = meeting.notice_sent_at or since
        items.append(NewsItem(f"agenda:{meeting.pk}", Kind.AGENDAS, meeting.council_id, at, meeting))
    for meeting in meeting_selectors.public_minutes_published_since(council_ids, since):
        at = meeting.minutes_published_at  # type: ignore[attr-defined]  # annotated by the selector
        items.append(NewsItem(f"minutes:{meeting.pk}", Kind.MINUTES, meeting.council_id, at, meeting))
    for statement in statement_selectors.public_statements_published_since(council_ids, since):
        at = statement.published_at or since
        items.append(NewsItem(f"statement:{statement.pk}", Kind.STATEMENTS, statement.council_id, at, statement))
    for event in event_selectors.public_events_announced_since(council_ids, since):
        items.append(NewsItem(f"event:{event.pk}", Kind.EVENTS, event.council_id, event.updated_at, event))
    for topic in topic_selectors.public_topics_changed_since(council_ids, since):
        items.append(NewsItem(f"topic:{topic.pk}", Kind.TOPICS, topic.council_id, topic.updated_at, topic, topic.pk))
        items.append(
            NewsItem(
                f"topic:{topic.pk}:{topic.status}", FOLLOWED_TOPIC, topic.council_id, topic.updated_at, topic, topic.pk
            )
        )
    return items


def wanted(subscription: Subscription, item: NewsItem) -> bool:
    """Whether this subscription asked for this item, and it became public after the subscription was
    confirmed (nobody gets the archive). A followed topic's stages replace its "new topic" mail."""
    if item.council_id != subscription.council_id or subscription.confirmed_at is None:
        return False
    if item.at < subscription.confirmed_at:
        return False
    if item.kind == FOLLOWED_TOPIC:
        return item.topic_id == subscription.topic_id
    if item.kind == Kind.TOPICS and item.topic_id == subscription.topic_id:
        return False
    return item.kind in (subscription.kinds or [])
