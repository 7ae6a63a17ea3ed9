"""Writes for e-mail subscriptions (docs/subscriptions.md). The journal names a subscription by number
and records what was chosen, never the address."""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit, mail
from raad.core.errors import RuleViolation
from raad.core.links import absolute_url
from raad.councils.models import Council
from raad.dialogue.models import Topic
from raad.portal import links, news
from raad.portal.models import Subscription, SubscriptionDelivery

LOOKBACK = datetime.timedelta(days=14)  # the sender never mails news older than this


def _choices(subscription: Subscription) -> dict:
    return {
        "kinds": list(subscription.kinds),
        "topic": subscription.topic.number if subscription.topic is not None else None,
        "language": subscription.language,
    }


@transaction.atomic
def subscription_create(
    *, council: Council, email: str, language: str, kinds: list[str], topic: Topic | None = None
) -> Subscription:
    """A pending subscription and its confirmation mail (double opt-in). Nothing is sent about the council's
    news until the subscriber opens the link."""
    kinds = [kind for kind in Subscription.Kind.values if kind in kinds]
    if not kinds and topic is None:
        raise RuleViolation(_("Vælg mindst én ting, du vil have besked om."))
    if topic is not None and (topic.council_id != council.pk or not topic.published):
        raise RuleViolation(_("Emnet findes ikke."))
    subscription = Subscription.objects.create(
        council=council,
        email=email.strip().lower(),
        language=language,
        kinds=kinds,
        topic=topic,
        secret=secrets.token_urlsafe(32),
    )
    audit.record(
        actor=None,
        verb="subscription.created",
        target=subscription,
        council_id=council.pk,
        changes=_choices(subscription),
    )
    mail.queue(
        key=f"subscription:{subscription.pk}:confirm",
        council=council,
        to=subscription.email,
        recipient=subscription,
        template="portal/email/subscription_confirm",
        context={
            "council": council,
            "subscription": subscription,
            "kinds": [Subscription.Kind(kind).label for kind in kinds],
            "topic": topic,
            "confirm_url": links.confirm_url(subscription),
            "days": links.CONFIRM_DAYS,
        },
    )
    return subscription


@transaction.atomic
def subscription_confirm(*, subscription_id: int, secret: str, council: Council | None = None) -> Subscription | None:
    """Confirm the subscription the link names; None when the link no longer fits (expired and erased,
    unsubscribed). A second confirmation changes nothing. An earlier active subscription of the same address
    to the same council is replaced by this one (its address erased)."""
    subscription = (
        Subscription.objects.select_for_update(of=("self",))
        .select_related("council", "topic")
        .filter(pk=subscription_id, unsubscribed_at__isnull=True)
        .filter(**({"council": council} if council is not None else {}))
        .first()
    )
    if subscription is None or not secret or not secrets.compare_digest(subscription.secret, secret):
        return None
    if subscription.confirmed_at is not None:
        return subscription
    for older in Subscription.objects.select_for_update().filter(
        council=subscription.council, email=subscription.email, confirmed_at__isnull=False, unsubscribed_at__isnull=True
    ):
        _end(older, verb="subscription.replaced")
    subscription.confirmed_at = timezone.now()
    subscription.save(update_fields=["confirmed_at", "updated_at"])
    audit.record(
        actor=None,
        verb="subscription.confirmed",
        target=subscription,
        council_id=subscription.council_id,
        changes=_choices(subscription),
    )
    return subscription


@transaction.atomic
def subscription_unsubscribe(*, subscription_id: int, secret: str) -> bool:
    """End the subscription and erase its address and token material (the one-click link in every mail).
    False when the link no longer fits (already unsubscribed: nothing to do)."""
    subscription = (
        Subscription.objects.select_for_update().filter(pk=subscription_id, unsubscribed_at__isnull=True).first()
    )
    if subscription is None or not secret or not secrets.compare_digest(subscription.secret, secret):
        return False
    _end(subscription, verb="subscription.unsubscribed")
    return True


def _end(subscription: Subscription, *, verb: str) -> None:
    subscription.email = ""
    subscription.secret = ""
    subscription.unsubscribed_at = timezone.now()
    subscription.save(update_fields=["email", "secret", "unsubscribed_at", "updated_at"])
    mail.forget_recipient(key_prefixes=[f"subscription:{subscription.pk}:"])
    audit.record(actor=None, verb=verb, target=subscription, council_id=subscription.council_id)


@transaction.atomic
def subscriptions_expire(*, now: datetime.datetime | None = None) -> int:
    """Delete the subscriptions never confirmed within CONFIRM_DAYS, address and all (the retention path,
    run by `send_subscription_news`). One journal entry per council with the count."""
    now = now or timezone.now()
    stale = Subscription.objects.filter(
        confirmed_at__isnull=True,
        unsubscribed_at__isnull=True,
        created_at__lt=now - datetime.timedelta(days=links.CONFIRM_DAYS),
    )
    per_council: dict[int, list[int]] = {}
    for pk, council_id in stale.values_list("pk", "council_id"):
        per_council.setdefault(council_id, []).append(pk)
    if not per_council:
        return 0
    ids = [pk for pks in per_council.values() for pk in pks]
    mail.forget_recipient(key_prefixes=[f"subscription:{pk}:" for pk in ids])
    Subscription.objects.filter(pk__in=ids).delete()
    audit.record_many(
        audit.entry(
            actor=None, verb="subscription.expired", council_id=council_id, changes={"expired_subscriptions": len(pks)}
        )
        for council_id, pks in sorted(per_council.items())
    )
    return len(ids)


def send_news(*, now: datetime.datetime | None = None) -> int:
    """Queue every news item each active subscription asked for and has not had: one mail per item, in the
    subscriber's language, with the one-click unsubscribe link and headers. Returns how many were queued.
    Safe to run twice or concurrently (each subscription is locked while its mails are queued, and
    `SubscriptionDelivery` is unique per subscription and item)."""
    now = now or timezone.now()
    active = list(Subscription.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True))
    if not active:
        return 0
    earliest = max(min(s.confirmed_at for s in active if s.confirmed_at), now - LOOKBACK)
    items = news.news_since(sorted({s.council_id for s in active}), earliest)
    queued = 0
    for subscription in active:
        wanted = [item for item in items if news.wanted(subscription, item)]
        if wanted:
            queued += subscription_send(subscription_id=subscription.pk, items=wanted)
    return queued


@transaction.atomic
def subscription_send(*, subscription_id: int, items: list[news.NewsItem]) -> int:
    """Queue the items this subscription has not had yet; the row lock makes a concurrent run wait and then
    find them delivered. Returns how many mails were queued."""
    subscription = (
        Subscription.objects.select_for_update(of=("self",))
        .select_related("council")
        .filter(pk=subscription_id, confirmed_at__isnull=False, unsubscribed_at__isnull=True)
        .first()
    )
    if subscription is None:
        return 0
    had = set(
        SubscriptionDelivery.objects.filter(subscription=subscription, item_key__in=[i.key for i in items]).values_list(
            "item_key", flat=True
        )
    )
    new = [item for item in items if item.key not in had]
    if not new:
        return 0
    SubscriptionDelivery.objects.bulk_create(
        [SubscriptionDelivery(subscription=subscription, item_key=i.key) for i in new]
    )
    unsubscribe = links.unsubscribe_url(subscription)
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    with mail.batch():
        for item in new:
            mail.queue(
                key=f"subscription:{subscription.pk}:{item.key}",
                council=subscription.council,
                to=subscription.email,
                recipient=subscription,
                template="portal/email/subscription_news",
                context={
                    "council": subscription.council,
                    "kind": item.kind,
                    "item": item.obj,
                    "url": _public_url(item, subscription.language),
                    "unsubscribe_url": unsubscribe,
                },
                headers=headers,
            )
    return len(new)


def _public_url(item: news.NewsItem, language: str) -> str:
    from django.utils import translation

    with translation.override(language):
        obj = item.obj
        if item.kind in (Subscription.Kind.AGENDAS, Subscription.Kind.MINUTES):
            return absolute_url(obj.get_public_url())
        if item.kind == Subscription.Kind.EVENTS:
            return absolute_url(obj.get_public_url())
        return absolute_url(obj)
