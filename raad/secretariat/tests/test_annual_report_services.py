"""The annual report's life (R23): start, the forperson's words, on the agenda, adoption only by the council's
decision (figures frozen), sent to the board as a tagged PDF through the outbox, published."""

from __future__ import annotations

import base64
import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry, OutgoingMail
from raad.dialogue.services.log import dialogue_entry_record
from raad.meetings import services as meetings
from raad.secretariat.models import AnnualReport
from raad.secretariat.selectors.annual_report import report_figures
from raad.secretariat.services import annual_report as services
from raad.statements import services as statements
from raad.testing import assert_unchanged

CPH = timezone.get_default_timezone()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _decide(cast, item, adopted=True):
    meeting = item.meeting
    meetings.meeting_send_notice(meeting=meeting, by=None, now=meeting.starts_at - datetime.timedelta(days=8))
    ids = [m.pk for m in cast.members]
    meetings.attendance_register(meeting=meeting, present=ids, substitutes_present=[], by=None)
    return meetings.item_decide(
        item=item,
        text="Rådet vedtog årsberetningen." if adopted else "Forkastet.",
        votes_for=len(ids) if adopted else 0,
        votes_against=0 if adopted else len(ids),
        by=None,
        now=meeting.starts_at,
    )


def test_the_report_from_draft_to_published(cast):
    council, secretary, chair = cast.council, cast.secretary, cast.users["forperson"]
    report = services.annual_report_start(council=council, year=2026, by=secretary)
    with pytest.raises(RuleViolation, match="Der er allerede en årsberetning for 2026."):
        services.annual_report_start(council=council, year=2026, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="ikke adgang"):
        services.annual_report_comments_update(report=report, introduction="Nej", comments={}, by=cast.users["medlem"])
    services.annual_report_comments_update(
        report=report, introduction="Et år med dialog.", comments={"meetings": "Godt fremmøde."}, by=chair
    )
    with pytest.raises(RuleViolation, match="R23"):
        services.annual_report_adopt(report=report, by=secretary)
    with pytest.raises(RuleViolation, match="intet planlagt møde"):
        services.annual_report_put_on_agenda(report=report, by=secretary)
    start = datetime.datetime(2026, 12, 15, 17, tzinfo=CPH)
    meeting = meetings.meeting_plan(council=council, starts_at=start, place="Holbæk Rådhus", by=secretary)
    item = services.annual_report_put_on_agenda(
        report=report, by=secretary, now=datetime.datetime(2026, 11, 1, tzinfo=CPH)
    )
    assert (item.meeting, item.title, item.kind) == (meeting, "Årsberetning 2026", "decision")
    _decide(cast, item)
    report = services.annual_report_adopt(report=report, by=secretary)
    assert report.status == AnnualReport.Status.ADOPTED and report.figures["dialogue"]["total"] == 0
    # Frozen: what happens afterwards does not change the adopted report.
    dialogue_entry_record(
        council=council, held_on=datetime.date(2026, 3, 1), counterpart="citizens", learned="Senere.", by=secretary
    )
    assert report_figures(report).dialogue.total == 0
    with pytest.raises(RuleViolation, match="vedtaget; forord og kommentarer kan ikke ændres"):
        services.annual_report_comments_update(report=report, introduction="Ny", comments={}, by=chair)

    board = statements.committee_create(
        municipality=council.municipality, name="Kommunalbestyrelsen", email="kb@holbaek.invalid", by=None
    )
    report = services.annual_report_send(report=report, recipient=board, by=secretary)
    mail = OutgoingMail.objects.get(key=f"annual-report:{report.pk}")
    assert (mail.to, mail.subject) == ("kb@holbaek.invalid", "Årsberetning 2026 fra Integrationsrådet i Holbæk Kommune")
    attachment = mail.attachments[0]
    assert attachment["name"] == "aarsberetning-2026.pdf"
    reader = PdfReader(io.BytesIO(base64.b64decode(attachment["content"])))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root and str(root["/Lang"]) == "da"
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Årsberetning 2026" in text and "Et år med dialog." in text and "Godt fremmøde." in text

    report = services.annual_report_publish(report=report, by=secretary)
    assert report.status == AnnualReport.Status.PUBLISHED
    assert list(
        AuditEntry.objects.filter(verb__startswith="annual_report.").order_by("id").values_list("verb", flat=True)
    ) == [
        "annual_report.started",
        "annual_report.comments_updated",
        "annual_report.put_on_agenda",
        "annual_report.adopted",
        "annual_report.sent",
        "annual_report.published",
    ]


def test_a_rejected_report_cannot_be_adopted(cast):
    council, secretary = cast.council, cast.secretary
    report = services.annual_report_start(council=council, year=2026, by=secretary)
    start = datetime.datetime(2026, 12, 15, 17, tzinfo=CPH)
    meetings.meeting_plan(council=council, starts_at=start, place="Holbæk Rådhus", by=secretary)
    item = services.annual_report_put_on_agenda(report=report, by=secretary, now=start - datetime.timedelta(days=30))
    _decide(cast, item, adopted=False)
    with assert_unchanged(), pytest.raises(RuleViolation, match="R23"):
        services.annual_report_adopt(report=report, by=secretary)
