from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def linebreaks_list(text: str) -> list[str]:
    """Plain text as paragraphs, split at blank lines."""
    text = (text or "").replace("\r\n", "\n").strip()
    return [p.strip() for p in text.split("\n\n") if p.strip()]


@register.inclusion_tag("statements/desk/_panel.html", takes_context=True)
def consultations_panel(context):
    """The consultations panel on the council's workspace page (open consultations, days left)."""
    from raad.statements import selectors

    council = context.get("council")
    request = context.get("request")
    user = getattr(request, "user", None)
    if council is None or user is None or not user.has_perm("statements.view_drafts", council):
        return {"show": False}
    today = timezone.localdate()
    return {
        "show": True,
        "council": council,
        "open": selectors.open_consultations(council, today),
        "awaiting": selectors.procedures_awaiting(user, council, today),
        "urgent": selectors.urgent_awaiting(user, council, today),
    }


@register.simple_tag
def agenda_label(item) -> str:
    """{% agenda_label item %} → 'Møde 10.12.2026, pkt. 3' in the page's language."""
    from raad.statements.selectors import agenda_label as label

    return label(item)
