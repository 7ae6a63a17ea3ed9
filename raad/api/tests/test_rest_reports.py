"""The published annual reports in the REST API (R23): the list, one report with its foreword, the forperson's
comments and the frozen figures; a draft is a 404 and never listed."""

from __future__ import annotations

import pytest

from raad.secretariat.services import annual_report as services
from raad.secretariat.tests.test_annual_report_pages import published_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_published_report_is_listed_and_read_and_a_draft_is_not(client, cast):
    council = cast.council
    base = f"/api/councils/{council.slug}/annual-reports"
    assert client.get(base).json()["count"] == 0
    published_report(cast)
    draft = services.annual_report_start(council=council, year=2025, by=cast.secretary)
    services.annual_report_comments_update(report=draft, introduction="UDKAST-FORORD", comments={}, by=cast.secretary)

    listed = client.get(base)
    assert listed.status_code == 200 and "UDKAST" not in listed.content.decode()
    (row,) = listed.json()["results"]
    assert row["year"] == 2026 and row["council"] == council.slug
    assert row["html_url"] == f"https://raad.test/raad/{council.slug}/aarsberetning/2026/"
    assert row["pdf_url"] == f"https://raad.test/raad/{council.slug}/aarsberetning/2026.pdf"

    detail = client.get(f"{base}/2026")
    assert detail.status_code == 200 and detail["Last-Modified"]
    report = detail.json()
    assert report["introduction"] == "Et år med dialog."
    budget = next(s for s in report["sections"] if s["key"] == "budget")
    assert budget == {"key": "budget", "title": "Budget og forbrug", "comment": "Vi holdt budgettet."}
    assert [s["key"] for s in report["sections"]][:2] == ["purposes", "meetings"]
    assert report["figures"]["year"] == 2026
    assert report["figures"]["budget"]["lines"][0]["name"] == "Arrangementer"

    english = client.get(f"{base}/2026", headers={"Accept-Language": "en"}).json()
    assert english["sections"] == report["sections"]  # the API's texts are the Danish ones

    missing = client.get(f"{base}/2025")
    assert missing.status_code == 404 and "UDKAST" not in missing.content.decode()
    assert client.get(f"{base}/1800").status_code == 400  # out of range: named, not a 500
    assert client.get("/api/councils/findes-ikke/annual-reports").status_code == 404
