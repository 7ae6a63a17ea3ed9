from django import template

register = template.Library()


@register.filter
def linebreaks_list(text: str) -> list[str]:
    """Plain text as paragraphs: split at blank lines (or single lines when there are none)."""
    text = (text or "").replace("\r\n", "\n").strip()
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return parts
