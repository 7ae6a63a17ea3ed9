"""Demo: Holbæk's integration council from its preset, and the frame the other apps' demo stories share.

`demo_load(today=…)` sets up the council and runs each app's `load(context)` in `demo_loaders()` order
(members before the meetings they sit in, meetings before the statements they adopt). The story is written
for the week of Thursday 26 November 2026; `DemoCalendar` moves every date in it by whole weeks so that,
on whatever day the demo is loaded, the same story is told: past meetings with minutes, the next meeting
ahead, consultations with deadlines behind and ahead. Weekdays stay as written (meetings on Thursdays).
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from raad.councils.models import Council
from raad.councils.presets import PRESETS
from raad.councils.services import council_setup_from_preset

REFERENCE_DAY = datetime.date(2026, 11, 26)  # "today" in the story as written
STORY_TERM_STARTS = datetime.date(2026, 2, 1)  # the members' first day as written (year offsets count from it)
CPH = ZoneInfo("Europe/Copenhagen")
MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class DemoCalendar:
    """Turns a date as written in the story into the date the demo uses when loaded on `today`."""

    today: datetime.date

    @property
    def shift(self) -> datetime.timedelta:
        return datetime.timedelta(weeks=(self.today - REFERENCE_DAY).days // 7)

    @property
    def years(self) -> int:
        """How many years later the story's term begins than as written (2026)."""
        return self.day(STORY_TERM_STARTS).year - STORY_TERM_STARTS.year

    def day(self, written: datetime.date) -> datetime.date:
        return written + self.shift

    def date(self, year: int, month: int, day: int) -> datetime.date:
        return self.day(datetime.date(year, month, day))

    def at(self, written: datetime.date, hour: int = 12) -> datetime.datetime:
        return datetime.datetime.combine(self.day(written), datetime.time(hour), tzinfo=CPH)

    def year(self, written: int) -> int:
        """A year named in a text ("Budget 2027–2030"), moved with the story."""
        return written + self.years

    def spoken(self, written: datetime.date, *, with_year: bool = True) -> str:
        """The moved date as Danish texts write it: "28. januar 2026" (or "28. januar")."""
        day = self.day(written)
        text = f"{day.day}. {MONTHS_DA[day.month - 1]}"
        return f"{text} {day.year}" if with_year else text

    def text(self, written: str) -> str:
        """A text as written, with its "{year:2027}" and "{date:2026-04-06}" (Danish, without the year)
        moved with the story: "Budget {year:2027}" is "Budget 2027" when the demo is loaded in late 2026."""
        out, rest = [], written
        while "{" in rest:
            before, _brace, rest = rest.partition("{")
            name, _close, rest = rest.partition("}")
            kind, _colon, value = name.partition(":")
            if kind == "year":
                out.append(before + str(self.year(int(value))))
            elif kind == "date":
                out.append(before + self.spoken(datetime.date.fromisoformat(value), with_year=False))
            else:
                raise ValueError(f"unknown placeholder {{{name}}} in a demo text")
        return "".join(out) + rest


@dataclass
class DemoContext:
    """What the demo stories share: the council, the calendar, and what the command prints at the end."""

    council: Council
    calendar: DemoCalendar
    password: str = ""  # set by the membership demo
    logins: list[tuple[str, str]] = field(default_factory=list)  # (username, role), set by the membership demo
    notes: list[str] = field(default_factory=list)  # lines each story adds for the person who loaded it


def demo_start(*, today: datetime.date) -> DemoContext:
    """The council from the Holbæk preset (unchanged if it exists), and the context for the stories."""
    council, _created = council_setup_from_preset(preset=PRESETS["holbaek"])
    return DemoContext(council=council, calendar=DemoCalendar(today=today))


# The apps' demo stories, in the order they build on each other. Named, not imported: councils is the base
# every other app imports, so it must not import them back (the import contracts in pyproject.toml). A new
# app adds its `demo` module here, after the stories it builds on.
DEMO_STORIES: tuple[str, ...] = (
    "raad.membership.demo",
    "raad.councils.demo_rooms",
    "raad.meetings.demo",
    "raad.meetings.demo_other_councils",
    "raad.statements.demo",
    "raad.statements.demo_other_councils",
    "raad.dialogue.demo_topics",
    "raad.dialogue.demo_inquiries",
    "raad.community.demo_associations",
    "raad.community.demo_volunteering",
    "raad.community.demo_media",
    "raad.community.demo_events",
    "raad.councils.demo_translations",
    "raad.finance.demo",
    "raad.effort.demo",
    "raad.secretariat.demo",
)


def demo_loaders() -> list[Callable[[DemoContext], None]]:
    """Each story's `load(context)`, in the order of DEMO_STORIES."""
    return [importlib.import_module(name).load for name in DEMO_STORIES]


def demo_load(*, today: datetime.date) -> DemoContext:
    """The whole demo as of `today`. Each story returns early when its data is already there."""
    context = demo_start(today=today)
    for load in demo_loaders():
        load(context)
    return context
