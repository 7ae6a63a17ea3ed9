"""The one PDF renderer: tagged PDF/UA for people, PDF/A for the archive, language and title set."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from raad.core.pdf import PDF_FOR_ARCHIVE, PDF_FOR_PEOPLE, html_to_pdf, render_pdf

TEMPLATES = Path(__file__).parent / "templates"


@pytest.fixture
def test_templates(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [TEMPLATES, *settings.TEMPLATES[0]["DIRS"]]}]


def _read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def _text(reader: PdfReader) -> str:
    return "".join(page.extract_text() for page in reader.pages)


def test_for_people_the_pdf_is_tagged_with_language_and_title(test_templates):
    reader = _read(render_pdf("core_tests/document.html", {"heading": "Møde 3"}, lang="da", purpose=PDF_FOR_PEOPLE))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712  (a pypdf BooleanObject)
    assert root["/Lang"] == "da"
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "Møde 3"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert "pdfuaid:part" in reader.xmp_metadata.rdf_root.toxml()
    assert "Dagsorden: Æbleø, Åbenrå." in _text(reader)


def test_the_template_is_rendered_in_the_language_asked_for(test_templates):
    reader = _read(render_pdf("core_tests/document.html", {"heading": "Meeting 3"}, lang="en"))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "Agenda: Æbleø, Åbenrå." in _text(reader)


def test_for_the_archive_the_pdf_identifies_itself_as_pdf_a_3b(test_templates):
    reader = _read(render_pdf("core_tests/document.html", {"heading": "Arkiv"}, lang="da", purpose=PDF_FOR_ARCHIVE))
    xmp = reader.xmp_metadata
    assert xmp is not None
    namespace = "http://www.aiim.org/pdfa/ns/id/"
    assert xmp._get_single_value(namespace, "part") == "3"  # noqa: SLF001  (pypdf has no public getter for pdfaid)
    assert xmp._get_single_value(namespace, "conformance") == "B"  # noqa: SLF001
    assert reader.trailer["/Root"]["/Lang"] == "da"
    assert "/OutputIntents" in reader.trailer["/Root"]


def test_a_title_given_by_the_caller_wins_over_the_template_and_one_is_always_set():
    html = "<html><head><title>Fra skabelonen</title></head><body><p>Tekst</p></body></html>"
    assert _read(html_to_pdf(html, lang="da", title="Fra kaldet")).metadata.title == "Fra kaldet"
    untitled = _read(html_to_pdf("<html><body><p>Tekst</p></body></html>", lang="da"))
    assert untitled.metadata.title == "Råd"


def test_an_unknown_purpose_is_refused():
    with pytest.raises(ValueError, match="unknown PDF purpose"):
        html_to_pdf("<p>x</p>", lang="da", purpose="poster")  # type: ignore[arg-type]
