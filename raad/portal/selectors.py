"""Reads for the public site's own pages, composed from the domain apps' `public_…` selectors."""

from __future__ import annotations

from dataclasses import dataclass

from raad.councils.models import Council
from raad.meetings import selectors as meetings
from raad.meetings.models import Meeting
from raad.statements import selectors as statements
from raad.statements.models import Statement


@dataclass
class FrontPage:
    next_meeting: Meeting | None
    public_may_attend: bool | None  # from the rules of procedure in force on the meeting date
    latest_minutes: list[Meeting]
    latest_statements: list[Statement]


def front_page(council: Council) -> FrontPage:
    """What is current for a citizen: the next meeting, the latest published minutes and statements."""
    next_meeting = meetings.public_next_meeting(council)
    return FrontPage(
        next_meeting=next_meeting,
        public_may_attend=meetings.public_may_attend(next_meeting) if next_meeting else None,
        latest_minutes=meetings.public_latest_minutes(council, limit=3),
        latest_statements=statements.with_translations(statements.public_statements(council)[:3]),
    )
