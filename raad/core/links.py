"""Absolute links: every link that leaves the site (e-mails, feeds, letters) is `SITE_URL` + a path.

Built from settings, never from a request, so a link in a mail sent by cron or a task worker is the same
as one sent while somebody clicks (healthchecks' `absolute_reverse`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

# The site's paths that are never public: the workspace, logging in and the account, the admin (each also under a
# language prefix where the site has one). Crawlers are told to stay out (robots.txt), the public page cache and
# the read replica leave them alone.
PRIVATE_PATHS = ("/arbejdsrum/", "/konto/", "/admin/")


def absolute_url(path_or_obj: Any) -> str:
    """`SITE_URL` + the path: a path ("/arbejdsrum/…"), or an object with `get_absolute_url()`.
    A full http(s) address is returned as it is."""
    path = path_or_obj.get_absolute_url() if hasattr(path_or_obj, "get_absolute_url") else str(path_or_obj)
    if path.startswith(("http://", "https://")):
        return path
    if not path.startswith("/"):
        raise ValueError(f"absolute_url needs a path that starts with '/', got {path!r}")
    return settings.SITE_URL + path


def absolute_reverse(viewname: str, *args: Any, **kwargs: Any) -> str:
    """`absolute_url(reverse(viewname, args=…, kwargs=…))`."""
    return absolute_url(reverse(viewname, args=args or None, kwargs=kwargs or None))


def local_next(request: Any, candidate: str | None) -> str | None:
    """`candidate` (a `next` parameter from the request) when it is a path on this site, else None.

    Only a path that starts with one "/" counts: `url_has_allowed_host_and_scheme` alone also lets through a
    bare word like "ê" or "home", which `redirect()` then tries to reverse as a URL name (a server error), and a
    NUL byte or line break, which no Location header may carry."""
    from django.utils.http import url_has_allowed_host_and_scheme

    if (
        not candidate
        or not candidate.startswith("/")
        or candidate.startswith("//")
        or any(ord(character) < 32 or ord(character) == 127 for character in candidate)
    ):
        return None
    if not url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return None
    return candidate
