"""The published annual report (R23): a page and a tagged PDF (PDF/UA), from one template. Published reports
only: a draft, adopted or sent report is a 404."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from raad.core.workspace import council_for, public_crumbs
from raad.secretariat import documents
from raad.secretariat.selectors.annual_report import public_annual_report


def _published(request, slug, year):
    council = council_for(request, slug)
    report = public_annual_report(council, year)
    if report is None:
        raise Http404(_("Årsberetningen findes ikke eller er ikke offentliggjort."))
    return council, report


def report(request, slug, year):
    council, annual = _published(request, slug, year)
    title = _("Årsberetning %(year)s") % {"year": year}
    return render(
        request,
        "secretariat/annual_report/public.html",
        {**documents.report_context(annual), "crumbs": public_crumbs(council, (title, None))},
    )


def report_pdf(request, slug, year):
    _council, annual = _published(request, slug, year)
    pdf = documents.annual_report_pdf(annual, lang=translation.get_language())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="aarsberetning-{year}.pdf"'
    return response
