"""Public pages for anonymous visitors, served from the shared cache (issue 15, docs/scale-out.md).

A public page costs 10 to 40 ms to build (the layout and 5 to 15 queries); most of its visitors are anonymous
and see the same page. `PublicPageCacheMiddleware` keeps the page an anonymous GET got and gives it to the next
anonymous visitor of the same URL in the same language, as long as nothing has changed:

- **What is kept.** Only a 200 answer to a GET by someone not logged in, with no session, no messages and no
  sticky-primary cookie in the request, that sets no cookie but the CSRF cookie, is not streamed (exports), is
  at most `MAX_BYTES`, and does not say `private` or `no-store` (a `no-cache` document, a stored PDF that
  clients revalidate, is kept: the generation below is its revalidation). Never the workspace, the login pages,
  the admin, the API (it has its own ETag) or the health view (the benchmarks' floor). Whatever is kept is
  exactly what any anonymous visitor of that URL would be shown anyway: nothing reaches a reader through the
  cache that the page itself would not show them.
- **Forms.** A public form's page (write to the council, register for an event) carries a CSRF token tied to the
  visitor's cookie. The page is kept with its tokens taken out, and each visitor served from the cache gets a
  token of their own put back in (`get_token`, which also sets their CSRF cookie, as building the page would).
- **When it is thrown away.** Every change of record is in the audit journal (`raad.core.audit`), so the newest
  journal id is the installation's generation: a kept page is served only while the generation is the one it
  was built at (one read of the journal's primary key, always on the primary, never the replica's lagging copy;
  entries whose verb an app registered private, `audit.register_private_verbs`, are skipped: a citizen's inquiry
  or a member's apology changes no public page, so it does not throw every kept page away), on the same day
  (pages that say "upcoming" or "today"), and for at most `PUBLIC_PAGE_CACHE_SECONDS` (default 60; 0 turns
  the cache off). The time limit also bounds what the journal cannot see: a page whose content turns with the
  clock within the day, and a transaction that took a lower journal id and committed after a higher one.
  The generation is read before the view runs, so a GET that writes (a signed link that confirms something)
  keeps its page under the old generation, which no later request matches.
- **Where.** Django's `default` cache: each process's own memory unless `RAAD_CACHE_URL` names a shared one. The
  generation check makes a kept page as fresh in every process, whichever served the change.
"""

from __future__ import annotations

import hashlib
import re
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re

from raad.core import audit
from raad.core.links import PRIVATE_PATHS
from raad.core.replica import STICKY_COOKIE  # STICKY_COOKIE: a browser that just posted

# Paths never kept: the workspace, logging in and the admin (as for the replica), the API and the health view.
EXCLUDED_PATHS = (*PRIVATE_PATHS, "/api/", "/sundhed/", "/static/", "/media/")
# URL arguments of a signed link (raad.core.links): the page is one person's, never kept.
PERSONAL_ARGUMENTS = frozenset({"token", "uidb64", "secret"})
# Request headers that make the view's own answer necessary (a conditional GET gets its 304 from the view).
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# Vary values a kept page may carry: the cookie (only cookie-less requests are served from the cache), the
# language (the URL's prefix decides it) and the encoding (the page is kept uncompressed).
HARMLESS_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
KEY_PREFIX = "raad:page:"
# A kept page is at most this big (Django's in-memory cache keeps at most 300 entries a process).
MAX_BYTES = 1024 * 1024
# `{% csrf_token %}` as Django renders it; the token is put back per visitor in place of TOKEN_SLOT.
CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
TOKEN_SLOT = b"\x00raad-csrf-token\x00"


def enabled() -> bool:
    return settings.PUBLIC_PAGE_CACHE_SECONDS > 0


def _eligible(request) -> bool:
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and not request.path.startswith(EXCLUDED_PATHS)
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and STICKY_COOKIE not in cookies
        and not any(header in request.META for header in CONDITIONAL_HEADERS)
        and not request.user.is_authenticated
    )


def _key(request) -> str:
    # The host and scheme too: a few pages show absolute links built from the request (feed addresses).
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"{KEY_PREFIX}{translation.get_language()}:{digest}"


def _keepable(response) -> bool:
    if response.status_code != 200 or response.streaming or len(response.content) > MAX_BYTES:
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    control = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if control & {"private", "no-store"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    return vary <= HARMLESS_VARY


class PublicPageCacheMiddleware:
    """Serves and keeps anonymous visitors' public pages (see the module). Placed right after the security
    headers, so it sees the final answer of every inner middleware (cookies, Vary) before keeping it, while
    `process_view` looks the page up after the session, language and user are known."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        pending = getattr(request, "_raad_page_cache", None)
        if pending is not None and _keepable(response):
            key, built_at = pending
            headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
            content = CSRF_INPUT.sub(rb"\1" + TOKEN_SLOT + rb"\2", response.content)  # no visitor's token is kept
            entry = (built_at, timezone.localdate().isoformat(), time.time(), content, headers)
            cache.set(key, entry, settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not enabled() or not _eligible(request) or PERSONAL_ARGUMENTS & set(view_kwargs):
            return None
        key = _key(request)
        current = audit.newest_public_entry_id()
        entry = cache.get(key)
        if entry is not None:
            built_at, day, stored, content, headers = entry
            fresh = time.time() - stored < settings.PUBLIC_PAGE_CACHE_SECONDS
            if built_at == current and day == timezone.localdate().isoformat() and fresh:
                if TOKEN_SLOT in content:
                    content = content.replace(TOKEN_SLOT, get_token(request).encode())
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                return response
        request._raad_page_cache = (key, current)
        return None
