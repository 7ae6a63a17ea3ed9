"""Planning: the year's meetings (R13), planning and editing a meeting, extraordinary meetings (R14), and
the member's calendar link."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import workspace
from raad.core.errors import RuleViolation
from raad.meetings import forms, selectors, services
from raad.meetings.models import ExtraordinaryRequest, Meeting
from raad.meetings.views.base import MeetingsView
from raad.membership.selectors import memberships_in_force


def render_plan(view: MeetingsView, *, request_form=None, errors=(), status=200):
    request = view.request
    year = forms.year_from_query(request.GET.get("aar"), timezone.localdate().year)
    plan = selectors.year_plan(view.council, year)
    membership = memberships_in_force(view.council).filter(person__user=request.user).first()
    requests = selectors.extraordinary_requests(view.council)
    for r in requests:
        r.supporter_ids = {s.membership_id for s in r.supports.all()}
    this_year = timezone.localdate().year
    years = sorted(set(selectors.meeting_years(view.council)) | {this_year, this_year + 1, year}, reverse=True)
    return view.page(
        "meetings/plan.html",
        {
            "plan": plan,
            "years": years,
            "can_manage": request.user.has_perm("meetings.manage", view.council),
            "can_call": request.user.has_perm("meetings.run", view.council),
            "membership": membership,
            "requests": requests,
            "request_form": request_form or forms.ExtraordinaryRequestForm(),
            "errors": list(errors),
            "crumbs": view.crumbs(),
        },
        status=status,
    )


class PlanView(MeetingsView):
    """The year's meetings, with a warning when fewer are planned than the rules' minimum (R13)."""

    def get(self, request, slug):
        return render_plan(self)


class MeetingFormView(MeetingsView):
    needs = "meetings.manage"

    def render_form(self, form, meeting=None, status=200):
        title = _("Redigér møde") if meeting else _("Planlæg møde")
        crumbs = self.meeting_crumbs(meeting, (title, None)) if meeting else self.crumbs((title, None))
        return self.page(
            "meetings/meeting_form.html",
            {"form": form, "meeting": meeting, "title": title, "crumbs": crumbs},
            status=status,
        )

    def extraordinary_request(self):
        pk = self.request.GET.get("anmodning")
        if not pk or not str(pk).isdigit():
            return None
        return ExtraordinaryRequest.objects.filter(council=self.council, pk=pk, meeting__isnull=True).first()

    def get(self, request, slug, pk=None):
        self.check()
        meeting = self.meeting(pk) if pk else None
        # A new meeting starts where the council met last: room, address, accessibility text, online link.
        initial = selectors.meeting_prefill(self.council) if meeting is None else {}
        wanted = self.extraordinary_request() if meeting is None else None
        if wanted is not None:
            initial |= {"kind": Meeting.Kind.EXTRAORDINARY, "reason": wanted.reasons}
        return self.render_form(forms.MeetingForm(instance=meeting, initial=initial, council=self.council), meeting)

    def post(self, request, slug, pk=None):
        self.check()
        meeting = self.meeting(pk) if pk else None
        form = forms.MeetingForm(request.POST, instance=meeting, council=self.council)
        if form.is_valid():
            data = {k: form.cleaned_data[k] for k in services.MEETING_FIELDS}
            try:
                if meeting is None:
                    meeting = services.meeting_plan(
                        council=self.council,
                        by=request.user,
                        extraordinary_request=self.extraordinary_request(),
                        **data,
                    )
                else:
                    meeting = services.meeting_update(meeting=meeting, data=data, by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Mødet er gemt."))
                return redirect("meetings:meeting", slug=slug, pk=meeting.pk)
        return self.render_form(form, meeting, status=400)


class ExtraordinaryRequestView(workspace.ActionView, MeetingsView):
    """A member asks for an extraordinary meeting (with `ExtraordinaryRequestForm`), or supports a colleague's
    request (`request_pk` in the URL, no form) (R14)."""

    def load(self) -> None:
        self.check("meetings.propose_item")
        self.membership = memberships_in_force(self.council).filter(person__user=self.request.user).first()
        if self.membership is None:
            raise PermissionDenied
        self.wanted = None
        if "request_pk" in self.kwargs:
            self.wanted = ExtraordinaryRequest.objects.filter(
                council=self.council, pk=self.kwargs["request_pk"]
            ).first()
            if self.wanted is None:
                raise Http404

    def make_form(self, data, files):
        return forms.ExtraordinaryRequestForm(data) if self.wanted is None else None

    def act(self, data: dict) -> None:
        if self.wanted is None:
            self.found = services.extraordinary_request_create(
                council=self.council,
                membership=self.membership,
                reasons=data["reasons"],
                by=self.request.user,
            )
        else:
            self.found = services.extraordinary_request_support(
                request=self.wanted, membership=self.membership, by=self.request.user
            )

    def success_message(self) -> str:
        if self.found.threshold_reached_at:
            return _("Anmodningen har nu støtte nok. Forpersonen og sekretariatet skal indkalde mødet.")
        return _("Din støtte er registreret.")

    def success_url(self) -> str:
        return reverse("meetings:plan", args=[self.council.slug])

    def invalid(self, form, errors):
        return render_plan(self, request_form=form, errors=errors, status=400)


class CalendarTokenView(MeetingsView):
    def get(self, request, slug):
        self.check()
        token = selectors.calendar_token(request.user, self.council)
        feed_url = (
            request.build_absolute_uri(reverse("meetings_public:member_feed", args=[slug, token.token]))
            if token
            else ""
        )
        return self.page(
            "meetings/calendar.html",
            {"token": token, "feed_url": feed_url, "crumbs": self.crumbs((_("Kalender"), None))},
        )

    def post(self, request, slug):
        self.check()
        services.calendar_token_renew(user=request.user, council=self.council)
        messages.success(request, _("Du har fået et nyt kalenderlink. Det gamle virker ikke længere."))
        return redirect("meetings:calendar", slug=slug)
