"""The council's published annual reports (R23): the foreword, the forperson's comment on each section and the
figures frozen when the council adopted the report. Drafts, adopted and sent reports are not public."""

from __future__ import annotations

import datetime
from dataclasses import asdict
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import Path, Router, Schema

from raad.core.languages import in_council_language
from raad.secretariat.documents import report_sections
from raad.secretariat.models import AnnualReport
from raad.secretariat.selectors.annual_report import public_annual_report, public_annual_report_list

from .common import (
    MODIFIED_SINCE,
    PAGE_PARAMS,
    PAGE_QUERY,
    PAGE_SIZE_QUERY,
    check_params,
    link,
    not_found,
    paginate,
    set_last_modified,
    since,
)
from .councils import SLUG, council_or_404
from .schemas import Page

YEAR_PATH = Path(..., ge=1900, le=2200, description=gettext_lazy("Året, beretningen handler om"))

router = Router(tags=["annual reports"])


class AnnualReportOut(Schema):
    year: int
    council: str
    published_at: datetime.datetime
    html_url: str
    pdf_url: str
    updated_at: datetime.datetime


class SectionOut(Schema):
    key: str
    title: str
    comment: str


class AnnualReportDetailOut(AnnualReportOut):
    introduction: str
    sections: list[SectionOut]
    figures: dict[str, Any]


def report_out(report: AnnualReport, slug: str) -> dict:
    return {
        "year": report.year,
        "council": slug,
        "published_at": report.published_at,
        "html_url": link("annual_report_public:report", slug, report.year),
        "pdf_url": link("annual_report_public:pdf", slug, report.year),
        "updated_at": report.updated_at,
    }


@router.get(
    "/councils/{slug}/annual-reports",
    response=Page[AnnualReportOut],
    summary=gettext_lazy("Årsberetninger"),
    description=gettext_lazy("Rådets offentliggjorte årsberetninger, nyeste år først."),
)
def annual_report_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = SLUG,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, PAGE_PARAMS)
    council = council_or_404(slug)
    return paginate(
        request,
        response,
        since(public_annual_report_list(council), modified_since),
        page=page,
        page_size=page_size,
        serialize=lambda r: report_out(r, council.slug),
        key="-year",
    )


@router.get(
    "/councils/{slug}/annual-reports/{year}",
    response=AnnualReportDetailOut,
    summary=gettext_lazy("Én årsberetning"),
    description=gettext_lazy(
        "En offentliggjort årsberetning: forordet, forpersonens kommentar til hvert afsnit (afsnittenes titler på "
        "dansk) og tallene, som de blev frosset, da rådet vedtog beretningen."
    ),
)
def annual_report_detail(request: HttpRequest, response: HttpResponse, slug: str = SLUG, year: int = YEAR_PATH):
    check_params(request, ())
    council = council_or_404(slug)
    report = public_annual_report(council, year)
    if report is None:
        raise not_found()
    set_last_modified(response, [report.updated_at])
    with in_council_language(council):  # the record's language, as every text of the API
        sections = [asdict(section) for section in report_sections(report)]
    return {
        **report_out(report, council.slug),
        "introduction": report.introduction,
        "sections": sections,
        "figures": report.figures or {},
    }
