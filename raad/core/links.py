"""Absolute links: every link that leaves the site (e-mails, feeds, letters) is `SITE_URL` + a path.

Built from settings, never from a request, so a link in a mail sent by cron or a task worker is the same
as one sent while somebody clicks (healthchecks' `absolute_reverse`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse


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
