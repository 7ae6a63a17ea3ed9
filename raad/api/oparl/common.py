"""What every OParl object and list shares: absolute URLs, dates, JSON answers, the list filters and pagination.

A list is made of `Source`s: each a `public_…` selector's queryset (per body, or for the whole site when the body
is None) with the function that turns one row into an OParl object. A list pages through its sources in order
(each ordered by primary key, so the order is stable), then, only when `modified_since` is given, through the
sources' deleted rows (OParl 1.1, "Filter"). A page costs one count per source and one query (plus the
selector's prefetches) per source it shows: a constant number whatever the data size.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from raad.core.links import absolute_url

OPARL_VERSION = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 100
FILTERS = {
    "created_since": ("created", "gte"),
    "created_until": ("created", "lte"),
    "modified_since": ("modified", "gte"),
    "modified_until": ("modified", "lte"),
}
LIST_PARAMETERS = {"page", "limit", "omit_internal", *FILTERS}
# The internal lists a client may ask us to leave out (`omit_internal=true`), by object type.
INTERNAL_LISTS = {
    "AgendaItem": ("auxiliaryFile",),
    "Meeting": ("auxiliaryFile", "agendaItem"),
    "Paper": ("auxiliaryFile", "location"),
    "Person": ("membership",),
    "Body": ("legislativeTerm",),
}


class BadRequest(Exception):
    """Bad input to a list: answered 400 with the message."""


def type_of(name: str) -> str:
    return f"{OPARL_VERSION}{name}"


def url(name: str, *args: Any) -> str:
    """The absolute URL (from SITE_URL) of an OParl resource."""
    return absolute_url(reverse(f"oparl:{name}", args=args))


def web(path: str) -> str:
    """The absolute URL of a public page, in the site's default language (OParl is language-neutral)."""
    return absolute_url(path)


def when(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value is not None else None


def day(value: datetime.date | datetime.datetime | None) -> str | None:
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return value.isoformat() if value is not None else None


def compact(data: dict) -> dict:
    """The object without its empty optional values (OParl: leave out what is unknown rather than null)."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def stamps(obj: Any, created: str = "created_at", modified: str = "updated_at") -> dict:
    return {"created": when(getattr(obj, created)), "modified": when(getattr(obj, modified))}


def json_response(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/json; charset=utf-8"
    response["Access-Control-Allow-Origin"] = "*"  # OParl: CORS for everyone (read-only, public data)
    return response


def error_response(status: int, message: str) -> JsonResponse:
    return json_response({"error": {"status": status, "message": message}}, status=status)


@dataclass(frozen=True)
class Source:
    """One kind of row in a list: `rows(body_id)` the public ones, `gone(body_id)` those that were public and
    are not any more (listed and answered as `deleted: true`)."""

    type: str  # the OParl type, e.g. "Meeting"
    rows: Callable[[int | None], QuerySet]
    serialize: Callable[[Any], dict]
    object_url: Callable[[Any], str]
    gone: Callable[[int | None], QuerySet] | None = None
    created: str = "created_at"
    modified: str = "updated_at"
    keep: tuple[str, ...] = ()  # what a deleted object keeps besides id, type and times (a File its accessUrl)
    gone_modified: str | None = None  # a deleted row's time it stopped being public, when not `modified`

    def deleted(self, obj: Any) -> dict:
        """OParl's soft delete: id, type and created kept, modified the time it stopped being public."""
        kept = self.serialize(obj) if self.keep else {}
        return {
            "id": self.object_url(obj),
            "type": type_of(self.type),
            **{key: kept[key] for key in self.keep},
            **stamps(obj, self.created, self.gone_modified or self.modified),
            "deleted": True,
        }

    def filtered(self, qs: QuerySet, filters: dict[tuple[str, str], datetime.datetime], gone: bool = False) -> QuerySet:
        modified = (self.gone_modified if gone else None) or self.modified
        fields = {"created": self.created, "modified": modified}
        return qs.filter(**{f"{fields[field]}__{lookup}": value for (field, lookup), value in filters.items()})


def parse_moment(name: str, value: str) -> datetime.datetime:
    message = _("%(name)s skal være et tidspunkt som 2026-01-31T12:00:00+01:00 (ISO 8601).") % {"name": name}
    if len(value) > 64:
        raise BadRequest(message)
    for candidate in (value, value.replace(" ", "+")):  # a "+" not URL-encoded arrives as a space
        try:
            moment = datetime.datetime.fromisoformat(candidate)
        except ValueError:
            continue
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment
    raise BadRequest(message)


def parse_positive(name: str, value: str | None, default: int) -> int:
    if value is None:
        return default
    if not value.isdigit() or len(value) > 9 or int(value) < 1:
        raise BadRequest(_("%(name)s skal være et helt tal fra 1.") % {"name": name})
    return int(value)


@dataclass(frozen=True)
class ListQuery:
    filters: dict[tuple[str, str], datetime.datetime]
    page: int
    limit: int
    omit_internal: bool
    kept: dict[str, str]  # the parameters the links of every page keep

    @classmethod
    def of(cls, request: HttpRequest) -> ListQuery:
        unknown = sorted(set(request.GET) - LIST_PARAMETERS)
        if unknown:
            raise BadRequest(
                _("Ukendt parameter: %(names)s. Tilladt: %(allowed)s.")
                % {"names": ", ".join(unknown), "allowed": ", ".join(sorted(LIST_PARAMETERS))}
            )
        filters = {FILTERS[name]: parse_moment(name, request.GET[name]) for name in FILTERS if name in request.GET}
        omit = request.GET.get("omit_internal")
        if omit not in (None, "true", "false"):
            raise BadRequest(_("omit_internal skal være true eller false."))
        limit = min(parse_positive("limit", request.GET.get("limit"), PAGE_SIZE), PAGE_SIZE)
        kept = {name: request.GET[name] for name in (*FILTERS, "omit_internal") if name in request.GET}
        if "limit" in request.GET:
            kept["limit"] = str(limit)
        return cls(
            filters=filters,
            page=parse_positive("page", request.GET.get("page"), 1),
            limit=limit,
            omit_internal=omit == "true",
            kept=kept,
        )

    def page_url(self, base: str, page: int) -> str:
        params = {**self.kept, **({"page": str(page)} if page > 1 else {})}
        return base + ("?" + urlencode(params) if params else "")


def without_internal(type_name: str, data: dict) -> dict:
    for key in INTERNAL_LISTS.get(type_name, ()):
        data.pop(key, None)
    return data


def reader_language(request: HttpRequest) -> str:
    """The reader's language for messages: /oparl/ has no language prefix, so the middleware always chooses
    Danish; the browser's Accept-Language (or the language cookie) chooses here."""
    return translation.get_language_from_request(request, check_path=False)


# The largest id a row can have (BigAutoField, SQLite's INTEGER): a bigger number in a URL names nothing, and
# the database must not see it (SQLite raises OverflowError, PostgreSQL "out of range": a server error).
MAX_DATABASE_ID = 2**63 - 1


def list_page(request: HttpRequest, base: str, sources: Iterable[Source], body_id: int | None) -> JsonResponse:
    """One page of an external object list (OParl 1.1, "Objektlisten und Paginierung")."""
    if body_id is not None and body_id > MAX_DATABASE_ID:
        return not_found(request)
    try:
        with translation.override(reader_language(request)):
            query = ListQuery.of(request)
    except BadRequest as error:
        return error_response(400, str(error))
    sources = list(sources)
    parts: list[tuple[Source, QuerySet, bool]] = [
        (s, s.filtered(s.rows(body_id), query.filters), False) for s in sources
    ]
    if ("modified", "gte") in query.filters:  # deleted objects only for a client that is updating (OParl 1.1)
        parts += [(s, s.filtered(s.gone(body_id), query.filters, True), True) for s in sources if s.gone is not None]
    counts = [qs.count() for _source, qs, _gone in parts]
    total = sum(counts)
    pages = max(1, math.ceil(total / query.limit))
    if query.page > pages:
        with translation.override(reader_language(request)):
            message = _("Siden %(page)s findes ikke; listen har %(pages)s sider.") % {
                "page": query.page,
                "pages": pages,
            }
        return error_response(400, message)
    start, stop = (query.page - 1) * query.limit, query.page * query.limit
    data, offset = [], 0
    with translation.override(settings.LANGUAGE_CODE):  # the record's language: Danish
        for (source, qs, gone), count in zip(parts, counts, strict=True):
            low, high = max(start - offset, 0), min(stop - offset, count)
            offset += count
            if low >= high:
                continue
            for obj in qs[low:high]:
                if gone:
                    data.append(source.deleted(obj))
                elif query.omit_internal:
                    data.append(without_internal(source.type, source.serialize(obj)))
                else:
                    data.append(source.serialize(obj))
    links = {"first": query.page_url(base, 1), "self": query.page_url(base, query.page)}
    if query.page > 1:
        links["prev"] = query.page_url(base, query.page - 1)
    if query.page < pages:
        links["next"] = query.page_url(base, query.page + 1)
    links["last"] = query.page_url(base, pages)
    pagination = {
        "totalElements": total,
        "elementsPerPage": query.limit,
        "currentPage": query.page,
        "totalPages": pages,
    }
    return json_response({"data": data, "pagination": pagination, "links": links})


def object_answer(request: HttpRequest, source: Source, pk: int) -> JsonResponse:
    """One object: public, or deleted (it was public once), or 404 (it never was, or does not exist)."""
    if pk > MAX_DATABASE_ID:
        return not_found(request)
    with translation.override(settings.LANGUAGE_CODE):
        obj = source.rows(None).filter(pk=pk).first()
        if obj is not None:
            return json_response(source.serialize(obj))
        if source.gone is not None:
            obj = source.gone(None).filter(pk=pk).first()
            if obj is not None:
                return json_response(source.deleted(obj))
    return not_found(request)


def not_found(request: HttpRequest) -> JsonResponse:
    with translation.override(reader_language(request)):
        return error_response(404, _("Objektet findes ikke eller er ikke offentligt."))
