"""The annual report's pages: the workspace (years, start, the steps with their errors, the forperson's words)
and the public page and PDF of a published report only."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from raad.finance import services as finance
from raad.meetings import services as meetings
from raad.secretariat.services import annual_report as services
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .test_annual_report_services import _decide

CPH = timezone.get_default_timezone()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def published_report(cast):
    council, secretary = cast.council, cast.secretary
    budget = finance.budget_year_create(council=council, year=2026, transport_rate=Decimal("3.79"), by=secretary)
    line = finance.budget_line_set(budget=budget, name="Arrangementer", amount=Decimal("30000"), by=secretary)
    expense = finance.expense_register(
        line=line, spent_on=datetime.date(2026, 5, 5), payee="Bager", amount=Decimal("800"), by=secretary
    )
    finance.expense_mark_paid(expense=expense, by=secretary)
    report = services.annual_report_start(council=council, year=2026, by=secretary)
    services.annual_report_comments_update(
        report=report, introduction="Et år med dialog.", comments={"budget": "Vi holdt budgettet."}, by=secretary
    )
    start = datetime.datetime(2026, 12, 15, 17, tzinfo=CPH)
    meetings.meeting_plan(council=council, starts_at=start, place="Holbæk Rådhus", by=secretary)
    item = services.annual_report_put_on_agenda(report=report, by=secretary, now=start - datetime.timedelta(days=30))
    _decide(cast, item)
    report = services.annual_report_adopt(report=report, by=secretary)
    return services.annual_report_publish(report=report, by=secretary)


def test_the_workspace_pages_and_their_steps(client, cast):
    council = cast.council
    base = f"/arbejdsrum/{council.slug}/aarsberetning/"
    log_in_verified(client, cast.users["medlem"])
    assert client.get(base).status_code == 403
    log_in_verified(client, cast.secretary)
    assert f'href="{base}"' in client.get(f"/arbejdsrum/{council.slug}/").content.decode()  # the desk links it
    response = client.post(base, {"year": "2026"})
    assert response.status_code == 302 and response["Location"] == f"{base}2026/"
    page = client.get(f"{base}2026/").content.decode()
    assert "Årsberetning 2026" in page and "Møder og fremmøde" in page and "Sæt på dagsordenen" in page
    with assert_unchanged():
        refused = client.post(f"{base}2026/", {"action": "adopt"})
    assert refused.status_code == 400
    assert "Årsberetningen vedtages af rådet på et møde (R23)" in refused.content.decode()
    with assert_unchanged():
        refused = client.post(f"{base}2026/", {"action": "agenda"})
    assert refused.status_code == 400 and "Der er intet planlagt møde" in refused.content.decode()
    log_in_verified(client, cast.users["forperson"])
    response = client.post(
        f"{base}2026/", {"action": "comments", "introduction": "Tak for året.", "comment_meetings": "Fint fremmøde."}
    )
    assert response.status_code == 302
    page = client.get(f"{base}2026/").content.decode()
    assert "Tak for året." in page and "Fint fremmøde." in page and "Sæt på dagsordenen" not in page
    assert client.get(f"/raad/{council.slug}/aarsberetning/2026/").status_code == 404  # a draft is not public


def test_the_published_report_as_page_and_tagged_pdf(client, cast):
    council = cast.council
    published_report(cast)
    page = client.get(f"/raad/{council.slug}/aarsberetning/2026/").content.decode()
    assert "Et år med dialog." in page and "Vi holdt budgettet." in page and 'role="img"' in page
    assert "Forbrug pr. budgetpost (kr.)" in page and "30.000,00" in page and "800,00" in page
    english = client.get(f"/en/raad/{council.slug}/aarsberetning/2026/").content.decode()
    assert "Annual report 2026" in english and "Meetings and attendance" in english
    response = client.get(f"/raad/{council.slug}/aarsberetning/2026.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root and str(root["/Lang"]) == "da"
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Årsberetning 2026" in text and "Et år med dialog." in text and "Møder og fremmøde" in text
    assert client.get(f"/raad/{council.slug}/aarsberetning/2025/").status_code == 404
    about = client.get(reverse("portal:council", args=[council.slug])).content.decode()
    assert f'<a href="/raad/{council.slug}/aarsberetning/2026/">Årsberetning 2026</a>' in about


def test_the_public_pdf_is_rendered_once_and_then_served_from_the_file_store(client, cast, monkeypatch):
    """Issue 15: no WeasyPrint on a public GET once the report's PDF is stored; a client that has it gets 304."""
    from raad.core import pdf as core_pdf

    published_report(cast)
    renders: list[str] = []
    real = core_pdf.html_to_pdf
    monkeypatch.setattr(core_pdf, "html_to_pdf", lambda html, **kw: renders.append(kw["lang"]) or real(html, **kw))
    url = f"/raad/{cast.council.slug}/aarsberetning/2026.pdf"
    first = client.get(url)
    again = client.get(url)
    assert (first.status_code, again.content, again["ETag"], renders) == (200, first.content, first["ETag"], ["da"])
    assert first["Content-Disposition"] == 'inline; filename="aarsberetning-2026.pdf"'
    not_modified = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert (not_modified.status_code, not_modified.content, renders) == (304, b"", ["da"])
    english = client.get(f"/en{url}")
    assert english["ETag"] != first["ETag"] and renders == ["da", "en"]


def test_a_published_report_is_found_by_the_search_and_a_draft_is_not(client, cast, django_capture_on_commit_callbacks):
    """R23: once published, the report's foreword and comments are in the search index (refreshed after the
    commit, as every publishing service does); before, nothing of it is."""
    with django_capture_on_commit_callbacks(execute=True):
        report = services.annual_report_start(council=cast.council, year=2025, by=cast.secretary)
        services.annual_report_comments_update(
            report=report, introduction="Et år med sprogcaféer.", comments={}, by=cast.secretary
        )
    assert client.get("/soeg/", {"q": "sprogcaféer"}).context["results"].total == 0
    with django_capture_on_commit_callbacks(execute=True):
        published = published_report(cast)
    results = client.get("/soeg/", {"q": "budgettet"}).context["results"]
    [hit] = results.hits
    assert (str(hit.title), hit.kind, hit.url) == ("Årsberetning 2026", "annual_report", published.get_absolute_url())
    assert "Vi holdt <mark>budgettet</mark>." in str(hit.snippet)
    assert [(f.value, f.label) for f in results.facets["art"]] == [("annual_report", "Årsberetninger")]
    assert client.get("/soeg/", {"q": "sprogcaféer"}).context["results"].total == 0
