"""`{{ amount|kr }}`: an exact amount in the page's language (Danish 1.234,50; English 1,234.50)."""

from decimal import Decimal

from django import template
from django.utils import translation

from raad.finance.rules import format_amount

register = template.Library()


@register.filter
def kr(value) -> str:
    if value is None or value == "":
        return ""
    return format_amount(Decimal(value), language=translation.get_language() or "da")


@register.filter
def percent(value) -> str:
    """A share (0.9) as a whole per cent (90)."""
    return str(int((Decimal(value) * 100).to_integral_value()))
