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


# --------------------------------------------------------------------------------------------------- tasks


class Audience:
    """Who a task is for: the council's secretariat, or the signed-in person themself."""

    SECRETARIAT = "secretariat"
    PERSONAL = "personal"


@dataclass(frozen=True)
class Task:
    """One deadline or piece of work on the desk. `council` is the council object it belongs to; `title`
    is already translated and holds nothing the user may not see; `due` is the date it must be done by."""

    council: Any
    key: str  # the registering source plus a kind, e.g. "statements.consultation"
    title: str
    due: Any  # datetime.date
    url: str
    audience: str  # Audience.SECRETARIAT or Audience.PERSONAL
    detail: str = ""
    ref: str = ""  # stable per object within the key (the iCal UID), e.g. the pk

    def is_overdue(self, today: Any) -> bool:
        return self.due < today

    def days_left(self, today: Any) -> int:
        return (self.due - today).days


TaskCollector = Callable[[list, Any, Any], list[Task]]
_task_sources: dict[str, TaskCollector] = {}


def register_tasks(*, key: str, collect: TaskCollector) -> None:
    """A source of tasks and deadlines: `collect(councils, user, today)` returns the tasks of ALL the given
    councils (those where `user` holds any role today) in a fixed number of queries, never one per council or
    per row. Secretariat tasks are kept only for councils where the user is secretariat; a personal task is the
    user's own. Registering the same key again replaces it (ready() may run twice in tests)."""
    _task_sources[key] = collect


def registered_task_sources() -> list[str]:
    return sorted(_task_sources)


def councils_with_role(councils: list, user: Any, *wanted: Any) -> list:
    """The councils (of `councils`) where `user` holds any of `wanted` (roles read once, see tasks_for)."""
    from raad.core.roles import roles_of

    return [c for c in councils if roles_of(user, c.pk) & set(wanted)]


def secretariat_tasks(
    councils: list, user: Any, rows: Callable[[list[int]], Any], make: Callable[[Any, Any], Task]
) -> list[Task]:
    """A task per row for the councils (of `councils`) the user serves as secretariat: `rows(council_ids)` reads
    them in one query, `make(council, row)` builds each task."""
    from raad.core.roles import Role

    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    if not staffed:
        return []
    return [make(staffed[row.council_id], row) for row in rows(list(staffed))]


# Erasures under the retention rules (R35) are shown this many days ahead of the day they happen.
RETENTION_AHEAD_DAYS = 30


def erased_from(clock: Any, cutoff: Callable[[Any], Any], today: Any, last: Any) -> Any:
    """The first day from `today` to `last` on which something dated `clock` is erased: `cutoff(day)` is the
    retention selector's own limit (on `day`, what is dated before it is erased), so the desk and the retention
    command cannot disagree. `today` when it is already due (the command has not run yet)."""
    import datetime

    day = today
    while day < last and not clock < cutoff(day):
        day += datetime.timedelta(days=1)
    return day


def tasks_for(user: Any, councils: list, today: Any, *, audience: str | None = None) -> list[Task]:
    """Every registered source's tasks for `user` on `councils`, ordered by due date. Councils where the user
    holds no role are dropped here, whatever a source returns; so are secretariat tasks of a council where the
    user is not secretariat. `audience` keeps one kind only."""
    from raad.core.roles import Role, roles_by_council

    held = roles_by_council(user)
    councils = [c for c in councils if held.get(c.pk)]
    if not councils:
        return []
    allowed = {c.pk for c in councils}
    found: list[Task] = []
    for key in registered_task_sources():
        for task in _task_sources[key](councils, user, today):
            council_id = task.council.pk
            if council_id not in allowed:
                continue
            if task.audience == Audience.SECRETARIAT and Role.SECRETARIAT not in held[council_id]:
                continue
            if audience is not None and task.audience != audience:
                continue
            found.append(task)
    return sorted(found, key=lambda t: (t.due, str(t.council.pk), t.key, t.ref))


# ------------------------------------------------------------------------------------- the private feed


def feed_token_hash(secret: str) -> str:
    import hashlib

    return hashlib.sha256(secret.encode()).hexdigest()


def feed_user(secret: str) -> Any | None:
    """The user whose live (not revoked) desk feed `secret` opens, or None (the view answers 404)."""
    from raad.core.models import DeskFeedToken

    if not secret or len(secret) > 100:
        return None
    found = (
        DeskFeedToken.objects.select_related("user")
        .filter(token_hash=feed_token_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    return found.user if found is not None else None


def has_feed(user: Any) -> bool:
    from raad.core.models import DeskFeedToken

    return DeskFeedToken.objects.filter(user=user, revoked_at__isnull=True).exists()


def feed_ical(user: Any, councils: list, today: Any, *, name: str) -> bytes:
    """The user's desk as all-day iCal events on each task's due date (private UIDs, no one else's data:
    the tasks are what the desk shows the user)."""
    import datetime

    from django.conf import settings
    from icalendar import Event

    from raad.core import ical

    cal = ical.calendar(name, prodid="-//Råd//Opgaver//DA")
    for task in tasks_for(user, councils, today):
        event = Event()
        event.add("uid", ical.uid(f"task-{task.key}-{task.ref}", task.council.pk, public=False))
        event.add("dtstamp", datetime.datetime.now(tz=datetime.UTC))
        event.add("dtstart", task.due)
        event.add("dtend", task.due + datetime.timedelta(days=1))
        event.add("summary", f"{task.title} ({task.council.name})")
        event.add("description", "\n".join(line for line in (task.detail, str(task.council.name)) if line))
        event.add("url", settings.SITE_URL.rstrip("/") + task.url)
        cal.add_component(event)
    return ical.to_ical(cal)
