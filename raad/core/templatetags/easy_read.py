"""{% load easy_read %}: the easy-read Danish (let dansk) toggle on citizen pages (docs/translations.md)."""

from django import template
from django.conf import settings
from django.db.models import Model, QuerySet

from raad.core import translations

register = template.Library()


def _objects(values) -> list[Model]:
    found: list[Model] = []
    for value in values:
        if value is None or value == "":
            continue
        if isinstance(value, Model):
            found.append(value)
            continue
        model = getattr(value, "model", None)  # a queryset or related manager: read only if its model is registered
        if model is not None and not translations.translatable_fields(model):
            continue
        # A queryset is read as it is (a prefetched one from its cache); a related manager through .all().
        items = value if isinstance(value, QuerySet) or not hasattr(value, "all") else value.all()
        found.extend(obj for obj in items if isinstance(obj, Model))
    return found


@register.inclusion_tag("core/includes/easy_read_toggle.html", takes_context=True)
def easy_read_toggle(context, *shown):
    """The "Let dansk" / "Almindeligt dansk" switch, on a Danish page that shows `shown` (objects or lists of
    them) when one of them has an easy-read version, and always while easy-read is on (to switch it off).
    One query for all of them."""
    request = context.get("request")
    language = translations.active_language()
    on = translations.easy_read_requested()
    offered = False
    if language == settings.LANGUAGE_CODE and not on:
        offered = translations.has_easy_read(_objects(shown))
    return {
        "request": request,
        "show": language == settings.LANGUAGE_CODE and (on or offered),
        "on": on,
        "csrf_token": context.get("csrf_token"),
    }
