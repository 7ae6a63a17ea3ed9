"""`{{ value|figure }}`: an indicator's value as published, in the page's language (Danish 12,5; English 12.5),
without trailing zeros; `{{ number|coord }}`: an SVG coordinate (always a dot)."""

from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def figure(value) -> str:
    if value is None or value == "":
        return ""
    number = Decimal(value)
    number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()
    return formats.number_format(number, use_l10n=True)


@register.filter
def coord(value) -> str:
    return f"{float(value):.1f}"
