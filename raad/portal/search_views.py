"""The search page `/soeg/` (raad.core.search over what the apps registered; docs/search.md)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from raad.core import search as index
from raad.core.i18n import citizen_page
from raad.core.search.query import MAX_LENGTH
from raad.core.workspace import public_crumbs, show_installation
from raad.councils import selectors as councils
from raad.councils.models import Council

PARAMS = ("q", "art", "raad", "aar", "formaal")


def _link(params: dict[str, str], **changes: str) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v}
    return "?" + urlencode(merged)


def _chrome(request: HttpRequest, slug: str) -> None:
    """The header and footer of a search: the council it is narrowed to; else, in an installation of several
    municipalities, none (as on its front page), not the first council set up."""
    if slug:
        try:
            request.council = councils.council_by_slug(slug)  # type: ignore[attr-defined]
            return
        except Council.DoesNotExist:
            pass
    council = councils.council_of_one_municipality()
    if council is None:
        show_installation(request)
    else:
        request.council = council  # type: ignore[attr-defined]


@citizen_page
def search(request: HttpRequest) -> HttpResponse:
    shown_text = (request.GET.get("q") or "")[:MAX_LENGTH]
    context: dict = {"text": shown_text, "crumbs": public_crumbs(None, (_("Søg"), None))}
    try:
        query = index.parse(request.GET)
        _chrome(request, query.council)
        results = index.search(query)
    except index.BadQuery as error:
        context["error"] = error.message
        return render(request, "portal/search/search.html", context, status=400)
    params = {k: str(v) for k, v in request.GET.items() if k in PARAMS and v}
    facets = [
        (
            name,
            label,
            [(f, _link(params, **{name: "" if f.selected else f.value})) for f in results.facets.get(name, [])],
            results.more.get(name, 0),
        )
        for name, label in (
            ("art", _("Slags")),
            ("raad", pgettext("search filter", "Råd")),
            ("aar", _("År")),
            ("formaal", _("Formål")),
        )
    ]
    context |= {
        "query": query,
        "results": results,
        "facets": [f for f in facets if f[2]],
        "hidden": [(k, v) for k, v in params.items() if k != "q"],  # a new search keeps the filters
        "filtered": any(params.get(k) for k in PARAMS[1:]),
        "reset": _link({"q": params.get("q", "")}),
        "previous": _link(params, side=str(query.page - 1)) if query.page > 1 else "",
        "next": _link(params, side=str(query.page + 1)) if query.page < results.pages else "",
    }
    return render(request, "portal/search/search.html", context)
