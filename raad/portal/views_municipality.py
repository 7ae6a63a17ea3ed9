"""The municipality's public landing page: every council it has, each with its purpose line."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from raad.core.workspace import public_crumbs, show_municipality
from raad.councils import selectors as councils
from raad.councils.models import Municipality


def municipality(request: HttpRequest, code: str) -> HttpResponse:
    try:
        found = councils.public_municipality(code)
    except Municipality.DoesNotExist:
        raise Http404(_("Kommunen findes ikke.")) from None
    show_municipality(request, found)
    context = {
        "municipality": found,
        "councils": councils.public_municipality_councils(found),
        "crumbs": public_crumbs(None, (found.name, None)),
    }
    return render(request, "portal/municipality.html", context)
