"""Template tags for topics: `{{ topic|tloc_fallback:"title" }}` (the text is shown in Danish for want of a
translation) and `{% latest_topics council %}` (the council page's "I sagde – vi gjorde")."""

from django import template

from raad.core import translations
from raad.dialogue.selectors import topics as selectors

register = template.Library()


@register.filter
def tloc_fallback(obj, field: str) -> bool:
    """The text is shown in Danish because no translation exists (the page says so)."""
    return translations.localized_text(obj, field).is_fallback


@register.inclusion_tag("dialogue/topics/_latest.html", takes_context=True)
def latest_topics(context, council, limit: int = 3):
    return {
        "council": council,
        "topics": selectors.public_topics(council, limit=limit),
        "request": context.get("request"),
    }
