"""The public site. Everything here comes from `public_…` selectors; no login needed."""

from __future__ import annotations

import datetime
import mimetypes

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from raad.core.i18n import citizen_page, shown_texts
from raad.core.translations import localized
from raad.core.workspace import council_for, public_crumbs, show_installation
from raad.councils import rules as procedure
from raad.councils import selectors as councils
from raad.councils.models import Council, RulesOfProcedure, TermsOfReference
from raad.membership.selectors import public_member_photo, public_roster
from raad.portal.selectors import front_page
from raad.secretariat.selectors.annual_report import public_annual_report_years


@citizen_page
def home(request: HttpRequest) -> HttpResponse:
    council_list = councils.public_council_list()
    # One municipality: its first council's front page, as with a single council (the others are on the
    # municipality's landing page, linked from it). Several municipalities: the list of every council.
    municipalities = {c.municipality_id for c in council_list}
    featured = min(council_list, key=lambda c: c.pk) if len(municipalities) == 1 else None
    others = len(council_list) > 1
    context: dict = {"councils": council_list, "featured": featured, "other_councils": others}
    if featured is None and council_list:
        # Several municipalities: their list (98 at most in Denmark, not every council) and a search by the name of
        # a municipality or a council.
        show_installation(request)
        text = request.GET.get("q", "").strip()[:100]
        context["municipalities"] = councils.public_municipality_directory()
        context["text"] = text
        if text:
            context["matches"], context["match_count"] = councils.public_councils_matching(text)
    if featured is not None:
        context["terms"] = terms = councils.terms_of_reference_for(featured)
        context["current"] = front_page(featured)
        context["shown"] = shown_texts(
            [(featured, "name"), (terms, "introduction"), (terms, "limits")]
            + [(purpose, "title") for purpose in terms.purposes.all()]
        )
    return render(request, "portal/home.html", context)


@citizen_page
def council(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    terms = councils.terms_of_reference_for(council)
    purposes = list(terms.purposes.all())
    context = {
        "council": council,
        "terms": terms,
        "shown": shown_texts(
            [(council, "name")]
            + [(terms, field) for field in TermsOfReference.TEXT_FIELDS]
            + [(purpose, field) for purpose in purposes for field in ("title", "description")]
            + [(task, "text") for purpose in purposes for task in purpose.tasks.all()]
        ),
        "rules": _rules_or_none(council),
        "roster": public_roster(council),
        "term": councils.current_term(council),
        "annual_report_years": public_annual_report_years(council),
        "crumbs": public_crumbs(None, (localized(council, "name"), None)),
    }
    return render(request, "portal/council.html", context)


def members(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    context = {
        "council": council,
        "roster": public_roster(council),
        "term": councils.current_term(council),
        "rules": _rules_or_none(council),
        "crumbs": public_crumbs(council, (_("Medlemmer"), None)),
    }
    return render(request, "portal/members.html", context)


def _rules_or_none(council: Council, on: datetime.date | None = None):
    try:
        return councils.rules_in_force(council, on)
    except councils.NoRulesInForce:
        return None


def rules(request: HttpRequest, slug: str) -> HttpResponse:
    """The rules of procedure in force today, or on the date asked for (?dato=YYYY-MM-DD)."""
    council = council_for(request, slug)
    asked = request.GET.get("dato", "").strip()
    on = timezone.localdate()
    error = ""
    if asked:
        try:
            parsed = parse_date(asked)
        except ValueError:
            parsed = None
        if parsed is None:
            error = _("Datoen skal skrives som ÅÅÅÅ-MM-DD, fx 2024-05-01.")
        else:
            on = parsed
    version = _rules_or_none(council, on)
    if version is None and not error:
        error = _("Rådet havde ingen forretningsorden den %(date)s.") % {"date": on.strftime("%d.%m.%Y")}
    bad_input = bool(asked) and on == timezone.localdate() and bool(error)
    return _render_rules(request, council, version, on=on, asked=asked, error=error, status=400 if bad_input else 200)


def rules_version(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    council = council_for(request, slug)
    try:
        found = councils.rules_version(council, version)
    except RulesOfProcedure.DoesNotExist:
        raise Http404(_("Den version findes ikke.")) from None
    return _render_rules(request, council, found, on=None, asked="", error="")


def _render_rules(request, council, version, *, on, asked, error, status=200) -> HttpResponse:
    in_force_today = _rules_or_none(council)
    context = {
        "council": council,
        "version": version,
        "sections": procedure.readable({f: getattr(version, f) for f in procedure.SETTING_FIELDS}) if version else [],
        "versions": councils.rules_versions(council),
        "in_force_today": in_force_today,
        "to_be_confirmed": councils.rules_to_be_confirmed(version),
        "asked": asked,
        "on": on,
        "error": error,
        "crumbs": public_crumbs(council, (_("Forretningsorden"), None)),
    }
    return render(request, "portal/rules.html", context, status=status)


@citizen_page
def contact(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    context = {"council": council, "crumbs": public_crumbs(council, (_("Kontakt"), None))}
    return render(request, "portal/contact.html", context)


@citizen_page
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request, "portal/accessibility.html", {"crumbs": public_crumbs(None, (_("Tilgængelighedserklæring"), None))}
    )


@citizen_page
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/privacy.html", {"crumbs": public_crumbs(None, (_("Persondata"), None))})


def member_photo(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    """A member's photo, served only while they sit on the council and have consented to it."""
    council = council_for(request, slug)
    person = public_member_photo(council, person_id)
    if person is None:
        raise Http404(_("Billedet findes ikke."))
    content_type = mimetypes.guess_type(person.photo.name)[0] or "application/octet-stream"
    response = FileResponse(person.photo.open("rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=3600"
    return response
