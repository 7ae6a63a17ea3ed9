"""The events' source for the search index (raad.core.search, docs/search.md): published and cancelled events
from `public_events`; a group is an event's pk. Registered in apps.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils import timezone

from raad.community.models import Event
from raad.community.selectors.events import public_events
from raad.core.search import Document, group_pks
from raad.councils.selectors import public_councils


def events(groups: Iterable[str] | None) -> Iterator[Document]:
    wanted = group_pks(groups)
    councils = public_councils()
    if wanted is not None:
        councils = councils.filter(events__pk__in=wanted).distinct()
    for council in councils:
        for event in public_events(council):
            if wanted is not None and event.pk not in wanted:
                continue
            cancelled = event.status == Event.Status.CANCELLED
            yield Document(
                group=str(event.pk),
                key=str(event.pk),
                title=f"{event.title} ({event.get_status_display()})" if cancelled else event.title,
                body="\n".join(t for t in (event.description, event.place, event.address) if t),
                url=reverse("community:event", args=[council.slug, event.pk]),
                council=council.slug,
                council_name=council.name,
                date=timezone.localtime(event.starts_at).date(),
                purposes=tuple((str(p.pk), str(p)) for p in event.purposes.all()),
            )


def register() -> None:
    from django.utils.translation import gettext_lazy

    from raad.core import search

    search.register_source(kind="event", label=gettext_lazy("Arrangementer"), documents=events, order=70)
