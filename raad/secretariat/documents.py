"""The annual report as a document: the context its one template reads (page and PDF), and the tagged PDF
(PDF/UA, `raad.core.pdf`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _

from raad.core.languages import council_language
from raad.core.pdf import PDF_FOR_PEOPLE, StoredPdf, render_pdf, stored_pdf
from raad.secretariat import chart
from raad.secretariat.models import AnnualReport
from raad.secretariat.rules import SECTIONS
from raad.secretariat.selectors.annual_report import AnnualFigures, report_figures

TEMPLATE = "secretariat/annual_report/document.html"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    comment: str


def _money(value: Any) -> str:
    return formats.number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)


def charts(figures: AnnualFigures) -> dict[str, chart.BarChart | None]:
    """Attendance per held meeting (per cent of the seats filled) and spending per budget line (kr.)."""
    attendance = chart.bar_chart(
        [
            (
                formats.date_format(row.held_on, "SHORT_DATE_FORMAT"),
                row.attendance_percent,
                f"{row.attendance_percent} %",
            )
            for row in figures.meetings.rows
        ],
        scale=100,
    )
    lines = figures.budget.lines
    scale = max((max(line.budget, line.spent) for line in lines), default=0)
    spending = chart.bar_chart([(line.name, line.spent, _money(line.spent)) for line in lines], scale=scale or None)
    return {"attendance": attendance, "spending": spending}


def report_sections(report: AnnualReport) -> list[Section]:
    """Every section of the report in order, its title in the active language, with the forperson's comment
    (empty when there is none): the page, the PDF and the API show the same."""
    comments = report.comments or {}
    return [Section(key=key, title=str(title), comment=comments.get(key, "")) for key, title in SECTIONS]


def report_context(report: AnnualReport) -> dict[str, Any]:
    """What the report's template reads, in the active language (titles and labels are translated)."""
    figures = report_figures(report)
    return {
        "report": report,
        "council": report.council,
        "figures": figures,
        "sections": {section.key: section for section in report_sections(report)},
        "charts": charts(figures),
    }


def _pdf_parts(report: AnnualReport, lang: str | None) -> tuple[dict[str, Any], str, str]:
    lang = lang or council_language(report.council)
    with translation.override(lang):
        context = report_context(report)
        title = _("Årsberetning %(year)s") % {"year": report.year}
    return context, lang, f"{title} – {report.council.name}"


def annual_report_pdf(report: AnnualReport, lang: str | None = None) -> bytes:
    """The report as a tagged PDF for people (PDF/UA), in `lang` or the council's language."""
    context, lang, title = _pdf_parts(report, lang)
    return render_pdf(TEMPLATE, context, lang=lang, purpose=PDF_FOR_PEOPLE, title=title)


def annual_report_stored_pdf(report: AnnualReport, lang: str | None = None) -> StoredPdf:
    """The same PDF from the file store (`raad.core.pdf.stored_pdf`): WeasyPrint runs once per language and
    content, not on every public request (a published report's figures are frozen, so it runs once)."""
    context, lang, title = _pdf_parts(report, lang)
    return stored_pdf(TEMPLATE, context, lang=lang, purpose=PDF_FOR_PEOPLE, title=title)
