"""Two senders at the same moment (cron overlapping a manual run): each subscriber gets each news item once.
On PostgreSQL (`RAAD_TEST_DB=postgres`, the CI's second run) the subscription's row lock makes the second
sender wait and then find the items delivered; the unique (subscription, item) pair is the wall behind it.
On SQLite the single writer serialises them; a sender that finds the database locked fails, and there the
test holds the invariant alone (never a news item twice)."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection

from raad.community.tests.event_helpers import make_event
from raad.core.models import OutgoingMail
from raad.portal.models import SubscriptionDelivery
from raad.portal.services import subscriptions as services
from raad.testing.cast import build_cast
from raad.testing.concurrency import in_parallel

PARALLEL = 4


@pytest.mark.django_db(transaction=True)
def test_parallel_senders_mail_each_news_item_to_each_subscriber_once():
    cast = build_cast(members=3)
    subscriptions = []
    for n in range(3):
        pending = services.subscription_create(
            council=cast.council, email=f"s{n}@test.invalid", language="da", kinds=["events"]
        )
        subscriptions.append(services.subscription_confirm(subscription_id=pending.pk, secret=pending.secret))
    for n in range(2):
        make_event(cast.council, cast.secretary, title=f"Arrangement {n}", days=10 + n)

    results = in_parallel(lambda _i: services.send_news(), PARALLEL)

    allowed = () if connection.vendor == "postgresql" else (OperationalError,)
    assert [r for r in results if isinstance(r, Exception) and not isinstance(r, allowed)] == []
    news = OutgoingMail.objects.filter(key__contains=":event:")
    keys = list(news.values_list("key", flat=True))
    assert len(keys) == len(set(keys))
    deliveries = list(SubscriptionDelivery.objects.values_list("subscription_id", "item_key"))
    assert len(deliveries) == len(set(deliveries))
    if connection.vendor == "postgresql":
        assert sum(r for r in results if isinstance(r, int)) == 6  # 3 subscribers × 2 events, shared out
        assert len(keys) == 6 and len(deliveries) == 6
    assert services.send_news() == 0 or connection.vendor != "postgresql"
