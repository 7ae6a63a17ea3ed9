"""Errors a service raises when a rule refuses an operation. Views show them; nothing was written."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms


class RuleViolation(Exception):
    """One or more rules refuse the operation. Each item has a message that names the rule.

    Items are plain strings or objects with `.message` and an optional `.field` (the form field the
    violation belongs to).
    """

    def __init__(self, violations: Iterable[Any] | str):
        if isinstance(violations, str):
            violations = [violations]
        self.violations = list(violations)
        super().__init__("; ".join(self.messages))

    @property
    def messages(self) -> list[str]:
        return [str(getattr(v, "message", v)) for v in self.violations]

    def add_to_form(self, form: forms.Form) -> None:
        """Attach every violation to its field where the form has it, else to the whole form."""
        for violation in self.violations:
            field = getattr(violation, "field", None)
            message = str(getattr(violation, "message", violation))
            form.add_error(field if field in form.fields else None, message)
