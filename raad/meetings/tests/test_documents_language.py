"""The members' agenda packet says whether it holds closed items and stays a tagged PDF (PDF/UA); pages and
PDFs in English mark the council's untranslated Danish texts (titles, case texts, decisions) with lang="da"."""

from __future__ import annotations

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from raad.meetings import services
from raad.testing.cast import log_in_verified

from .factories import SECRET, meeting_with_items, published_meeting, tiny_pdf

CLOSED_CLAIM = "Indeholder lukkede punkter"


def packet(client, cast, meeting, language="da"):
    prefix = "" if language == "da" else f"/{language}"
    response = client.get(f"{prefix}/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/dagsorden.pdf")
    assert response.status_code == 200
    return PdfReader(io.BytesIO(response.content))


def text_of(reader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def assert_tagged(reader, language):
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith(language)
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()


def test_packet_without_closed_items_does_not_claim_any(client, cast):
    meeting = meeting_with_items(cast, n_open=2)
    log_in_verified(client, cast.secretary)
    reader = packet(client, cast, meeting)
    text = text_of(reader)
    assert "Dagsordenen har ingen lukkede punkter" in text
    assert CLOSED_CLAIM not in text
    assert_tagged(reader, "da")


def test_packet_with_closed_items_and_attachments_says_so_and_stays_tagged(client, cast):
    meeting, *_ = published_meeting(cast)
    log_in_verified(client, cast.secretary)
    reader = packet(client, cast, meeting)
    text = text_of(reader)
    assert CLOSED_CLAIM in text and SECRET in text  # members see closed items in full
    assert "Praktikpladser i Holbæk" in text  # the attachment's pages follow the agenda
    assert_tagged(reader, "da")


def test_english_packet_is_english_and_tagged(client, cast):
    meeting = meeting_with_items(cast, n_open=1)
    services.attachment_add(
        item=meeting.items.get(),
        title="Notat",
        upload=SimpleUploadedFile("n.pdf", tiny_pdf("Notat om hold")),
        by=cast.secretary,
    )
    log_in_verified(client, cast.secretary)
    reader = packet(client, cast, meeting, "en")
    assert "The agenda has no closed items" in text_of(reader)
    assert_tagged(reader, "en")


def test_english_pages_mark_danish_texts_with_lang_da(client, cast):
    meeting, open_item, _closed = published_meeting(cast)
    page = client.get(f"/en/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert f'<span lang="da">{open_item.title}</span>' in page
    assert '<div lang="da"><p>Jobcentret præsenterer nye tal.</p></div>' in page
    assert re.search(r'<p lang="da">[^<]*Rådet anbefaler', page)  # the decision in the minutes

    danish = client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert 'lang="da"' not in danish.split("<body", 1)[1]  # no marking where the page itself is Danish

    log_in_verified(client, cast.secretary)
    workspace = client.get(f"/en/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert f'<span lang="da">{open_item.title}</span>' in workspace
    minutes = client.get(f"/en/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/referat/").content.decode()
    assert f'<span lang="da">{open_item.title}</span>' in minutes
