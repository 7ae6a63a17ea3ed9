"""The sizes the generator builds (docs/scale.md). Counts follow from the tier alone, never from the seed:
the seed chooses texts, names and dates within their month, so a tier's table counts are documented exactly."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

# The four kinds of council every generated municipality has (raad.councils.models.Council.Kind).
COUNCIL_KINDS = ("integration", "disability", "elderly", "youth")
SEATS = 9  # seats (and members) per council and term
PURPOSES = 3  # purposes in each council's kommissorium
COMMITTEES = 5  # committees per municipality (recipients and senders of consultations)
EVENTS_PER_YEAR = 2
TOPICS_PER_YEAR = 1
INQUIRIES_PER_YEAR = 3


def meetings_in(council_no: int, year_no: int) -> int:
    """6 to 14 meetings a council-year (10 on average)."""
    return 6 + (council_no * 3 + year_no) % 9


def items_in(meeting_no: int) -> int:
    """5 to 15 agenda items a meeting (10 on average)."""
    return 5 + (meeting_no * 7) % 11


def item_closed(meeting_no: int, position: int) -> bool:
    """One item in ten is closed (lukket punkt)."""
    return (meeting_no * 3 + position) % 10 == 0


def statements_in(council_no: int, year_no: int) -> int:
    """20 to 31 statements a council-year (25.5 on average)."""
    return 20 + (council_no * 5 + year_no) % 12


@dataclass(frozen=True)
class Tier:
    name: str
    municipalities: int
    years: int
    description: str

    @property
    def councils(self) -> int:
        return self.municipalities * len(COUNCIL_KINDS)

    def scaled(self, *, fraction: float | None = None, years: int | None = None) -> Tier:
        """This tier with a share of its municipalities (at least one) or another number of years."""
        municipalities = self.municipalities
        if fraction is not None:
            municipalities = max(1, math.ceil(self.municipalities * fraction - 1e-9))
        return replace(self, municipalities=municipalities, years=years or self.years)


TIERS = {
    "demo": Tier("demo", municipalities=2, years=2, description="2 municipalities × 4 councils × 2 years"),
    # 100 × one demo council's data: a demo council has 2 years (about 20 meetings, 200 items, 51 statements);
    # 20 councils × 10 years hold 100 times that.
    "100x": Tier("100x", municipalities=5, years=10, description="5 municipalities × 4 councils × 10 years"),
    "denmark": Tier("denmark", municipalities=98, years=20, description="98 municipalities × 4 councils × 20 years"),
}
