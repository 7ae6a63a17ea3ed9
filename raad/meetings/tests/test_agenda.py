"""Meetings services, agenda: items, cleaning and CPR masking, purposes, members' proposals and their
deadlines (across daylight saving), individual cases, attachments."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.councils.models import Purpose
from raad.meetings import selectors, services
from raad.meetings.models import AgendaItem, Vote
from raad.testing import assert_unchanged

from .conftest import all_present, at
from .factories import rules_version

pytestmark = pytest.mark.django_db(transaction=False)


def test_case_presentation_is_sanitised_and_cpr_masked(meeting, cast):
    item = services.item_add(
        meeting=meeting,
        title="Sprogskole 010190-1234",
        case_presentation='<p onclick="x()">Borger 0101901234 <script>alert(1)</script><strong>fed</strong></p>'
        '<a href="javascript:alert(1)">link</a>',
        by=cast.secretary,
    )
    assert item.title == "Sprogskole XXXXXX-XXXX"
    assert (
        item.case_presentation == '<p>Borger XXXXXX-XXXX <strong>fed</strong></p><a rel="noopener noreferrer">link</a>'
    )


def test_item_purposes_must_be_the_councils(meeting, cast):
    purpose = Purpose.objects.get(terms_of_reference__council=cast.council, number=1)
    item = services.item_add(meeting=meeting, title="Beskæftigelse", purposes=[purpose], by=cast.secretary)
    assert list(item.purposes.all()) == [purpose]


def test_member_proposal_before_deadline_is_on_time(meeting, cast):
    # Deadline: 30 November 2026 17:00 (10 days before 10 December 17:00).
    with time_machine.travel(at(2026, 11, 30, 16, 59), tick=False):
        item = services.item_propose(
            meeting=meeting, membership=cast.member, title="Foreningsliv", individual_case=False, by=None
        )
    assert (item.is_late, item.admission, item.can_be_treated) == (False, AgendaItem.Admission.NOT_NEEDED, True)


def test_member_proposal_after_deadline_is_late_and_needs_admission_vote(meeting, cast):
    with time_machine.travel(at(2026, 11, 30, 17, 1), tick=False):
        item = services.item_propose(
            meeting=meeting, membership=cast.member, title="Boligsocial indsats", individual_case=False, by=None
        )
    assert (item.is_late, item.admission) == (True, AgendaItem.Admission.PENDING)
    services.item_add(meeting=meeting, title="Godkendelse af dagsorden", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    with assert_unchanged(), pytest.raises(RuleViolation, match="stemt det på dagsordenen"):
        services.item_decide(item=item, text="x", votes_for=6, by=cast.secretary)
    vote = services.item_admission_vote(item=item, votes_for=6, votes_against=4, by=cast.secretary)
    item.refresh_from_db()
    assert (vote.subject, vote.outcome, item.admission) == (
        Vote.Subject.ADMISSION,
        "adopted",
        AgendaItem.Admission.ADMITTED,
    )


def test_deadline_follows_rules_version_in_force_on_meeting_date(cast):
    rules_version(
        cast,
        in_force_from=datetime.date(2027, 1, 1),
        reference="KB 1.11.2026",
        title="Ny forretningsorden",
        member_item_deadline_days=14,
    )
    december = services.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), place="R", by=cast.secretary)
    january = services.meeting_plan(council=cast.council, starts_at=at(2027, 1, 21), place="R", by=cast.secretary)
    assert selectors.deadlines(december).item_deadline == at(2026, 11, 30)
    assert selectors.deadlines(january).item_deadline == at(2027, 1, 7)


def test_deadlines_across_dst_in_copenhagen(cast):
    april = services.meeting_plan(council=cast.council, starts_at=at(2026, 4, 2), place="R", by=cast.secretary)
    d = selectors.deadlines(april)
    assert d.item_deadline.isoformat() == "2026-03-23T17:00:00+01:00"
    assert d.notice_deadline.isoformat() == "2026-03-26T17:00:00+01:00"
    # The proposal at 16:30 UTC on 23 March is 17:30 in Copenhagen: late.
    with time_machine.travel(datetime.datetime(2026, 3, 23, 16, 30, tzinfo=datetime.UTC), tick=False):
        item = services.item_propose(meeting=april, membership=cast.member, title="x", individual_case=False, by=None)
    assert item.is_late


def test_individual_case_is_refused_with_referral_and_nothing_stored(meeting, cast):
    with pytest.raises(RuleViolation) as refused:  # the refusal itself is journalled
        services.item_propose(
            meeting=meeting,
            membership=cast.member,
            title="Min nabos opholdstilladelse",
            case_presentation="Han hedder ...",
            individual_case=True,
            by=None,
        )
    assert "enkeltsager" in refused.value.messages[0]
    assert "Holbæk Kommune" in refused.value.messages[0] and "Borgerservice" in refused.value.messages[0]
    assert not AgendaItem.objects.exists()
    entry = AuditEntry.objects.get(verb="agenda_item.refused_individual_case")
    assert "opholdstilladelse" not in str(entry.changes)


def test_attachment_type_is_checked_by_content_not_name(meeting, cast):
    item = services.item_add(meeting=meeting, title="Sprogcenter", by=cast.secretary)
    pdf = SimpleUploadedFile(
        "rapport.exe", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\nendobj\n", content_type="application/x-msdownload"
    )
    attachment = services.attachment_add(item=item, title="Rapport", upload=pdf, by=cast.secretary)
    assert (attachment.content_type, attachment.file.name.endswith(".pdf")) == ("application/pdf", True)
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with assert_unchanged(), pytest.raises(RuleViolation, match="Filtypen"):
        services.attachment_add(item=item, title="Falsk", upload=fake, by=cast.secretary)


def test_attachment_size_limit(meeting, cast, settings):
    settings.MAX_UPLOAD_BYTES = 100
    item = services.item_add(meeting=meeting, title="Sprogcenter", by=cast.secretary)
    big = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n" + b"0" * 200)
    with assert_unchanged(), pytest.raises(RuleViolation, match="for stor"):
        services.attachment_add(item=item, title="Stor", upload=big, by=cast.secretary)
