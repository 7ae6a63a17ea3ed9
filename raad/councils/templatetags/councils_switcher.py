"""`{% council_switcher council %}`: links to the same workspace page of the other councils the user serves
as secretariat (no JavaScript). Shows nothing to a user who serves one council."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

from raad.councils.selectors import councils_served_by

register = template.Library()


@register.inclusion_tag("councils/switcher.html", takes_context=True)
def council_switcher(context, council) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    served = councils_served_by(user)
    if council is None or len(served) < 2 or council.pk not in {c.pk for c in served}:
        return {"links": []}
    match = getattr(request, "resolver_match", None)
    same_page = match is not None and set(match.kwargs) == {"slug"}
    links = []
    for other in served:
        url = ""
        if same_page:
            try:
                url = reverse(match.view_name, kwargs={"slug": other.slug})
            except NoReverseMatch:
                url = ""
        links.append(
            (other, url or reverse("secretariat:council", kwargs={"slug": other.slug}), other.pk == council.pk)
        )
    return {"links": links}
