"""Template tags for topics: `{% latest_topics council %}` (the council page's "I sagde – vi gjorde")."""

from django import template

from raad.dialogue.selectors import topics as selectors

register = template.Library()


@register.inclusion_tag("dialogue/topics/_latest.html", takes_context=True)
def latest_topics(context, council, limit: int = 3):
    return {
        "council": council,
        "topics": selectors.public_topics(council, limit=limit),
        "request": context.get("request"),
    }
