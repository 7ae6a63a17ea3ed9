"""The one PDF renderer: an HTML template becomes a PDF with WeasyPrint.

Two purposes, one call:

- `PDF_FOR_PEOPLE`: tagged PDF/UA-1 (structure, reading order, document language and title), for every
  PDF a person reads: public agenda and minutes, letters, the member packet.
- `PDF_FOR_ARCHIVE`: PDF/A-3b, for the archive (self-contained, fonts embedded, identified in its XMP).

Fonts, the base URL for relative links and the document's language and title are set here and nowhere else.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

PDF_FOR_PEOPLE: Literal["people"] = "people"
PDF_FOR_ARCHIVE: Literal["archive"] = "archive"
Purpose = Literal["people", "archive"]

PDF_VARIANTS: dict[str, str] = {PDF_FOR_PEOPLE: "pdf/ua-1", PDF_FOR_ARCHIVE: "pdf/a-3b"}

# Applied before each template's own styles: a font with Danish (and Arabic) glyphs that is installed on every
# machine (Debian's fonts-dejavu-core), and A4. A template's own CSS overrides both.
BASE_CSS = """
@page { size: A4; }
html { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; }
"""

# WeasyPrint logs every rendering step at INFO; only its warnings matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _base_url() -> str:
    """Relative links in a template resolve inside the project, never over the network."""
    return settings.BASE_DIR.as_uri() + "/"


def html_to_pdf(html: str, *, lang: str, purpose: Purpose = PDF_FOR_PEOPLE, title: str = "") -> bytes:
    """Turn a finished HTML document into PDF bytes for `purpose`, with document language `lang`."""
    from weasyprint import CSS, HTML

    if purpose not in PDF_VARIANTS:
        raise ValueError(f"unknown PDF purpose {purpose!r}")
    document = HTML(string=html, base_url=_base_url()).render(stylesheets=[CSS(string=BASE_CSS)])
    document.metadata.lang = lang
    if title or not document.metadata.title:
        document.metadata.title = title or "Råd"
    return document.write_pdf(pdf_variant=PDF_VARIANTS[purpose])


def render_pdf(
    template: str,
    context: dict[str, Any],
    *,
    lang: str,
    purpose: Purpose = PDF_FOR_PEOPLE,
    title: str = "",
) -> bytes:
    """Render `template` in language `lang` and return the PDF.

    The template sees `LANGUAGE_CODE` (use it in `<html lang="…">`) and is rendered with that language
    active, so `{% translate %}` and dates follow it. `title` overrides the template's `<title>`.
    """
    with translation.override(lang):
        html = render_to_string(template, {**context, "LANGUAGE_CODE": lang})
    return html_to_pdf(html, lang=lang, purpose=purpose, title=title)
