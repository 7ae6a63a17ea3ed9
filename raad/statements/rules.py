"""The rules about consultations and statements as pure functions: no database, no request.

Every number comes in as an argument read from the rules of procedure in force (never a literal here).
"""

from __future__ import annotations

import datetime
import difflib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import ceil

TIE_MOTION_FALLS = "motion_falls"
TIE_CHAIR_DECIDES = "chair_decides"

AGREE = "agree"
DISAGREE = "disagree"
COMMENT = "comment"


def days_left(deadline: datetime.date, today: datetime.date) -> int:
    """Whole days from today to the deadline: 0 on the day itself, negative once it has passed."""
    return (deadline - today).days


def is_late(deadline: datetime.date | None, sent_on: datetime.date) -> bool:
    """A statement is late when it is sent after the consultation's deadline day."""
    return deadline is not None and sent_on > deadline


def reminder_dates(deadline: datetime.date, first_days: int, second_days: int) -> list[datetime.date]:
    """The days to remind members of a consultation deadline (forretningsorden § 9): first, then second."""
    return sorted({deadline - datetime.timedelta(days=first_days), deadline - datetime.timedelta(days=second_days)})


def reminder_due(deadline: datetime.date, today: datetime.date, first_days: int, second_days: int) -> int | None:
    """Which reminder (the number of days before) is due today, or None."""
    left = days_left(deadline, today)
    if left in (first_days, second_days):
        return left
    return None


def reminder_stage(deadline: datetime.date, today: datetime.date, first_days: int, second_days: int) -> int | None:
    """The reminder that should have gone out by today (7 or 2 days before, from the rules), or None.

    Robust to a missed day: three days before the deadline the first reminder is still due if it was
    never sent. The caller remembers what was sent, so nothing is sent twice.
    """
    left = days_left(deadline, today)
    if left < 0:
        return None
    for stage in sorted((first_days, second_days)):
        if left <= stage:
            return stage
    return None


def written_procedure_closes_on(opened_on: datetime.date, days: int) -> datetime.date:
    """The last day members can answer: `days` after the draft is sent out."""
    return opened_on + datetime.timedelta(days=days)


@dataclass(frozen=True)
class Answer:
    """One answer as the rules see it: who (a person), what, and whether they were a member that day."""

    person_id: int
    answer: str
    in_office: bool
    is_chair: bool = False


@dataclass(frozen=True)
class WrittenResult:
    adopted: bool
    quorate: bool
    agree: int
    disagree: int
    comment: int
    counted: int
    required: int
    members: int
    ignored: int
    tie: bool
    decided_by: str = ""
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "adopted": self.adopted,
            "quorate": self.quorate,
            "agree": self.agree,
            "disagree": self.disagree,
            "comment": self.comment,
            "counted": self.counted,
            "required": self.required,
            "members": self.members,
            "ignored": self.ignored,
            "tie": self.tie,
            "decided_by": self.decided_by,
        }


def written_procedure_result(
    answers: Iterable[Answer],
    *,
    members_in_office: int,
    quorum_numerator: int,
    quorum_denominator: int,
    tie_rule: str,
) -> WrittenResult:
    """The result of a written procedure under the rules of procedure in force (forretningsorden §§ 6 and 9).

    - Each member counts once (a later answer from the same person replaces an earlier one).
    - Only members in office on the day they answered count; other answers are ignored.
    - As at a meeting, at least the quorum fraction of the members must take part (answer at all).
    - Simple majority of agree over disagree; a "comment" takes part but is neither for nor against.
    - A tie follows the tie rule: the motion falls, or the chair's answer decides.
    """
    latest: dict[int, Answer] = {}
    ignored = 0
    for answer in answers:
        if not answer.in_office:
            ignored += 1
            continue
        if answer.person_id in latest:
            ignored += 1
        latest[answer.person_id] = answer
    counted = list(latest.values())
    agree = sum(1 for a in counted if a.answer == AGREE)
    disagree = sum(1 for a in counted if a.answer == DISAGREE)
    comment = sum(1 for a in counted if a.answer == COMMENT)
    required = ceil(Fraction(quorum_numerator, quorum_denominator) * members_in_office)
    quorate = len(counted) >= required and len(counted) > 0
    tie = agree == disagree
    decided_by = ""
    if not quorate:
        adopted = False
    elif not tie:
        adopted = agree > disagree
        decided_by = "majority"
    elif tie_rule == TIE_CHAIR_DECIDES:
        chair = next((a for a in counted if a.is_chair), None)
        adopted = chair is not None and chair.answer == AGREE
        decided_by = "chair"
    else:
        adopted = False
        decided_by = "tie_falls"
    return WrittenResult(
        adopted=adopted,
        quorate=quorate,
        agree=agree,
        disagree=disagree,
        comment=comment,
        counted=len(counted),
        required=required,
        members=members_in_office,
        ignored=ignored,
        tie=tie,
        decided_by=decided_by,
    )


# ---------------------------------------------------------------------------------------------------------
# Comparing two versions, word by word.

_TOKEN = re.compile(r"\s+|[^\s]+")
_SEGMENT_END = re.compile(r"(?<=[.!?\n])")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


_LONG = 600  # characters: a "sentence" longer than this (a text without full stops) is cut at spaces
_CUT = re.compile(r"(?<=\s)(?=\S)")


def _segments(text: str) -> list[str]:
    """The text cut after every sentence end and line break; joining the pieces gives the text back."""
    pieces: list[str] = []
    for piece in _SEGMENT_END.split(text.replace("\r\n", "\n")):
        if len(piece) <= _LONG:
            if piece:
                pieces.append(piece)
            continue
        current = ""
        for word in _CUT.split(piece):
            if current and len(current) + len(word) > _LONG:
                pieces.append(current)
                current = ""
            current += word
        if current:
            pieces.append(current)
    return pieces


@dataclass(frozen=True)
class Comparison:
    left_html: str
    right_html: str
    removed: int
    added: int


def compare(old: str, new: str) -> Comparison:
    """Side-by-side word-level comparison: removed words marked <del> on the left, added <ins> on the right.

    Two passes keep it fast on long texts: difflib first matches whole sentences, then compares words only
    inside the sentences that changed, pairing them in order; a changed sentence without a partner is
    marked as a whole. The cost grows with the length of the changed sentences, not with the square of
    the text (benchmarks/bench_compare.py; figures in docs/benchmarks.md).
    """
    a, b = _segments(old), _segments(new)
    left: list[str] = []
    right: list[str] = []
    removed = added = 0
    outer = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in outer.get_opcodes():
        if op == "equal":
            chunk = html.escape("".join(a[i1:i2]))
            left.append(chunk)
            right.append(chunk)
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            lpart, rpart, r, d = _word_diff(
                _tokens(olds[k]) if k < len(olds) else [], _tokens(news[k]) if k < len(news) else []
            )
            removed += r
            added += d
            left.append(lpart)
            right.append(rpart)
    return Comparison("".join(left), "".join(right), removed, added)


def _word_diff(a: Sequence[str], b: Sequence[str]) -> tuple[str, str, int, int]:
    left: list[str] = []
    right: list[str] = []
    removed = added = 0
    matcher = difflib.SequenceMatcher(lambda t: t.isspace(), a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old_chunk = html.escape("".join(a[i1:i2]))
        new_chunk = html.escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(old_chunk)
            right.append(new_chunk)
            continue
        if i2 > i1:
            removed += sum(1 for t in a[i1:i2] if not t.isspace())
            left.append(f"<del>{old_chunk}</del>")
        if j2 > j1:
            added += sum(1 for t in b[j1:j2] if not t.isspace())
            right.append(f"<ins>{new_chunk}</ins>")
    return "".join(left), "".join(right), removed, added
