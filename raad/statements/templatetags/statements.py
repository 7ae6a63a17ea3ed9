from django import template

register = template.Library()


@register.filter
def linebreaks_list(text: str) -> list[str]:
    """Plain text as paragraphs, split at blank lines."""
    text = (text or "").replace("\r\n", "\n").strip()
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@register.simple_tag
def agenda_label(item) -> str:
    """{% agenda_label item %} → 'Møde 10.12.2026, pkt. 3' in the page's language."""
    from raad.statements.selectors import agenda_label as label

    return label(item)
