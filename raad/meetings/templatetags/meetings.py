from django import template
from django.utils import timezone

from raad.meetings import selectors

register = template.Library()


@register.inclusion_tag("meetings/includes/council_panel.html", takes_context=True)
def meetings_panel(context, council):
    """The next meetings on the council's workspace page."""
    user = context["request"].user
    upcoming = list(
        selectors.public_meetings(council).filter(starts_at__gte=timezone.now()).exclude(status="cancelled")[:3]
    )
    return {"council": council, "upcoming": upcoming, "can_manage": user.has_perm("meetings.manage", council)}
