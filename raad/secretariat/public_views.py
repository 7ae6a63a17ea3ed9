"""The published annual report (R23): a page and a tagged PDF (PDF/UA), from one template. Published reports
only: a draft, adopted or sent report is a 404."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from raad.core.pdf import pdf_response
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
    """The stored PDF (rendered once per language and content), with an ETag: 304 for a client that has it."""
    _council, annual = _published(request, slug, year)
    pdf = documents.annual_report_stored_pdf(annual, lang=translation.get_language())
    return pdf_response(request, pdf, filename=f"aarsberetning-{year}.pdf")
