"""What goes out about a meeting, previewed before it is sent: the notice (indkaldelse) to every member and a
member's apology (afbud), which invites their substitute. A GET shows who receives what, the message as it
will be sent and what is attached; only a POST with `confirm=yes` from that page sends. An apology can be
withdrawn until the meeting starts."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.meetings import notify, selectors, services
from raad.meetings.models import Attendance, Meeting
from raad.meetings.views.agenda import render_meeting
from raad.meetings.views.base import MeetingAction, override_reason

CONFIRM = "yes"


class ConfirmedAction(MeetingAction):
    """GET: the preview page. POST: sends only with `confirm=yes` (else back to the preview, nothing sent);
    a refusal shows the preview again with the rule named (status 400)."""

    template = ""

    def get(self, request, *args, **kwargs):
        self.load()
        return self.preview()

    def post(self, request, *args, **kwargs):
        if request.POST.get("confirm") != CONFIRM:
            self.load()
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def invalid(self, form, errors):
        return self.preview(errors=errors, status=400)

    def preview_context(self) -> dict:  # pragma: no cover - overridden
        raise NotImplementedError

    def preview(self, *, errors=(), status=200):
        context = {
            "council": self.council,
            "meeting": self.object,
            "errors": list(errors),
            "confirm": CONFIRM,
            **self.preview_context(),
        }
        return render(self.request, self.template, context, status=status)


class SendNoticeView(ConfirmedAction):
    """The notice to every member in force: the list of recipients, the e-mail in each of their languages,
    the calendar invitation and the links; a warning while members may still propose items."""

    template = "meetings/notice_preview.html"
    success = ""

    def preview_context(self) -> dict:
        meeting = self.object
        content = selectors.notice_content(meeting)
        deadlines = selectors.deadlines(meeting)
        return {
            **notify.notice_preview(meeting, content),
            "content": content,
            "deadlines": deadlines,
            "before_item_deadline": timezone.now() < deadlines.item_deadline,
            "can_send": meeting.status == Meeting.Status.PLANNED and bool(content.items),
            # R32: what the personal-data check finds in the open items; sending over it needs a reason.
            "notice_findings": selectors.agenda_publication_check(meeting),
            "crumbs": self.meeting_crumbs(meeting, (_("Send indkaldelse"), None)),
        }

    def run(self, request, meeting):
        services.meeting_send_notice(meeting=meeting, by=request.user, override_reason=override_reason(request))
        self.success = _("Dagsordenen er sendt til medlemmerne, og de åbne punkter er offentlige.")


class ApologyView(ConfirmedAction):
    """A member's apology: whom it tells (their substitute, invited at once) and the invitation's text."""

    needs = "meetings.send_apology"
    template = "meetings/apology_preview.html"

    def load(self) -> None:
        super().load()
        self.membership = selectors.membership_of_user(self.request.user, self.object)
        if self.membership is None:
            raise PermissionDenied

    def preview_context(self) -> dict:
        meeting = self.object
        row = next((r for r in selectors.attendance_rows(meeting) if r.membership.pk == self.membership.pk), None)
        substitute = row.substitute if row is not None and selectors.rules_for(meeting).uses_substitutes else None
        mails = []
        if substitute is not None:
            context = notify.substitute_mail_context(meeting, substitute.person, self.membership.person)
            mails = notify.preview_messages(meeting, "substitute_invitation", [(substitute.person, context)])
        return {
            "substitute": substitute,
            "substitute_email": notify.email_of(substitute.person) if substitute is not None else "",
            "mails": mails,
            "already": row is not None and row.status == "apology",
            "can_send": meeting.status not in (Meeting.Status.HELD, Meeting.Status.CANCELLED),
            "crumbs": self.meeting_crumbs(meeting, (_("Meld afbud"), None)),
        }

    def run(self, request, meeting):
        attendance = services.apology_send(meeting=meeting, membership=self.membership, by=request.user)
        if attendance.substitute_id:
            self.success = _("Dit afbud er registreret. Din stedfortræder %(name)s er indkaldt.") % {
                "name": attendance.substitute.person
            }
        else:
            self.success = _("Dit afbud er registreret.")


class ApologyConfirmView(MeetingAction):
    """The secretariat confirms an apology where no substitute is called in; a refusal shows the meeting page."""

    page_name = "meeting"
    render_page = staticmethod(render_meeting)

    def run(self, request, meeting):
        raw = request.POST.get("attendance", "")
        attendance = get_object_or_404(Attendance, meeting=meeting, pk=int(raw) if raw.isdigit() else 0)
        services.apology_confirm(attendance=attendance, by=request.user)
        self.success = _("Afbuddet er bekræftet: der indkaldes ingen stedfortræder.")


class ApologyWithdrawView(MeetingAction):
    """The member takes their apology back (until the meeting starts); a refusal shows the meeting page."""

    needs = "meetings.send_apology"
    page_name = "meeting"
    render_page = staticmethod(render_meeting)

    def run(self, request, meeting):
        membership = selectors.membership_of_user(request.user, meeting)
        if membership is None:
            raise PermissionDenied
        services.apology_withdraw(meeting=meeting, membership=membership, by=request.user)
        self.success = _("Dit afbud er trukket tilbage. Du forventes til mødet.")
