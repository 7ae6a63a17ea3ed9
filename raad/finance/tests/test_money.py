"""Money is exact: Danish amounts parsed to Decimal øre, bad input refused with a translated message, sums of
many øre amounts exact, the transport refund km × rate rounded to whole øre."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from raad.finance import rules
from raad.finance.forms import AmountField


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,50", "1234.50"),
        ("1234,50", "1234.50"),
        ("1234", "1234.00"),
        ("0,1", "0.10"),
        ("12.345.678,99", "12345678.99"),
        ("1 234,05", "1234.05"),
        ("kr. 1.234,50", "1234.50"),
        ("99,95 kr.", "99.95"),
        (" 7,00 ", "7.00"),
    ],
)
def test_danish_amounts_are_read_exactly(text, expected):
    value = rules.parse_amount(text)
    assert value == Decimal(expected) and value.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "text", ["1,234.50", "12,345", "1.23", "abc", "1e3", "", "1.2345,00", "NaN", "12,5,0", "-5,00"]
)
def test_other_writings_are_refused_with_a_danish_message(text):
    with pytest.raises(ValueError, match="Skriv beløbet i kroner og øre som fx 1.234,50|negativt"):
        rules.parse_amount(text)


def test_the_form_field_refuses_in_the_page_language():
    field = AmountField()
    with translation.override("en"), pytest.raises(Exception) as caught:
        field.clean("1,234.50")
    assert caught.value.messages == [
        "Write the amount in kroner and øre, e.g. 1.234,50 (full stop between thousands, comma before øre)."
    ]
    assert field.clean("1.234,50") == Decimal("1234.50")


def test_a_negative_amount_only_where_allowed_and_too_large_refused():
    assert rules.parse_amount("-12,00", allow_negative=True) == Decimal("-12.00")
    with pytest.raises(ValueError, match="for stort"):
        rules.parse_amount("99.999.999.999,00")


def test_sums_of_many_ore_amounts_are_exact():
    # 10,000 times 0,10 kr. is exactly 1.000,00 kr. (as floats the sum is 1000.0000000001588).
    amounts = [rules.parse_amount("0,10")] * 10_000
    assert sum(amounts, Decimal("0.00")) == Decimal("1000.00")
    assert sum(0.1 for _ in range(10_000)) != 1000.0  # what a float would have done
    assert rules.format_amount(sum(amounts, Decimal(0))) == "1.000,00"


def test_format_amount_is_danish():
    assert rules.format_amount(Decimal("1234567.5")) == "1.234.567,50"
    assert rules.format_amount(Decimal("-0.05")) == "-0,05"


def test_transport_is_km_times_rate_rounded_half_up_to_ore():
    assert rules.transport_amount(Decimal("24"), Decimal("3.81")) == Decimal("91.44")
    assert rules.transport_amount(Decimal("12.5"), Decimal("3.81")) == Decimal("47.63")  # 47.625 → 47.63
    assert rules.transport_amount(Decimal("0.1"), Decimal("0.05")) == Decimal("0.01")  # 0.005 → 0.01


def test_over_budget_is_the_excess_only():
    figures = rules.LineFigures(budget=Decimal("100.00"), spent=Decimal("60.00"), committed=Decimal("30.00"))
    assert figures.remaining == Decimal("10.00")
    assert rules.over_budget(figures, Decimal("10.00")) == 0
    assert rules.over_budget(figures, Decimal("10.01")) == Decimal("0.01")
    assert rules.line_is_nearly_used(figures)
