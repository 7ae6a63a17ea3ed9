"""The desk: panels other apps put on a council's workspace page, and the list of work areas that links every
app's pages from it (see docs/kernel-plug.md).

An app registers a panel in its AppConfig.ready():

    desk.register_panel(key="outbox", title=_("Udgående e-mails"), template="core/includes/outbox_panel.html",
                        context=outbox_context, order=90)

`context(council, user)` returns the template context, or None when the panel has nothing to show to this
user (no permission, nothing to do). It reads through the app's selectors: a fixed number of queries, never
one per row. Core knows no app: the registry is filled from the apps' ready().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Panel:
    key: str
    title: Any  # a lazy translated string
    template: str
    context: Callable[[Any, Any], dict | None]
    order: int


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    title: str
    html: SafeString


_panels: dict[str, Panel] = {}


def register_panel(
    *, key: str, title: Any, template: str, context: Callable[[Any, Any], dict | None], order: int
) -> None:
    """Add a panel to the desk; registering the same key again replaces it (ready() may run twice in tests)."""
    _panels[key] = Panel(key=key, title=title, template=template, context=context, order=order)


def registered_panels() -> list[Panel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.key))


def panels_for(council: Any, request: HttpRequest) -> list[RenderedPanel]:
    """Every registered panel that has something to show to `request.user` on `council`, rendered, in order."""
    shown = []
    for panel in registered_panels():
        context = panel.context(council, request.user)
        if context is None:
            continue
        html = render_to_string(panel.template, {"council": council, **context}, request=request)
        shown.append(RenderedPanel(key=panel.key, title=str(panel.title), html=html))
    return shown


# --------------------------------------------------------------------------------------------- work areas


@dataclass(frozen=True)
class Area:
    key: str
    title: Any  # a lazy translated string
    url_name: str  # reversed with the council's slug
    permission: str  # a django-rules permission checked on the council
    order: int


@dataclass(frozen=True)
class ShownArea:
    key: str
    title: str
    url: str


_areas: dict[str, Area] = {}


def register_area(*, key: str, title: Any, url_name: str, permission: str, order: int) -> None:
    """A work area on the desk ("Henvendelser", "Arrangementer", "Økonomi" …): a link to the app's own page,
    shown to whoever has `permission` on the council. Registering the same key again replaces it."""
    _areas[key] = Area(key=key, title=title, url_name=url_name, permission=permission, order=order)


def registered_areas() -> list[Area]:
    return sorted(_areas.values(), key=lambda a: (a.order, a.key))


def areas_for(council: Any, user: Any) -> list[ShownArea]:
    """The work areas `user` may open on `council`, in order (permissions only: no query per area beyond them)."""
    from django.urls import reverse

    return [
        ShownArea(key=area.key, title=str(area.title), url=reverse(area.url_name, args=[council.slug]))
        for area in registered_areas()
        if user.has_perm(area.permission, council)
    ]
