"""What every endpoint of the REST API shares: errors as JSON, the check of query parameters, stable pages,
`modified_since`, Last-Modified, and links to the public pages."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.http import http_date, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Path, Query

from raad.core.links import absolute_reverse, absolute_url

PAGE_SIZE = 50
PAGE_SIZE_MAX = 100
PAGE_MAX = 100_000
VALUE_MAX = 200  # the longest value any query parameter takes (a slug, a date, a number)

PAGE_PARAMS = ("page", "page_size", "modified_since")

# The parameters every list takes (module-level, so the endpoints' signatures share them).
PAGE_QUERY = Query(1, ge=1, le=PAGE_MAX, description=gettext_lazy("Siden, fra 1"))
PAGE_SIZE_QUERY = Query(PAGE_SIZE, ge=1, le=PAGE_SIZE_MAX, description=gettext_lazy("Rækker pr. side"))
MODIFIED_SINCE = Query(
    None, description=gettext_lazy("Kun det, der er ændret på eller efter dette tidspunkt (ISO 8601)")
)
YEAR = Query(None, ge=1900, le=2200, description=gettext_lazy("Kun dette år"))
ID = Path(..., ge=1, le=2**31 - 1, description=gettext_lazy("Id'et"))


class ApiError(Exception):
    """A refusal the API answers with `status` and `{"error": message}`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def not_found() -> ApiError:
    return ApiError(404, _("Findes ikke, eller er ikke offentligt."))


def check_params(request: HttpRequest, allowed: Iterable[str]) -> None:
    """400 for a parameter the endpoint does not know, one given twice, or a value longer than any it takes."""
    allowed = set(allowed)
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        raise ApiError(
            400,
            _("Ukendt parameter: %(unknown)s. Tilladt her: %(allowed)s.")
            % {"unknown": ", ".join(name[:50] for name in unknown[:5]), "allowed": ", ".join(sorted(allowed)) or "-"},
        )
    for name, values in request.GET.lists():
        if len(values) > 1:
            raise ApiError(400, _("Parameteren %(name)s må kun angives én gang.") % {"name": name})
        if len(values[0]) > VALUE_MAX:
            raise ApiError(
                400, _("Værdien af %(name)s er for lang (højst %(max)s tegn).") % {"name": name, "max": VALUE_MAX}
            )


def aware(moment: datetime.datetime) -> datetime.datetime:
    """A date-time without a time zone is read as Danish time."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def since(qs: QuerySet, modified_since: datetime.datetime | None, field: str = "updated_at") -> QuerySet:
    if modified_since is None:
        return qs
    return qs.filter(**{f"{field}__gte": aware(modified_since)})


def set_last_modified(response: HttpResponse, moments: Iterable[datetime.datetime | None]) -> None:
    """Last-Modified from the newest of `moments` (ETag is added for every answer by the API middleware)."""
    latest = max((m for m in moments if m is not None), default=None)
    if latest is not None:
        response["Last-Modified"] = http_date(latest.timestamp())


def _page_url(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return absolute_url(request.path) + "?" + urlencode(sorted(query.items()))


def paginate(
    request: HttpRequest,
    response: HttpResponse,
    qs: QuerySet,
    *,
    page: int,
    page_size: int,
    serialize: Callable[[Any], dict],
    key: str = "id",
) -> dict:
    """One page of `qs` ordered by the unique `key` (stable: a row never moves to another page because another
    changed), two queries plus the prefetches of `qs` whatever its size. A page after the last one is a 400."""
    count = qs.count()
    pages = max(1, math.ceil(count / page_size))
    if page > pages:
        raise ApiError(400, _("Side %(page)s findes ikke: der er %(pages)s side(r).") % {"page": page, "pages": pages})
    start = (page - 1) * page_size
    rows = list(qs.order_by(key)[start : start + page_size])
    set_last_modified(response, (getattr(row, "updated_at", None) for row in rows))
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": pages,
        "next": _page_url(request, page + 1) if page < pages else None,
        "previous": _page_url(request, page - 1) if page > 1 else None,
        "results": [serialize(row) for row in rows],
    }


def link(viewname: str, *args: Any) -> str:
    """The absolute address of a public page, in the site's main language (the API is language-neutral)."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_reverse(viewname, *args)
