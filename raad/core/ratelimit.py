"""Rate limits for the public forms that send e-mail (no account, so anyone can post them).

Counted in Django's cache (settings.CACHES) per scope and key, e.g. the client's address and the signed
link: `exceeded()` before the work, `count()` after a submission that sent mail. A form whose limit is
reached answers 429 with `too_many()`, in the site's look. With the default local-memory cache each server
process counts for itself; configure a shared cache (database, Redis) to count across processes."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def _key(scope: str, value: str) -> str:
    return "raad-rate:" + scope + ":" + hashlib.sha256(value.encode()).hexdigest()[:32]


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def exceeded(scope: str, *values: str) -> bool:
    """True when any of the values (an address, a link) has used up its submissions in the window."""
    limit = settings.PUBLIC_FORM_RATE_LIMIT
    return any((cache.get(_key(scope, value)) or 0) >= limit for value in values)


def count(scope: str, *values: str) -> None:
    """One more submission for each value, within the window that began with the first one."""
    window = settings.PUBLIC_FORM_RATE_WINDOW_MINUTES * 60
    for value in values:
        key = _key(scope, value)
        cache.add(key, 0, timeout=window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)


def too_many(request):
    return render(
        request,
        "core/errors/429.html",
        {"minutes": settings.PUBLIC_FORM_RATE_WINDOW_MINUTES},
        status=429,
    )
