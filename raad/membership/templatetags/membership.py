from django import template

from raad.membership.selectors import composition_panel as _composition_panel

register = template.Library()


@register.simple_tag
def composition_panel(council):
    """The composition status for the secretariat's dashboard."""
    return _composition_panel(council)
