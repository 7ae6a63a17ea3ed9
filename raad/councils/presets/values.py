"""Values a preset is sure of, and example values that the municipality must still confirm.

A preset for a kind of council (not one real municipality's) writes `example(9)` where the law leaves the
number to the municipality: the value is used, and the flag travels with it into the rules of procedure
(`RulesOfProcedure.to_be_confirmed`), so every page that shows it says "skal bekræftes"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Example:
    """A value to be confirmed by the municipality (an example from the preset)."""

    value: Any


def example(value: Any) -> Example:
    return Example(value)


def split_settings(settings: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(the plain values, the names of the settings whose value is an example to be confirmed)."""
    values = {name: value.value if isinstance(value, Example) else value for name, value in settings.items()}
    flagged = [name for name, value in settings.items() if isinstance(value, Example)]
    return values, flagged
