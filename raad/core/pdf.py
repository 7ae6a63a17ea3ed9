"""The one PDF renderer: an HTML template becomes a PDF with WeasyPrint.

Two purposes, one call:

- `PDF_FOR_PEOPLE`: tagged PDF/UA-1 (structure, reading order, document language and title), for every
  PDF a person reads: public agenda and minutes, letters, the member packet.
- `PDF_FOR_ARCHIVE`: PDF/A-3b, for the archive (self-contained, fonts embedded, identified in its XMP).

Fonts, the base URL for relative links and the document's language and title are set here and nowhere else.

A PDF anyone may fetch again and again (the public agenda and minutes) goes through `stored_pdf` and
`pdf_response`: the template is rendered to HTML (milliseconds), and WeasyPrint runs only when that HTML has not
been turned into a PDF before. The PDF is kept in the file store under the hash of what it was made from, and
served as a file with that hash as its ETag (a client that has it gets 304). A change to the document changes
its HTML, so the next request makes the new PDF; an unchanged one is never rendered twice.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any, Literal

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control

from raad.core import filestore

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


def _html(template: str, context: dict[str, Any], lang: str) -> str:
    with translation.override(lang):
        return render_to_string(template, {**context, "LANGUAGE_CODE": lang})


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
    return html_to_pdf(_html(template, context, lang), lang=lang, purpose=purpose, title=title)


STORE_DIR = "pdf"


@dataclass(frozen=True)
class StoredPdf:
    """A PDF in the file store: `name` in `default_storage`, `etag` the hash of what it was made from."""

    name: str
    etag: str


def stored_pdf(
    template: str,
    context: dict[str, Any],
    *,
    lang: str,
    purpose: Purpose = PDF_FOR_PEOPLE,
    title: str = "",
) -> StoredPdf:
    """`render_pdf`, made once per distinct content: the PDF of this exact HTML from the file store, rendered and
    stored first if it is not there. The hash covers everything the PDF depends on (HTML, language, purpose,
    title, base styles, WeasyPrint's version)."""
    import weasyprint

    html = _html(template, context, lang)
    digest = hashlib.sha256(
        "\0".join((weasyprint.__version__, BASE_CSS, purpose, lang, title, html)).encode()
    ).hexdigest()
    name = f"{STORE_DIR}/{digest[:2]}/{digest}.pdf"
    if not default_storage.exists(name):
        data = html_to_pdf(html, lang=lang, purpose=purpose, title=title)
        # Two first requests at once both render; the second save finds the name taken and stores a copy under
        # another name that is never read. The PDF served is the same.
        # A failed write (disk full) leaves no half PDF that later requests would serve as this one.
        filestore.save_bytes(default_storage, name, data)
    return StoredPdf(name=name, etag=f'"{digest}"')


def pdf_response(request: HttpRequest, pdf: StoredPdf, *, filename: str) -> HttpResponse:
    """The stored PDF as the answer to `request`: 304 when the client already has this version (If-None-Match),
    else the file with its ETag. Clients revalidate each time (a document can change)."""
    response: HttpResponse | None = get_conditional_response(request, etag=pdf.etag)
    if response is None:
        with default_storage.open(pdf.name, "rb") as handle:
            response = HttpResponse(handle.read(), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = pdf.etag
    patch_cache_control(response, no_cache=True)
    return response
