"""What goes out about a meeting, previewed before it is sent: the notice (indkaldelse) to every member and a
member's apology (afbud), which invites their substitute. A GET shows who receives what, the message as it
will be sent and what is attached; only a POST with `confirm=yes` from that page sends. An apology can be
withdrawn until the meeting starts."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from raad.core.i18n import recipient_language
from raad.core.links import absolute_url
from raad.meetings import notify, selectors, services
from raad.meetings.models import Meeting
from raad.meetings.views.agenda import render_meeting
from raad.meetings.views.base import MeetingAction, override_reason

CONFIRM = "yes"


@dataclass
class Recipient:
    name: str
    email: str
    language: str  # its name, e.g. "English"


@dataclass
class Message:
    language: str
    subject: str
    body: str


def _language_name(code: str) -> str:
    """The language's own name ("Dansk", "English"): what the recipient chose it as."""
    return str(translation.get_language_info(code)["name_local"]).capitalize()


def _messages(meeting: Meeting, template: str, samples: list[tuple[object, dict]]) -> list[Message]:
    """The mail as it will be sent, once per language among the recipients (`samples`: recipient, context)."""
    seen: dict[str, Message] = {}
    for person, context in samples:
        language = recipient_language(person, meeting.council_id)
        if language not in seen:
            _lang, subject, body = notify.preview(meeting=meeting, template=template, context=context, recipient=person)
            seen[language] = Message(_language_name(language), subject, body)
    return list(seen.values())


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
        members = notify.members_to_mail(meeting)
        content = selectors.notice_content(meeting)
        deadlines = selectors.deadlines(meeting)
        now = timezone.now()
        recipients = [
            Recipient(
                str(m.person),
                notify.email_of(m.person),
                _language_name(recipient_language(m.person, meeting.council_id)),
            )
            for m in members
        ]
        return {
            "recipients": recipients,
            "without_email": [r for r in recipients if not r.email],
            "mails": _messages(
                meeting, "notice", [(m.person, notify.notice_context(meeting, content, m.person)) for m in members]
            ),
            "content": content,
            "invitation_name": notify.notice_invitation(meeting, content)[0][0],
            "deadlines": deadlines,
            "before_item_deadline": now < deadlines.item_deadline,
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
            context = {
                "meeting": meeting,
                "substitute": substitute.person,
                "member": self.membership.person,
                "url": absolute_url(meeting),
            }
            mails = _messages(meeting, "substitute_invitation", [(substitute.person, context)])
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
