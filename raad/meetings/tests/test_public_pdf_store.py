"""The public agenda and minutes PDFs are made once per content (raad/core/pdf.py, stored_pdf): a second request
is served from the file store without WeasyPrint, a client that has the file gets 304, and a change to the
agenda makes a new PDF with the change in it (and without what was closed)."""

from __future__ import annotations

import io

from django.urls import reverse
from pypdf import PdfReader

from raad.core import pdf as core_pdf
from raad.meetings import services

from .conftest import at


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_the_public_agenda_pdf_is_rendered_once_per_content_and_revalidated_by_etag(client, cast, monkeypatch):
    meeting = services.meeting_plan(
        council=cast.council, starts_at=at(2026, 12, 10), place="Rådhuset", by=cast.secretary
    )
    item = services.item_add(meeting=meeting, title="Sprogcafé på biblioteket", by=cast.secretary)
    later_closed = services.item_add(meeting=meeting, title="Ansøgning om tilskud til lokaleleje", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    renders: list[str] = []
    real = core_pdf.html_to_pdf
    monkeypatch.setattr(core_pdf, "html_to_pdf", lambda html, **kw: renders.append(kw["lang"]) or real(html, **kw))
    url = reverse("meetings_public:agenda_pdf", args=[cast.council.slug, meeting.pk])

    first = client.get(url)
    assert (first.status_code, first["Content-Type"], renders) == (200, "application/pdf", ["da"])
    assert "Sprogcafé på biblioteket" in _text(first.content) and "tilskud til lokaleleje" in _text(first.content)
    again = client.get(url)
    assert (again.content, again["ETag"], renders) == (first.content, first["ETag"], ["da"])
    assert "no-cache" in again["Cache-Control"]
    not_modified = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert (not_modified.status_code, not_modified.content, renders) == (304, b"", ["da"])
    english = client.get("/en" + url)
    assert english["ETag"] != first["ETag"] and renders == ["da", "en"]

    # A change makes a new PDF: a renamed item shows, and an item closed afterwards is gone from it.
    services.item_update(item=item, data={"title": "Sprogcafé i Tølløse"}, by=cast.secretary)
    services.item_update(item=later_closed, data={"is_closed": True}, by=cast.secretary)
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"] and len(renders) == 3
    assert "Sprogcafé i Tølløse" in _text(changed.content)
    assert "Sprogcafé på biblioteket" not in _text(changed.content)
    assert "tilskud til lokaleleje" not in _text(changed.content) and "Lukket punkt" in _text(changed.content)


def test_the_members_packet_renders_its_agenda_once_per_version(client, cast, monkeypatch):
    """The load test found every member's fetch of the packet rendering it anew; now a second fetch reads the
    stored agenda, and a change to the agenda renders it again. The packet stays members only."""
    from raad.testing.cast import log_in_verified

    meeting = services.meeting_plan(
        council=cast.council, starts_at=at(2026, 12, 10), place="Rådhuset", by=cast.secretary
    )
    item = services.item_add(meeting=meeting, title="Sprogcafé på biblioteket", by=cast.secretary)
    closed = services.item_add(meeting=meeting, title="Ansøgning om tilskud til lokaleleje", by=cast.secretary)
    services.item_update(item=closed, data={"is_closed": True}, by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    renders: list[str] = []
    real = core_pdf.html_to_pdf
    monkeypatch.setattr(core_pdf, "html_to_pdf", lambda html, **kw: renders.append(kw["lang"]) or real(html, **kw))
    url = reverse("meetings:packet", args=[cast.council.slug, meeting.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page, never the stored file
    log_in_verified(client, cast.secretary)
    first = client.get(url)
    assert (first.status_code, renders) == (200, ["da"])
    assert "Sprogcafé på biblioteket" in _text(first.content) and "tilskud til lokaleleje" in _text(first.content)
    again = client.get(url)
    assert (again.content, renders, again["Cache-Control"]) == (first.content, ["da"], "private, no-store")
    services.item_update(item=item, data={"title": "Sprogcafé i Tølløse"}, by=cast.secretary)
    changed = client.get(url)
    assert renders == ["da", "da"] and "Sprogcafé i Tølløse" in _text(changed.content)
