"""One desk and a to-do list for everyone (docs/desk.md): the cross-council desk on the workspace dashboard,
the personal to-do list on a council's workspace home, and the private iCal feed of the desk. The tasks come
from every app through `raad.core.desk.register_tasks`; this module only shows them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from raad.core import desk, services, workspace
from raad.core.desk import Audience, Task
from raad.core.roles import Role, roles_by_council
from raad.core.views import WorkspaceMixin
from raad.councils import selectors as councils


@dataclass(frozen=True)
class Row:
    """A task as a row on the page: its status in words (never colour only)."""

    task: Task
    overdue: bool
    status: str


def rows(tasks: list[Task], today: datetime.date) -> list[Row]:
    found = []
    for task in tasks:
        days = task.days_left(today)
        if days < 0:
            status = _("Overskredet med %(days)s dag(e)") % {"days": -days}
        elif days == 0:
            status = _("Frist i dag")
        else:
            status = _("Om %(days)s dag(e)") % {"days": days}
        found.append(Row(task=task, overdue=days < 0, status=status))
    return found


def personal_todo(council, user, today: datetime.date) -> list[Row]:
    """The user's own to-do list on the council's workspace home."""
    return rows(desk.tasks_for(user, [council], today, audience=Audience.PERSONAL), today)


class DashboardView(WorkspaceMixin, View):
    """The workspace's first page. Someone with a role in one council only, and not its secretariat, goes
    straight to that council (its home has their to-do list; `?raad=` still opens the desk); otherwise it is the
    desk: every task of every council the user holds a role in, secretariat work where they serve."""

    def get(self, request, feed_url: str = "", status: int = 200):
        mine = councils.councils_of_user(request.user)
        held = roles_by_council(request.user)
        serves = [c for c in mine if Role.SECRETARIAT in held.get(c.pk, ())]
        if len(mine) == 1 and not serves and not feed_url and not request.GET:
            return redirect("secretariat:council", slug=mine[0].slug)
        today = timezone.localdate()
        chosen_slug = request.GET.get("raad", "")
        chosen = next((c for c in mine if c.slug == chosen_slug), None)
        unknown = bool(chosen_slug) and chosen is None
        if chosen is not None:
            request.council = chosen
        elif len({c.municipality_id for c in mine}) == 1:
            workspace.show_municipality(request, mine[0].municipality)
        tasks = desk.tasks_for(request.user, [chosen] if chosen else mine, today)
        shown = rows(tasks, today)
        return render(
            request,
            "secretariat/dashboard.html",
            {
                "councils": mine,
                "chosen": chosen,
                "unknown_council": unknown,
                "overdue": [r for r in shown if r.overdue],
                "upcoming": [r for r in shown if not r.overdue],
                "today": today,
                "has_feed": desk.has_feed(request.user),
                "feed_url": feed_url,
                "crumbs": workspace.workspace_crumbs(None),
            },
            status=status,
        )

    def post(self, request):
        """The private calendar link: "create" (a new one; the old stops working) or "revoke"."""
        action = request.POST.get("feed")
        if action == "create":
            secret = services.desk_feed_token_create(user=request.user)
            url = request.build_absolute_uri(reverse("secretariat:desk_feed", args=[secret]))
            messages.success(request, _("Dit private kalenderlink er oprettet. Et tidligere link virker ikke længere."))
            return self.get(request, feed_url=url)
        if action == "revoke":
            services.desk_feed_token_revoke(user=request.user)
            messages.success(request, _("Dit private kalenderlink er tilbagekaldt."))
            return redirect("secretariat:dashboard")
        messages.error(request, _("Vælg at oprette eller tilbagekalde kalenderlinket."))
        return self.get(request, status=400)


class DeskFeedView(View):
    """The desk as a private iCal feed: the secret in the URL stands for the login. Unknown or revoked: 404."""

    def get(self, request, token: str):
        user = desk.feed_user(token)
        if user is None:
            raise Http404
        mine = councils.councils_of_user(user)
        today = timezone.localdate()
        data = desk.feed_ical(user, mine, today, name=_("Opgaver og frister"))
        response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="opgaver.ics"'
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
