"""Proceedings: writes of meetings (raad.meetings.services.proceedings)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.minority import minority_statement_cleaned
from raad.core.models import User
from raad.core.text import clean_text
from raad.councils.rules import Violation, reference
from raad.councils.services import ensure_not_archived
from raad.meetings import rules, selectors
from raad.meetings.models import (
    AgendaItem,
    ConflictDeclaration,
    Decision,
    Meeting,
    MinorityStatement,
    Minutes,
    NamedVote,
    Vote,
)
from raad.meetings.search import meeting_changed
from raad.membership.models import Membership

from .common import _official


def _check_running(meeting: Meeting) -> None:
    ensure_not_archived(meeting.council)
    if meeting.status != Meeting.Status.NOTICE_SENT:
        raise RuleViolation(_("Der kan kun træffes beslutninger på et indkaldt møde, der ikke er afsluttet."))


@transaction.atomic
def conflict_declare(*, item: AgendaItem, membership: Membership, reason: str, by: User | None) -> ConflictDeclaration:
    """A member declares a conflict of interest (inhabilitet) and takes no part in the item (R26)."""
    item = AgendaItem.objects.select_related("meeting__council").get(pk=item.pk)
    _check_running(item.meeting)
    if hasattr(item, "decision"):
        raise RuleViolation(_("Punktet er allerede afgjort."))
    if membership.seat.council_id != item.meeting.council_id:
        raise RuleViolation(_("Kun rådets medlemmer kan erklære sig inhabile."))
    declaration, created = ConflictDeclaration.objects.get_or_create(
        item=item, membership=membership, defaults={"reason": clean_text(reason)}
    )
    if created:
        audit.record(
            actor=by,
            verb="conflict.declared",
            target=declaration,
            council_id=item.meeting.council_id,
            changes=audit.created(member=str(membership.person)),
        )
    return declaration


def _casting_voter(
    meeting: Meeting, rows: list[selectors.AttendanceRow], conflict_ids: set[int], wanted: Membership | None
) -> Membership:
    """Who casts the deciding vote on a tie (R17, R18): the person leading the meeting, present: the forperson;
    if absent the næstforperson; else the member the meeting elected. An absent forperson keeps no casting vote.
    `wanted` is who the screen says casts it (None: the leader)."""
    rule = f"R18, {reference('tie_rule')}"
    present = [r for r in rows if r.present]
    present_ids = {r.membership.pk for r in present}
    elected = meeting.leader if meeting.leader_id in present_ids else None
    leader = rules.meeting_leader(((r.membership, r.membership.role) for r in present), elected)
    if leader is None:
        raise RuleViolation(
            [
                Violation(
                    "chair_vote",
                    _(
                        "Ved stemmelighed afgiver mødelederen den udslagsgivende stemme, men ingen mødeleder er til "
                        "stede: forperson og næstforperson er fraværende, og mødet har ikke valgt en mødeleder (%(rule)s)."
                    )
                    % {"rule": rule},
                )
            ]
        )
    if wanted is not None and wanted.pk != leader.pk:
        raise RuleViolation(
            [
                Violation(
                    "chair_vote",
                    _(
                        "%(name)s leder ikke mødet og kan ikke afgive den udslagsgivende stemme. Den afgives af "
                        "mødelederen, %(leader)s, som er til stede (%(rule)s)."
                    )
                    % {"name": wanted.person, "leader": leader.person, "rule": rule},
                )
            ]
        )
    if leader.pk in conflict_ids:
        raise RuleViolation(
            [
                Violation(
                    "chair_vote",
                    _(
                        "Mødelederen, %(leader)s, er inhabil i punktet og kan ikke afgive den udslagsgivende stemme (%(rule)s)."
                    )
                    % {"leader": leader.person, "rule": rule},
                )
            ]
        )
    return leader


def _vote(
    *,
    item: AgendaItem,
    subject: str,
    votes_for: int,
    votes_against: int,
    abstentions: int,
    method: str,
    ballots: dict[int, str] | None,
    chair_vote: str,
    casting_voter: Membership | None = None,
    by: User | None,
) -> tuple[Vote, rules.VoteResult]:
    meeting = item.meeting
    procedure = selectors.rules_for(meeting)
    rows = selectors.attendance_rows(meeting)
    q = selectors.quorum_for(meeting, item, rows=rows, procedure=procedure)
    if not q.quorate:
        raise RuleViolation([Violation("votes_for", q.message)])
    conflict_ids = {c.membership_id for c in item.conflicts.all()}
    eligible_ids = {r.membership.pk for r in rows if r.counts} - conflict_ids
    if method == Vote.Method.BY_NAME:
        ballots = ballots or {}
        barred = set(ballots) - eligible_ids
        if barred:
            names = ", ".join(str(r.membership.person) for r in rows if r.membership.pk in barred)
            raise RuleViolation(
                [
                    Violation(
                        "ballots",
                        _("Kun tilstedeværende medlemmer, der ikke er inhabile, kan stemme: %(names)s (%(rule)s).")
                        % {"names": names, "rule": reference("recused_count_toward_quorum")},
                    )
                ]
            )
        votes_for = sum(1 for c in ballots.values() if c == NamedVote.Choice.FOR)
        votes_against = sum(1 for c in ballots.values() if c == NamedVote.Choice.AGAINST)
        abstentions = sum(1 for c in ballots.values() if c == NamedVote.Choice.ABSTAIN)
    problems = rules.vote_count_problems(
        votes_for=votes_for, votes_against=votes_against, abstentions=abstentions, eligible=len(eligible_ids)
    )
    if problems:
        raise RuleViolation([Violation("votes_for", p) for p in problems])
    try:
        result = rules.vote_result(
            votes_for=votes_for, votes_against=votes_against, tie_rule=procedure.tie_rule, chair_vote=chair_vote or None
        )
    except rules.TieNeedsChairVote as error:
        raise RuleViolation([Violation("chair_vote", str(error))]) from None
    caster = None
    if result.rule == rules.TIE_CHAIR_DECIDES:
        caster = _casting_voter(meeting, rows, conflict_ids, casting_voter)
    vote = Vote.objects.create(
        item=item,
        subject=subject,
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        chair_vote=chair_vote if result.rule == rules.TIE_CHAIR_DECIDES else "",
        casting_voter=caster,
        members=q.members,
        present=q.present,
        recused=q.recused,
        quorum_required=q.required,
        outcome=result.outcome,
        rule_applied=result.rule,
        rule_text=_official(lambda: result.rule_label)[:300],
        recorded_by=by,
    )
    if method == Vote.Method.BY_NAME:
        row_by_id = {r.membership.pk: r for r in rows}
        NamedVote.objects.bulk_create(
            [
                NamedVote(
                    vote=vote,
                    membership_id=mid,
                    choice=choice,
                    by_substitute=not row_by_id[mid].present and row_by_id[mid].substitute_present,
                )
                for mid, choice in sorted((ballots or {}).items())
            ]
        )
    return vote, result


@transaction.atomic
def item_admission_vote(
    *,
    item: AgendaItem,
    votes_for: int,
    votes_against: int,
    abstentions: int = 0,
    chair_vote: str = "",
    casting_voter: Membership | None = None,
    by: User | None,
) -> Vote:
    """The recorded vote on admitting a late item (R15): admitted by majority, with the tie rule."""
    item = AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=item.pk)
    _check_running(item.meeting)
    if item.admission != AgendaItem.Admission.PENDING:
        raise RuleViolation(_("Punktet venter ikke på en afstemning om optagelse."))
    vote, result = _vote(
        item=item,
        subject=Vote.Subject.ADMISSION,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        method=Vote.Method.COUNTS,
        ballots=None,
        chair_vote=chair_vote,
        casting_voter=casting_voter,
        by=by,
    )
    item.admission = AgendaItem.Admission.ADMITTED if result.adopted else AgendaItem.Admission.REFUSED
    if not result.adopted and not item.is_closed and item.meeting.notice_sent:
        # its title was public on the agenda: open data answers it deleted from now, and its meeting changed
        item.unpublished_at = timezone.now()
        Meeting.objects.filter(pk=item.meeting_id).update(updated_at=item.unpublished_at)
        meeting_changed(item.meeting_id)  # and the search index drops it
    item.save(update_fields=["admission", "unpublished_at", "updated_at"])
    audit.record(
        actor=by,
        verb="agenda_item.admission_voted",
        target=item,
        council_id=item.meeting.council_id,
        changes=audit.changed(
            admission=(AgendaItem.Admission.PENDING, item.admission),
            votes=(None, [votes_for, votes_against, abstentions]),
            rule=(None, result.rule),
        ),
    )
    return vote


@transaction.atomic
def item_decide(
    *,
    item: AgendaItem,
    text: str,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    method: str = Vote.Method.COUNTS,
    ballots: dict[int, str] | None = None,
    chair_vote: str = "",
    casting_voter: Membership | None = None,
    by: User | None,
    now: datetime.datetime | None = None,
) -> Decision:
    """Record the outcome of an item. A decision item is voted on: simple majority, the rules' tie rule, and
    the result names the rule applied (R17). Nothing is recorded without quorum (R16); members with a
    conflict of interest do not vote (R26). On a tie under the chair-decides rule the casting vote is the
    meeting leader's, who must be present (R18); `casting_voter` is who the screen named (None: the leader)."""
    item = AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=item.pk)
    _check_running(item.meeting)
    if Decision.objects.filter(item=item).exists():
        raise RuleViolation(_("Punktet er allerede afgjort."))
    if not item.can_be_treated:
        raise RuleViolation(
            _("Et for sent foreslået punkt kan først behandles, når mødet har stemt det på dagsordenen (%(rule)s).")
            % {"rule": reference("member_item_deadline_days")}
        )
    if item.kind == AgendaItem.Kind.DECISION:
        vote, result = _vote(
            item=item,
            subject=Vote.Subject.DECISION,
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
            method=method,
            ballots=ballots,
            chair_vote=chair_vote,
            casting_voter=casting_voter,
            by=by,
        )
        outcome = Decision.Outcome.ADOPTED if result.adopted else Decision.Outcome.REJECTED
        rule_text = _official(lambda: result.rule_label)
    else:
        q = selectors.quorum_for(item.meeting, item)
        if not q.quorate:
            raise RuleViolation([Violation("text", q.message)])
        vote, rule_text = None, ""
        outcome = Decision.Outcome.NOTED if item.kind == AgendaItem.Kind.INFORMATION else Decision.Outcome.DISCUSSED
    decision = Decision.objects.create(
        item=item,
        vote=vote,
        text=clean_text(text),
        outcome=outcome,
        rule_applied=rule_text,
        decided_at=now or timezone.now(),
    )
    audit.record(
        actor=by,
        verb="decision.recorded",
        target=decision,
        council_id=item.meeting.council_id,
        changes=audit.created(outcome=outcome, rule=rule_text),
    )
    return decision


@transaction.atomic
def minority_statement_add(*, decision: Decision, members: str, text: str, by: User | None) -> MinorityStatement:
    """A minority's dissent, word for word (R22); validated and CPR numbers masked as every minority statement
    is (core.minority)."""
    decision = Decision.objects.select_related("item__meeting__council").get(pk=decision.pk)
    ensure_not_archived(decision.item.meeting.council)
    if Minutes.objects.filter(meeting=decision.item.meeting, status=Minutes.Status.APPROVED).exists():
        raise RuleViolation(_("Referatet er godkendt; en mindretalsudtalelse kan ikke tilføjes nu."))
    statement = MinorityStatement.objects.create(
        decision=decision, **minority_statement_cleaned(members=members, text=text)
    )
    audit.record(
        actor=by,
        verb="minority_statement.recorded",
        target=statement,
        council_id=decision.item.meeting.council_id,
        changes=audit.created(members=statement.members),
    )
    return statement
