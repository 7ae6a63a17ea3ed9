from django import template

from raad.membership.selectors import composition_panel as _composition_panel
from raad.membership.selectors import open_elections as _open_elections

register = template.Library()


@register.simple_tag
def composition_panel(council):
    """The composition status for the secretariat's dashboard."""
    return _composition_panel(council)


@register.simple_tag
def open_elections(council):
    return list(_open_elections(council))
