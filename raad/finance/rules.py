"""Pure rules of the council's money: Danish amounts, the transport refund, the budget line and the claim
limit. No database, no request. Every amount is a `Decimal` in kroner with two decimals (øre); a float never
enters (a float cannot hold 0,10 kr exactly)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

ORE = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999.99")  # what DecimalField(max_digits=12, decimal_places=2) holds

# "1.234,50", "1234,50", "1234", "1 234,5", "-12,00", "kr. 1.234,50", "1.234,50 kr." Thousands separated by
# a dot or a (no-break) space in groups of three; at most two decimals after a comma.
_AMOUNT = re.compile(r"^(?P<sign>-)?(?P<int>\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)(?:,(?P<dec>\d{1,2}))?$")


@dataclass(frozen=True)
class AmountProblem:
    message: str
    field: str | None = None

    def __str__(self) -> str:
        return self.message


def parse_amount(text: str, *, allow_negative: bool = False) -> Decimal:
    """A Danish amount ("1.234,50") as an exact Decimal with two decimals. Raises ValueError with a
    translated message for anything else ("1,234.50", "12,345", "abc", "1e3", more than two decimals)."""
    raw = (text or "").strip()
    raw = re.sub(r"^kr\.?\s*|\s*kr\.?$", "", raw, flags=re.IGNORECASE).strip()
    match = _AMOUNT.match(raw)
    if not match:
        raise ValueError(_("Skriv beløbet i kroner og øre som fx 1.234,50 (punktum mellem tusinder, komma før øre)."))
    digits = re.sub(r"[. \u00a0\u202f]", "", match["int"])
    try:
        value = Decimal(f"{digits}.{match['dec'] or '0'}").quantize(ORE)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise ValueError(_("Beløbet kan ikke læses.")) from None
    if match["sign"]:
        value = -value
    if value < 0 and not allow_negative:
        raise ValueError(_("Beløbet kan ikke være negativt."))
    if abs(value) > MAX_AMOUNT:
        raise ValueError(_("Beløbet er for stort."))
    return value


def format_amount(value: Decimal, *, language: str = "da") -> str:
    """An amount in kroner with øre and grouped thousands, in the language's number format (Danish 1.234,50,
    English 1,234.50): Django's own formatting with the project's format modules (raad/formats)."""
    from django.utils import formats, translation

    with translation.override(language):
        return formats.number_format(value.quantize(ORE), 2, use_l10n=True, force_grouping=True)


def transport_amount(km: Decimal, rate: Decimal) -> Decimal:
    """km × the year's rate, rounded to whole øre (half up, as a cash register does)."""
    return (km * rate).quantize(ORE, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LineFigures:
    budget: Decimal
    spent: Decimal  # paid, reversals included
    committed: Decimal  # committed, not yet paid

    @property
    def used(self) -> Decimal:
        return self.spent + self.committed

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.used

    @property
    def share(self) -> Decimal:
        """How much of the line is used, as a fraction (0 when the line has no budget and nothing is used)."""
        if self.budget <= 0:
            return Decimal(1) if self.used > 0 else Decimal(0)
        return self.used / self.budget


def over_budget(figures: LineFigures, amount: Decimal) -> Decimal:
    """By how much `amount` would take the line over its budget (0 when it fits)."""
    return max(Decimal(0), figures.used + amount - figures.budget)


def over_budget_violation(*, line: str, figures: LineFigures, amount: Decimal) -> AmountProblem | None:
    excess = over_budget(figures, amount)
    if excess <= 0:
        return None
    return AmountProblem(
        _(
            "Udgiften på %(amount)s kr. fører budgetposten »%(line)s« %(excess)s kr. over budgettet. En udgift ud "
            "over budgettet kræver en særskilt godkendelse: sæt kryds i »Jeg godkender overskridelsen«, så dit "
            "navn bliver registreret som den, der godkendte."
        )
        % {"amount": format_amount(amount), "line": line, "excess": format_amount(excess)},
        field="approve_over_budget",
    )


def over_limit_violation(*, amount: Decimal, limit: Decimal | None) -> AmountProblem | None:
    if limit is None or amount <= limit:
        return None
    return AmountProblem(
        _(
            "Kravet på %(amount)s kr. er over budgetårets beløbsgrænse for krav uden særskilt godkendelse "
            "(%(limit)s kr.). Sæt kryds i »Jeg godkender beløbet over grænsen«, så dit navn bliver registreret."
        )
        % {"amount": format_amount(amount), "limit": format_amount(limit)},
        field="approve_over_limit",
    )


def line_is_nearly_used(figures: LineFigures, *, threshold: Decimal = Decimal("0.9")) -> bool:
    """A line with 90 % or more used (the desk shows it)."""
    return figures.used > 0 and figures.share >= threshold
