"""Signed links for subscribers (no account): confirm a subscription, unsubscribe. Each carries the
subscription's id and its token material (`Subscription.secret`), signed with the secret key; unsubscribing
blanks the material, so every old link of that subscription is dead."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse
from django.utils import translation

from raad.core.links import absolute_url
from raad.portal.models import Subscription

_CONFIRM = "raad.portal.subscription-confirm"
_UNSUBSCRIBE = "raad.portal.subscription-unsubscribe"
CONFIRM_DAYS = 7  # an unconfirmed subscription (and its link) expires after this


def _token(subscription: Subscription, salt: str) -> str:
    """The confirmation link carries its time (it expires); the unsubscribe link is the same in every mail."""
    data = {"s": subscription.pk, "k": subscription.secret}
    if salt == _CONFIRM:
        return signing.dumps(data, salt=salt, compress=True)
    return signing.Signer(salt=salt).sign_object(data, compress=True)


def _read(token: str, salt: str, max_age: int | None = None) -> tuple[int, str]:
    """(subscription id, token material); raises signing.BadSignature for a forged, damaged or expired link."""
    if salt == _CONFIRM:
        data = signing.loads(token, salt=salt, max_age=max_age)
    else:
        data = signing.Signer(salt=salt).unsign_object(token)
    try:
        return int(data["s"]), str(data["k"])
    except (KeyError, TypeError, ValueError):
        raise signing.BadSignature("malformed") from None


def read_confirm_token(token: str) -> tuple[int, str]:
    return _read(token, _CONFIRM, max_age=CONFIRM_DAYS * 24 * 3600)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    return _read(token, _UNSUBSCRIBE)


def _url(subscription: Subscription, name: str, token: str) -> str:
    """An absolute link in the subscriber's language (`/en/…`, `/ar/…`; Danish without a prefix)."""
    with translation.override(subscription.language):
        return absolute_url(reverse(name, args=[subscription.council.slug, token]))


def confirm_url(subscription: Subscription) -> str:
    return _url(subscription, "portal:subscription_confirm", _token(subscription, _CONFIRM))


def unsubscribe_url(subscription: Subscription) -> str:
    return _url(subscription, "portal:subscription_unsubscribe", _token(subscription, _UNSUBSCRIBE))


def unsubscribe_path(subscription: Subscription) -> str:
    """The same link without the site's address, for a page (in the page's language)."""
    return reverse(
        "portal:subscription_unsubscribe", args=[subscription.council.slug, _token(subscription, _UNSUBSCRIBE)]
    )
