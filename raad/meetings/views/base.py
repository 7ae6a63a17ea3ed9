"""What every meetings page shares: the council from the URL (with `meetings.view`), the meeting and item
loaders, the breadcrumbs, and the action view. Built on `raad.core.workspace`."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.meetings import selectors
from raad.meetings.models import AgendaItem, Meeting


class MeetingsView(workspace.CouncilView):
    """A meetings page. Everyone needs `meetings.view` on the council; `needs` is what `check()` asks for."""

    perm = "meetings.view"
    needs = "meetings.view"
    section = (gettext_lazy("Møder"), "meetings:plan")

    def check(self, perm: str | None = None, obj=None) -> None:
        super().check(perm or self.needs, obj)

    def meeting(self, pk: int) -> Meeting:
        try:
            meeting = selectors.meeting_get(self.council, pk)
        except Meeting.DoesNotExist:
            raise Http404 from None
        if not self.request.user.has_perm("meetings.view_confidential", self.council) and not self.open_to_all(meeting):
            raise PermissionDenied  # the board's liaison, not a guest under the rules of procedure (R27)
        return meeting

    def open_to_all(self, meeting: Meeting) -> bool:
        """Whether this page of `meeting` is for a reader not bound by confidentiality too (the board's liaison
        who is not a guest): only the approved minutes are (`MinutesView`)."""
        return False

    def item(self, meeting: Meeting, item_pk: int) -> AgendaItem:
        try:
            return AgendaItem.objects.select_related("meeting").get(meeting=meeting, pk=item_pk)
        except AgendaItem.DoesNotExist:
            raise Http404 from None

    def meeting_crumbs(self, meeting: Meeting, *rest):
        return self.crumbs((str(meeting), reverse("meetings:meeting", args=[self.council.slug, meeting.pk])), *rest)


class MeetingAction(workspace.ActionView, MeetingsView):
    """A POST on one meeting that calls one service. The permission `needs` is checked on the meeting, so that
    its elected leader may run it (R18). A refused rule shows the page of `page_name` again (status 400)."""

    needs = "meetings.manage"
    page_name = "meeting"

    def load(self) -> None:
        self.check("meetings.view")
        self.object = self.meeting(self.kwargs["pk"])
        self.check(obj=self.object)

    def success_url(self) -> str:
        return reverse(f"meetings:{self.page_name}", args=[self.council.slug, self.object.pk])

    def act(self, data: dict) -> None:  # the meetings actions parse the POST themselves
        self.run(self.request, self.object)

    def run(self, request, meeting) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def invalid(self, form, errors):
        """The page of `page_name` again, with `errors` at the top and the forms in `self.bound` as sent."""
        return type(self).render_page(self, self.object, errors=errors, bound=self.bound, status=400)

    @staticmethod
    def render_page(view, meeting, *, errors=(), bound=None, status=200):  # pragma: no cover - set by subclasses
        """The page of `page_name` (each page's module sets its render function here)."""
        raise NotImplementedError

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.bound: dict = {}


def override_reason(request) -> str:
    """The reason for publishing over the personal-data check's findings (R32): only when the confirmation box is
    ticked, so an unticked box with a reason is refused like no reason."""
    return request.POST.get("override_reason", "") if request.POST.get("confirm_findings") else ""
