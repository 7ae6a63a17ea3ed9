"""The meeting and its agenda: the meeting page, items and attachments, members' proposals, notice,
apologies, cancelling, and the members' agenda packet."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation
from raad.core.markdown import markdown_to_html
from raad.meetings import forms, pdf, selectors, services
from raad.meetings.models import Attachment
from raad.meetings.views.base import MeetingAction, MeetingsView


def render_meeting(view: MeetingsView, meeting, *, page=None, errors=(), bound=None, status=200):
    request = view.request
    page = page or selectors.meeting_page(meeting, request.user)
    return render(
        request,
        "meetings/meeting.html",
        {
            "council": view.council,
            "meeting": meeting,
            "items": page.items,
            "deadlines": page.deadlines,
            "rows": page.rows,
            "my_row": page.my_row,
            "quorum": page.quorum,
            "minutes": page.minutes,
            "can_manage": request.user.has_perm("meetings.manage", view.council),
            "can_run": request.user.has_perm("meetings.run", meeting),
            "can_propose": request.user.has_perm("meetings.propose_item", view.council) and page.my_row is not None,
            # R32: read only when the page shows the send-notice form (a callable, so no query otherwise).
            "now": timezone.now(),
            "errors": list(errors),
            "crumbs": view.crumbs((str(meeting), None)),
        },
        status=status,
    )


class MeetingView(MeetingsView):
    """The meeting in the workspace: deadlines, agenda with every item, attendance, the member's actions."""

    def get(self, request, slug, pk):
        self.check()
        meeting = self.meeting(pk)
        page = selectors.meeting_page(meeting, request.user)
        services.closed_items_read_record(meeting=meeting, items=page.items, user=request.user, what="agenda")
        return render_meeting(self, meeting, page=page)


def _item_initial(item) -> dict:
    return {
        "kind": item.kind,
        "title": item.title,
        # The Markdown as typed; an item written before Markdown is edited as its (sanitised) HTML, which the
        # Markdown conversion keeps as HTML.
        "case_presentation": item.case_presentation_source or item.case_presentation,
        "proposed_decision": item.proposed_decision,
        "is_closed": item.is_closed,
    }


class ItemFormView(MeetingsView):
    needs = "meetings.manage"

    def render_item(self, meeting, form, item=None, attachment_form=None, status=200, preview=None):
        title = _("Redigér punkt") if item else _("Nyt punkt")
        return self.page(
            "meetings/item_form.html",
            {
                "meeting": meeting,
                "item": item,
                "form": form,
                "preview": preview,
                "title": title,
                "attachments": list(item.attachments.all()) if item else [],
                "attachment_form": attachment_form or forms.AttachmentForm(prefix="bilag"),
                "crumbs": self.meeting_crumbs(meeting, (title, None)),
            },
            status=status,
        )

    def get(self, request, slug, pk, item_pk=None):
        self.check()
        meeting = self.meeting(pk)
        item = self.item(meeting, item_pk) if item_pk else None
        initial = {}
        if item:
            initial = {**_item_initial(item), "purposes": list(item.purposes.all())}
        return self.render_item(meeting, forms.ItemForm(initial=initial, council=self.council), item)

    def post(self, request, slug, pk, item_pk=None):
        self.check()
        meeting = self.meeting(pk)
        item = self.item(meeting, item_pk) if item_pk else None
        form = forms.ItemForm(request.POST, council=self.council)
        if "preview" in request.POST:
            # The case presentation as it will be shown (server-side, so it works without JavaScript); nothing
            # is saved.
            preview = markdown_to_html(request.POST.get("case_presentation", ""))
            return self.render_item(meeting, form, item, preview=preview)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                if item is None:
                    item = services.item_add(meeting=meeting, by=request.user, **data)
                else:
                    services.item_update(item=item, data=data, by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Punktet er gemt."))
                return redirect(reverse("meetings:meeting", args=[slug, pk]) + f"#punkt-{item.pk}")
        return self.render_item(meeting, form, item, status=400)


class AttachmentAddView(ItemFormView):
    def get(self, request, slug, pk, item_pk):
        return redirect("meetings:item_edit", slug=slug, pk=pk, item_pk=item_pk)

    def post(self, request, slug, pk, item_pk):
        self.check()
        meeting = self.meeting(pk)
        item = self.item(meeting, item_pk)
        form = forms.AttachmentForm(request.POST, request.FILES, prefix="bilag")
        if form.is_valid():
            try:
                services.attachment_add(
                    item=item,
                    title=form.cleaned_data["title"],
                    upload=form.cleaned_data["file"],
                    is_closed=form.cleaned_data["is_closed"],
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Bilaget er tilføjet."))
                return redirect("meetings:item_edit", slug=slug, pk=pk, item_pk=item.pk)
        item_form = forms.ItemForm(initial=_item_initial(item), council=self.council)
        return self.render_item(meeting, item_form, item, attachment_form=form, status=400)


class AttachmentDownloadView(MeetingsView):
    def get(self, request, slug, pk, attachment_pk):
        self.check()
        meeting = self.meeting(pk)
        try:
            attachment = Attachment.objects.select_related("item").get(pk=attachment_pk, item__meeting=meeting)
        except Attachment.DoesNotExist:
            raise Http404 from None
        if attachment.is_closed or attachment.item.is_closed:
            services.closed_items_read_record(
                meeting=meeting, items=[attachment.item], user=request.user, what=f"attachment {attachment.pk}"
            )
        return FileResponse(
            attachment.file.open("rb"),
            content_type=attachment.content_type,
            filename=attachment.file.name.rsplit("/", 1)[-1],
        )


class ProposeView(MeetingsView):
    """A member proposes an item; late proposals are marked; individual cases are refused with a referral."""

    needs = "meetings.propose_item"

    def render_proposal(self, meeting, form, status=200):
        return self.page(
            "meetings/propose.html",
            {
                "meeting": meeting,
                "form": form,
                "deadlines": selectors.deadlines(meeting),
                "now": timezone.now(),
                "crumbs": self.meeting_crumbs(meeting, (_("Foreslå et punkt"), None)),
            },
            status=status,
        )

    def _membership(self, meeting):
        membership = selectors.membership_of_user(self.request.user, meeting)
        if membership is None:
            raise PermissionDenied(_("Kun rådets medlemmer kan foreslå punkter."))
        return membership

    def get(self, request, slug, pk):
        self.check()
        meeting = self.meeting(pk)
        self._membership(meeting)
        return self.render_proposal(meeting, forms.ProposalForm(council=self.council, initial={"kind": "discussion"}))

    def post(self, request, slug, pk):
        self.check()
        meeting = self.meeting(pk)
        membership = self._membership(meeting)
        form = forms.ProposalForm(request.POST, council=self.council)
        if form.is_valid():
            try:
                item = services.item_propose(
                    meeting=meeting, membership=membership, by=request.user, **form.cleaned_data
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                if item.is_late:
                    messages.warning(
                        request,
                        _(
                            "Punktet er modtaget efter fristen. Det er markeret som for sent og "
                            "kan kun behandles, hvis mødet stemmer det på dagsordenen."
                        ),
                    )
                else:
                    messages.success(request, _("Tak. Punktet er sat på dagsordenen."))
                return redirect("meetings:meeting", slug=slug, pk=pk)
        return self.render_proposal(meeting, form, status=400)


class MeetingPageAction(MeetingAction):
    """An action on the meeting page: a refusal shows that page again."""

    page_name = "meeting"
    render_page = staticmethod(render_meeting)


class ItemMoveView(MeetingPageAction):
    """Move an item one place up or down (a POST form per button; no JavaScript needed)."""

    def success_url(self) -> str:
        return super().success_url() + f"#punkt-{self.kwargs['item_pk']}"

    def run(self, request, meeting):
        direction = request.POST.get("retning")
        item = self.item(meeting, self.kwargs["item_pk"])
        moved = services.item_move(item=item, direction=direction or "", by=request.user)
        self.success = _("Punktet »%(title)s« er nu nummer %(position)s.") % {
            "title": moved.title,
            "position": moved.position,
        }


class CancelView(MeetingPageAction):
    def run(self, request, meeting):
        services.meeting_cancel(meeting=meeting, by=request.user)
        self.success = _("Mødet er aflyst.")


class PacketView(MeetingsView):
    """The member's agenda packet: the full agenda (closed items too) followed by the PDF attachments."""

    def get(self, request, slug, pk):
        self.check()
        meeting = self.meeting(pk)
        data = pdf.member_packet(request, meeting)
        services.closed_items_read_record(
            meeting=meeting, items=meeting.items.all(), user=request.user, what="agenda_packet"
        )
        return HttpResponse(
            data,
            content_type="application/pdf",
            headers={
                "Content-Disposition": f'inline; filename="dagsorden-{meeting.pk}-medlemmer.pdf"',
                "Cache-Control": "private, no-store",
            },
        )
