"""Pure rules for meetings: deadlines, quorum, majority and tie. No database, no request.

Every number comes in as an argument (read by the caller from the rules of procedure in force on the
meeting date); nothing here is a literal of the rules.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from raad.councils.rules import reference, required_count

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
T = TypeVar("T")


# --- Deadlines (R15) -----------------------------------------------------------------------------


def days_before(starts_at: datetime.datetime, days: int, tz: ZoneInfo = COPENHAGEN) -> datetime.datetime:
    """The instant `days` calendar days before `starts_at`, at the same wall-clock time in `tz`.

    Computed on the local calendar, so a deadline across a daylight-saving change keeps its local time
    (a meeting at 17:00 has its deadline at 17:00, whether or not the clocks changed in between).
    """
    if starts_at.tzinfo is None:
        raise ValueError("starts_at must be aware")
    local = starts_at.astimezone(tz)
    day = local.date() - datetime.timedelta(days=days)
    return datetime.datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=tz)


def item_deadline(starts_at: datetime.datetime, member_item_deadline_days: int) -> datetime.datetime:
    return days_before(starts_at, member_item_deadline_days)


def notice_deadline(starts_at: datetime.datetime, notice_deadline_days: int) -> datetime.datetime:
    return days_before(starts_at, notice_deadline_days)


def is_late(proposed_at: datetime.datetime, starts_at: datetime.datetime, member_item_deadline_days: int) -> bool:
    """A member's proposal after the item deadline is late (R15)."""
    return proposed_at > item_deadline(starts_at, member_item_deadline_days)


# --- Year plan (R13) -----------------------------------------------------------------------------


def plan_shortfall(planned: int, min_meetings_per_year: int) -> int:
    """How many meetings are missing from the year's plan (0 when enough are planned)."""
    return max(min_meetings_per_year - planned, 0)


def extraordinary_threshold(members: int, numerator: int, denominator: int) -> int:
    """Supporters needed for an extraordinary meeting (R14)."""
    return required_count(members, numerator, denominator)


# --- Quorum (R16, R26) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Quorum:
    members: int
    required: int
    present: int
    recused: int
    counted: int
    quorate: bool
    rule: str

    @property
    def message(self) -> str:
        if self.quorate:
            return _("Beslutningsdygtigt: %(counted)s af %(members)s medlemmer tæller med (mindst %(required)s).") % {
                "counted": self.counted,
                "members": self.members,
                "required": self.required,
            }
        return _(
            "Ikke beslutningsdygtigt: %(counted)s af %(members)s medlemmer tæller med, mindst %(required)s "
            "skal være til stede (%(rule)s)."
        ) % {"counted": self.counted, "members": self.members, "required": self.required, "rule": self.rule}


def quorum(
    *,
    members: int,
    present: int,
    recused: int = 0,
    quorum_numerator: int,
    quorum_denominator: int,
    recused_count_toward_quorum: bool,
) -> Quorum:
    """Whether the meeting can decide: at least numerator/denominator of the members present.

    `present` counts members present and substitutes sitting for absent members; `recused` the present
    people who declared a conflict of interest on the item, who count only if the setting says so.
    """
    required = required_count(members, quorum_numerator, quorum_denominator)
    counted = present if recused_count_toward_quorum else present - recused
    return Quorum(
        members=members,
        required=required,
        present=present,
        recused=recused,
        counted=counted,
        quorate=members > 0 and counted >= required,
        rule=str(reference("quorum_numerator")),
    )


# --- Majority and tie (R17) ----------------------------------------------------------------------

ADOPTED = "adopted"
REJECTED = "rejected"
SIMPLE_MAJORITY = "simple_majority"
TIE_MOTION_FALLS = "tie_motion_falls"
TIE_CHAIR_DECIDES = "tie_chair_decides"


@dataclass(frozen=True)
class VoteResult:
    outcome: str  # ADOPTED | REJECTED
    rule: str  # SIMPLE_MAJORITY | TIE_MOTION_FALLS | TIE_CHAIR_DECIDES
    reference: str

    @property
    def adopted(self) -> bool:
        return self.outcome == ADOPTED

    @property
    def rule_label(self) -> str:
        labels = {
            SIMPLE_MAJORITY: _("simpelt flertal"),
            TIE_MOTION_FALLS: _("stemmelighed: forslaget bortfalder"),
            TIE_CHAIR_DECIDES: _("stemmelighed: forpersonens stemme er afgørende"),
        }
        return f"{labels[self.rule]} ({reference('tie_rule')})"  # cited in the active language


class TieNeedsChairVote(ValueError):
    """A tie under the chair-decides rule, but the chair's vote is not known."""


def vote_result(*, votes_for: int, votes_against: int, tie_rule: str, chair_vote: str | None = None) -> VoteResult:
    """Simple majority of the votes cast for or against; abstentions do not count.

    On a tie, `tie_rule` decides: "motion_falls" (the motion is rejected) or "chair_decides" (the chair's
    vote, "for" or "against", decides). The result names the rule it applied.
    """
    ref = str(reference("tie_rule"))
    if votes_for < 0 or votes_against < 0:
        raise ValueError("negative votes")
    if votes_for != votes_against:
        return VoteResult(ADOPTED if votes_for > votes_against else REJECTED, SIMPLE_MAJORITY, ref)
    if tie_rule == "chair_decides":
        if chair_vote not in ("for", "against"):
            raise TieNeedsChairVote(_("Stemmelighed: forpersonens stemme skal angives (%(rule)s).") % {"rule": ref})
        return VoteResult(ADOPTED if chair_vote == "for" else REJECTED, TIE_CHAIR_DECIDES, ref)
    return VoteResult(REJECTED, TIE_MOTION_FALLS, ref)


def vote_count_problems(*, votes_for: int, votes_against: int, abstentions: int, eligible: int) -> list[str]:
    """More votes than people allowed to vote is impossible (only members present vote, no proxies)."""
    cast = votes_for + votes_against + abstentions
    if cast > eligible:
        return [
            _("Der er afgivet %(cast)s stemmer, men kun %(eligible)s kan stemme på punktet.")
            % {"cast": cast, "eligible": eligible}
        ]
    return []


# --- Who leads the meeting (R18) --------------------------------------------------------------------


def meeting_leader(
    present: Iterable[tuple[T, str]], elected: T | None = None, *, constituent: bool = False
) -> T | None:
    """The meeting leader (R18): the forperson if present; else the næstforperson if present; else the member
    the meeting elected (`elected`, or None while nobody is elected).

    At the constituent meeting (`constituent`) the council has no forperson until it elects one (R12): until
    then the eldest member presides (`elected`: the secretariat records who), else the secretariat (None);
    once the forperson is elected and present, the forperson leads.

    `present` holds (member, role) for everyone present, role one of "chair", "vice_chair", "member".
    """
    first: dict[str, T] = {}
    for member, role in present:
        first.setdefault(role, member)
    if constituent:
        return first.get("chair") or elected
    return first.get("chair") or first.get("vice_chair") or elected
