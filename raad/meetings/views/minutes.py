"""The minutes: the draft with a version check, circulation, the members' responses, approval, corrections
and publication."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation
from raad.meetings import forms, selectors, services
from raad.meetings.models import Minutes
from raad.meetings.views.base import MeetingAction, MeetingsView, override_reason


def render_minutes(view: MeetingsView, meeting, *, errors=(), bound=None, status=200, **extra):
    """The minutes page from `minutes_screen`; `bound` holds forms the user sent, by context name."""
    request = view.request
    screen = selectors.minutes_screen(meeting, request.user)
    minutes = screen.minutes
    context = {
        "council": view.council,
        "meeting": meeting,
        "minutes": minutes,
        "membership": screen.membership,
        "can_manage": request.user.has_perm("meetings.manage", view.council),
        "errors": list(errors),
        "crumbs": view.meeting_crumbs(meeting, (_("Referat"), None)),
    }
    if minutes is not None:
        mine = screen.my_response
        context.update(
            {
                "versions": screen.versions,
                "responses": screen.responses,
                "my_response": mine,
                "response_form": forms.MinutesResponseForm(
                    initial={"kind": mine.kind, "comment": mine.comment} if mine else {}
                ),
                "approve_form": forms.ApproveAtMeetingForm(meeting=meeting),
            }
        )
        initial = {"revision": minutes.revision, "introduction": minutes.introduction}
        if minutes.status != Minutes.Status.APPROVED:
            context["form"] = forms.MinutesDraftForm(entries=screen.entries, initial=initial)
        else:
            context["correction_form"] = forms.MinutesCorrectionForm(entries=screen.entries, initial=initial)
            context["findings"] = screen.findings
    context.update(bound or {})
    context.update(extra)
    return render(request, "meetings/minutes.html", context, status=status)


class MinutesView(MeetingsView):
    """The minutes page; a POST saves the draft. If someone saved first, nothing is written and both texts are
    shown (status 409)."""

    def get(self, request, slug, pk):
        self.check()
        return render_minutes(self, self.meeting(pk))

    def open_to_all(self, meeting) -> bool:
        return self.request.method == "GET" and selectors.minutes_approved(meeting)

    def post(self, request, slug, pk):
        self.check("meetings.manage")
        meeting = self.meeting(pk)
        minutes = selectors.minutes_for(meeting)
        if minutes is None:
            raise Http404
        form = forms.MinutesDraftForm(request.POST, entries=list(minutes.entries.all()))
        if form.is_valid():
            try:
                services.minutes_save_draft(
                    minutes=minutes,
                    revision=form.cleaned_data["revision"],
                    introduction=form.cleaned_data["introduction"],
                    entries=form.entries(),
                    by=request.user,
                )
            except services.MinutesConflict as conflict:
                current = selectors.minutes_for(meeting)
                return render_minutes(
                    self,
                    meeting,
                    bound={"form": form},
                    conflict=conflict,
                    conflict_entries=list(current.entries.all()),
                    conflict_revision=current.revision,
                    status=409,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Referatet er gemt."))
                return redirect("meetings:minutes", slug=slug, pk=pk)
        return render_minutes(self, meeting, bound={"form": form}, status=400)


class MinutesAction(MeetingAction):
    page_name = "minutes"
    render_page = staticmethod(render_minutes)

    def minutes(self, meeting) -> Minutes:
        minutes = selectors.minutes_for(meeting)
        if minutes is None:
            raise RuleViolation(_("Referatet er ikke påbegyndt."))
        return minutes


class MinutesStartView(MinutesAction):
    def run(self, request, meeting):
        services.minutes_start(meeting=meeting, by=request.user)
        self.success = _("Referatet er påbegyndt ud fra mødets beslutninger.")


class MinutesCirculateView(MinutesAction):
    def run(self, request, meeting):
        minutes = services.minutes_circulate(minutes=self.minutes(meeting), by=request.user)
        self.success = _("Referatet er sendt til godkendelse. Frist for indsigelser: %(date)s.") % {
            "date": minutes.approval_due_on.strftime("%d.%m.%Y")
        }


class MinutesRespondView(MinutesAction):
    needs = "meetings.respond_minutes"

    def run(self, request, meeting):
        membership = selectors.membership_of_user(request.user, meeting)
        if membership is None:
            raise PermissionDenied
        form = forms.MinutesResponseForm(request.POST)
        if not form.is_valid():
            self.bound["response_form"] = form
            raise RuleViolation(_("Vælg, om du godkender eller gør indsigelse."))
        try:
            services.minutes_respond(
                minutes=self.minutes(meeting), membership=membership, by=request.user, **form.cleaned_data
            )
        except RuleViolation:
            self.bound["response_form"] = form
            raise
        self.success = _("Dit svar er registreret.")


class MinutesApproveView(MinutesAction):
    def run(self, request, meeting):
        how = request.POST.get("how")
        at_meeting = None
        if how == Minutes.Approval.NEXT_MEETING:
            form = forms.ApproveAtMeetingForm(request.POST, meeting=meeting)
            if not form.is_valid():
                self.bound["approve_form"] = form
                raise RuleViolation(_("Vælg det møde, hvor referatet blev godkendt."))
            at_meeting = form.cleaned_data["at_meeting"]
        elif how != Minutes.Approval.CIRCULATION:
            raise RuleViolation(_("Vælg, hvordan referatet er godkendt."))
        services.minutes_approve(minutes=self.minutes(meeting), how=how, at_meeting=at_meeting, by=request.user)
        self.success = _("Referatet er godkendt og kan ikke længere ændres. Rettelser bliver nye versioner.")


class MinutesCorrectView(MinutesAction):
    def run(self, request, meeting):
        minutes = self.minutes(meeting)
        form = forms.MinutesCorrectionForm(request.POST, entries=list(minutes.entries.all()))
        if not form.is_valid():
            self.bound["correction_form"] = form
            raise RuleViolation(_("Skriv, hvorfor referatet rettes."))
        try:
            version = services.minutes_correct(
                minutes=minutes,
                entries=form.entries(),
                introduction=form.cleaned_data["introduction"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except RuleViolation:
            self.bound["correction_form"] = form
            raise
        self.success = _("Rettelsen er gemt som version %(n)s.") % {"n": version.number}


class MinutesPublishView(MinutesAction):
    def run(self, request, meeting):
        services.minutes_publish(
            minutes=self.minutes(meeting), by=request.user, override_reason=override_reason(request)
        )
        self.success = _("Referatet er offentliggjort uden lukkede punkter.")


class MinutesUnpublishView(MinutesAction):
    def run(self, request, meeting):
        services.minutes_unpublish(minutes=self.minutes(meeting), by=request.user)
        self.success = _("Referatet er skjult for offentligheden. Intet er slettet.")
