"""Services: plan, agenda, proposals, notice, apologies, quorum, votes, decisions, minority statements."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry, OutgoingMail
from raad.councils.models import Purpose
from raad.councils.presets import PRESETS
from raad.councils.services import board_decision_record, rules_adopt_version
from raad.meetings import selectors, services
from raad.meetings.models import AgendaItem, Attendance, Decision, Meeting, NamedVote, Vote
from raad.testing import assert_unchanged

from .conftest import all_present, at

pytestmark = pytest.mark.django_db(transaction=False)


def test_plan_warns_when_fewer_meetings_than_the_rules_minimum(cast):
    for month in (3, 5, 9):
        services.meeting_plan(council=cast.council, starts_at=at(2026, month, 12), place="Rådhuset", by=cast.secretary)
    plan = selectors.year_plan(cast.council, 2026)
    assert (len(plan.meetings), plan.minimum, plan.shortfall) == (3, 6, 3)
    assert plan.reference == "forretningsorden § 4, stk. 1"


def test_extraordinary_meeting_needs_reasons_and_one_constituent_meeting_per_term(cast):
    with assert_unchanged(), pytest.raises(RuleViolation, match="begrundelse"):
        services.meeting_plan(
            council=cast.council,
            starts_at=at(2026, 6, 1),
            place="Rådhuset",
            kind=Meeting.Kind.EXTRAORDINARY,
            by=cast.secretary,
        )
    services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 2, 10),
        place="Rådhuset",
        kind=Meeting.Kind.CONSTITUENT,
        by=cast.secretary,
    )
    with assert_unchanged(), pytest.raises(RuleViolation, match="konstituerende"):
        services.meeting_plan(
            council=cast.council,
            starts_at=at(2026, 3, 10),
            place="Rådhuset",
            kind=Meeting.Kind.CONSTITUENT,
            by=cast.secretary,
        )


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


def test_late_item_refused_on_a_tie(meeting, cast):
    with time_machine.travel(at(2026, 12, 5, 12), tick=False):
        item = services.item_propose(
            meeting=meeting, membership=cast.member, title="Sent punkt", individual_case=False, by=None
        )
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    vote = services.item_admission_vote(item=item, votes_for=5, votes_against=5, by=cast.secretary)
    item.refresh_from_db()
    assert (vote.rule_applied, item.admission) == ("tie_motion_falls", AgendaItem.Admission.REFUSED)


def test_deadline_follows_rules_version_in_force_on_meeting_date(cast):
    settings = dict(PRESETS["holbaek"]["rules"]["settings"], member_item_deadline_days=14)
    decision = board_decision_record(
        municipality=cast.council.municipality,
        decided_on=datetime.date(2026, 11, 1),
        reference="KB 1.11.2026",
        title="Ny forretningsorden",
        by=None,
    )
    rules_adopt_version(
        council=cast.council,
        settings=settings,
        in_force_from=datetime.date(2027, 1, 1),
        adopted_on=datetime.date(2026, 11, 1),
        decision=decision,
        by=None,
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


def test_notice_mails_every_member_after_commit_once(meeting, cast, django_capture_on_commit_callbacks):
    services.item_add(meeting=meeting, title="Dagsorden", by=cast.secretary)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    assert len(mail.outbox) == 10
    assert len({m.to[0] for m in mail.outbox}) == 10
    assert mail.outbox[0].subject.startswith("Dagsorden: Integrationsrådet")
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    assert OutgoingMail.objects.filter(sent_at__isnull=False).count() == 10


def test_apology_invites_the_personal_substitute(meeting, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        attendance = services.apology_send(meeting=meeting, membership=cast.member, by=None)
        services.apology_send(meeting=meeting, membership=cast.member, by=None)  # twice: still one e-mail
    assert attendance.status == Attendance.Status.APOLOGY
    assert str(attendance.substitute.person) == "Sara Lindholm"
    assert [m.to for m in mail.outbox] == [["sara@test.invalid"]]
    assert "Ahmad Rahimi har meldt afbud" in mail.outbox[0].body


def test_substitute_counts_toward_quorum_only_in_place_of_an_absent_member(meeting, cast):
    services.item_add(meeting=meeting, title="Punkt", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    services.apology_send(meeting=meeting, membership=cast.member, by=None)
    # 4 members present + substitute for the member = 5 of 10: quorate (half).
    services.attendance_register(
        meeting=meeting,
        present=[m.pk for m in cast.members[3:7]],
        substitutes_present=[cast.member.pk],
        by=cast.secretary,
    )
    q = selectors.quorum_for(meeting)
    assert (q.present, q.required, q.quorate) == (5, 5, True)
    # A present member's substitute does not count as well.
    services.attendance_register(
        meeting=meeting,
        present=[m.pk for m in cast.members[2:6]],
        substitutes_present=[cast.member.pk],
        by=cast.secretary,
    )
    assert selectors.quorum_for(meeting).present == 4


def test_no_decision_without_quorum(meeting, cast):
    item = services.item_add(meeting=meeting, title="Budget for arrangementer", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    services.attendance_register(
        meeting=meeting, present=[m.pk for m in cast.members[:4]], substitutes_present=[], by=cast.secretary
    )
    with assert_unchanged(), pytest.raises(RuleViolation, match="Ikke beslutningsdygtigt: 4 af 10"):
        services.item_decide(item=item, text="Vedtaget", votes_for=4, by=cast.secretary)
    assert not Decision.objects.exists()


def test_vote_with_conflict_of_interest_and_tie_motion_falls(meeting, cast):
    item = services.item_add(meeting=meeting, title="Tilskud til forening", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast, except_=(8, 9))  # 8 present
    services.conflict_declare(item=item, membership=cast.members[3], reason="Bestyrelsesmedlem i foreningen", by=None)
    # Recused does not count: 7 of 10 still quorate; only 7 may vote.
    with assert_unchanged(), pytest.raises(RuleViolation, match="kun 7 kan stemme"):
        services.item_decide(item=item, text="x", votes_for=4, votes_against=4, by=cast.secretary)
    ballots = {m.pk: "for" for m in cast.members[0:3]} | {m.pk: "against" for m in cast.members[4:7]}
    ballots[cast.members[7].pk] = "abstain"
    decision = services.item_decide(
        item=item,
        text="Indstillingen blev ikke vedtaget.",
        method=Vote.Method.BY_NAME,
        ballots=ballots,
        by=cast.secretary,
    )
    assert decision.outcome == Decision.Outcome.REJECTED
    assert decision.rule_applied == "stemmelighed: forslaget bortfalder (forretningsorden § 6, stk. 2)"
    assert (decision.vote.votes_for, decision.vote.votes_against, decision.vote.abstentions, decision.vote.recused) == (
        3,
        3,
        1,
        1,
    )
    assert NamedVote.objects.filter(vote=decision.vote).count() == 7


def test_recused_member_cannot_vote_by_name(meeting, cast):
    item = services.item_add(meeting=meeting, title="Tilskud", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    services.conflict_declare(item=item, membership=cast.members[3], reason="Inhabil", by=None)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Mette Kristensen"):
        services.item_decide(
            item=item,
            text="x",
            method=Vote.Method.BY_NAME,
            ballots={cast.members[3].pk: "for", cast.members[4].pk: "for"},
            by=cast.secretary,
        )


def test_tie_chair_decides_when_the_rules_say_so(cast):
    settings = dict(PRESETS["holbaek"]["rules"]["settings"], tie_rule="chair_decides")
    decision = board_decision_record(
        municipality=cast.council.municipality,
        decided_on=datetime.date(2026, 11, 1),
        reference="KB",
        title="FO",
        by=None,
    )
    rules_adopt_version(
        council=cast.council,
        settings=settings,
        in_force_from=datetime.date(2026, 11, 15),
        adopted_on=datetime.date(2026, 11, 1),
        decision=decision,
        by=None,
    )
    meeting = services.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), place="R", by=cast.secretary)
    item = services.item_add(meeting=meeting, title="Arrangement", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    with assert_unchanged(), pytest.raises(RuleViolation, match="forpersonens stemme skal angives"):
        services.item_decide(item=item, text="x", votes_for=5, votes_against=5, by=cast.secretary)
    result = services.item_decide(
        item=item, text="Vedtaget", votes_for=5, votes_against=5, chair_vote="for", by=cast.secretary
    )
    assert (result.outcome, result.vote.rule_applied) == ("adopted", "tie_chair_decides")


def test_information_item_is_noted_but_also_needs_quorum(meeting, cast):
    item = services.item_add(meeting=meeting, title="Orientering", kind=AgendaItem.Kind.INFORMATION, by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    decision = services.item_decide(item=item, text="Taget til efterretning.", by=cast.secretary)
    assert (decision.outcome, decision.vote) == (Decision.Outcome.NOTED, None)


def test_minority_statement_is_kept_word_for_word(meeting, cast):
    item = services.item_add(meeting=meeting, title="Høring", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    decision = services.item_decide(item=item, text="Vedtaget", votes_for=7, votes_against=3, by=cast.secretary)
    text = "Vi mener, at   sprogundervisningen\nskal ligge om aftenen."
    statement = services.minority_statement_add(
        decision=decision, members="Jonas Petersen og Nour Haddad", text=text, by=None
    )
    statement.refresh_from_db()
    assert statement.text == text


def test_minority_statement_masks_cpr_and_refuses_too_many_names_without_writing(meeting, cast):
    item = services.item_add(meeting=meeting, title="Høring", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    decision = services.item_decide(item=item, text="Vedtaget", votes_for=7, votes_against=3, by=cast.secretary)
    statement = services.minority_statement_add(
        decision=decision, members=" Jonas Testsen ", text="Borgeren 010190 - 1234 skal høres.", by=None
    )
    statement.refresh_from_db()
    assert (statement.members, statement.text) == ("Jonas Testsen", "Borgeren XXXXXX-XXXX skal høres.")
    with pytest.raises(RuleViolation, match="højst fylde 500 tegn"):
        services.minority_statement_add(decision=decision, members="N" * 501, text="Imod.", by=None)
    assert decision.minority_statements.count() == 1


def test_extraordinary_request_reaches_threshold_and_tasks_chair_and_secretariat(
    cast, django_capture_on_commit_callbacks
):
    # 10 members, 1/3 → 4 supporters needed.
    with django_capture_on_commit_callbacks(execute=True):
        request = services.extraordinary_request_create(
            council=cast.council,
            membership=cast.members[3],
            reasons="Kommunen lukker sprogcentrets aftenhold.",
            by=None,
        )
        assert request.threshold == 4
        for m in cast.members[4:6]:
            services.extraordinary_request_support(request=request, membership=m, by=None)
        services.extraordinary_request_support(request=request, membership=cast.members[4], by=None)  # twice: once
        request.refresh_from_db()
        assert request.threshold_reached_at is None and mail.outbox == []
        services.extraordinary_request_support(request=request, membership=cast.members[6], by=None)
    request.refresh_from_db()
    assert request.threshold_reached_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@test.invalid",
        "lars@test.invalid",
        "sekretariat@test.invalid",
    ]
    assert "4 medlemmer støtter" in mail.outbox[0].body
    meeting = services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 12, 17),
        place="R",
        kind=Meeting.Kind.EXTRAORDINARY,
        reason=request.reasons,
        extraordinary_request=request,
        by=cast.secretary,
    )
    request.refresh_from_db()
    assert request.meeting == meeting
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede indkaldt"):
        services.extraordinary_request_support(request=request, membership=cast.members[7], by=None)


def test_the_record_is_danish_whatever_language_the_secretary_uses(meeting, cast):
    from django.utils import translation

    item = services.item_add(meeting=meeting, title="Punkt", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    with translation.override("en"):
        decision = services.item_decide(item=item, text="Vedtaget", votes_for=7, votes_against=3, by=cast.secretary)
        services.meeting_mark_held(meeting=meeting, by=cast.secretary)
        minutes = services.minutes_start(meeting=meeting, by=cast.secretary)
    assert decision.rule_applied == "simpelt flertal (forretningsorden § 6, stk. 2)"
    assert minutes.entries.get().text.startswith("Beslutning: Vedtaget")


def test_secret_ballot_records_counts_but_no_names(meeting, cast):
    item = services.item_add(meeting=meeting, title="Valg af repræsentant", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    decision = services.item_decide(
        item=item,
        text="Valgt",
        method=Vote.Method.SECRET,
        votes_for=6,
        votes_against=4,
        ballots={cast.members[0].pk: "for"},
        by=cast.secretary,
    )
    assert (decision.vote.method, decision.vote.votes_for) == ("secret", 6)
    assert not NamedVote.objects.exists()
