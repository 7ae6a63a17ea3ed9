"""Workspace pages for meetings: the year's plan, the agenda, proposals, notice, apologies, the meeting
screen (attendance, conflicts, votes, decisions) and the minutes. Thin: parse, check, call, render."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from raad.core.errors import RuleViolation
from raad.core.i18n import localized
from raad.core.views import WorkspaceMixin, require_perm
from raad.councils import selectors as councils
from raad.councils.models import Council
from raad.meetings import forms, pdf, selectors, services
from raad.meetings.models import AgendaItem, Attachment, ExtraordinaryRequest, Meeting, Minutes, Vote
from raad.membership.selectors import memberships_in_force


def _council(slug: str) -> Council:
    try:
        return councils.council_by_slug(slug)
    except Council.DoesNotExist:
        raise Http404 from None


def _crumbs(council: Council, *rest):
    return [
        (_("Arbejdsrum"), reverse("secretariat:dashboard")),
        (localized(council, "name"), reverse("secretariat:council", args=[council.slug])),
        (_("Møder"), reverse("meetings:plan", args=[council.slug])),
        *rest,
    ]


class CouncilView(WorkspaceMixin, View):
    perm = "meetings.view"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.council = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.council = _council(kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def check(self, perm: str | None = None, obj=None) -> None:
        require_perm(self.request, perm or self.perm, obj if obj is not None else self.council)

    def meeting(self, pk: int) -> Meeting:
        try:
            return selectors.meeting_get(self.council, pk)
        except Meeting.DoesNotExist:
            raise Http404 from None

    def item(self, meeting: Meeting, item_pk: int) -> AgendaItem:
        try:
            return AgendaItem.objects.select_related("meeting").get(meeting=meeting, pk=item_pk)
        except AgendaItem.DoesNotExist:
            raise Http404 from None

    def meeting_crumbs(self, meeting: Meeting, *rest):
        return _crumbs(
            self.council, (str(meeting), reverse("meetings:meeting", args=[self.council.slug, meeting.pk])), *rest
        )


class PlanView(CouncilView):
    """The year's meetings, with a warning when fewer are planned than the rules' minimum (R13)."""

    def get(self, request, slug):
        self.check()
        year = forms.year_from_query(request.GET.get("aar"), timezone.localdate().year)
        plan = selectors.year_plan(self.council, year)
        membership = memberships_in_force(self.council).filter(person__user=request.user).first()
        requests = selectors.extraordinary_requests(self.council)
        for r in requests:
            r.supporter_ids = {s.membership_id for s in r.supports.all()}
        this_year = timezone.localdate().year
        years = sorted(set(selectors.meeting_years(self.council)) | {this_year, this_year + 1, year}, reverse=True)
        return render(
            request,
            "meetings/plan.html",
            {
                "council": self.council,
                "plan": plan,
                "years": years,
                "can_manage": request.user.has_perm("meetings.manage", self.council),
                "can_call": request.user.has_perm("meetings.run", self.council),
                "membership": membership,
                "requests": requests,
                "request_form": forms.ExtraordinaryRequestForm(),
                "crumbs": _crumbs(self.council)[:-1] + [(_("Møder"), None)],
            },
        )


class MeetingFormView(CouncilView):
    perm = "meetings.manage"

    def _render(self, request, form, meeting=None, status=200):
        title = _("Redigér møde") if meeting else _("Planlæg møde")
        crumbs = self.meeting_crumbs(meeting, (title, None)) if meeting else _crumbs(self.council, (title, None))
        return render(
            request,
            "meetings/meeting_form.html",
            {"council": self.council, "form": form, "meeting": meeting, "title": title, "crumbs": crumbs},
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
        initial = {}
        wanted = self.extraordinary_request() if meeting is None else None
        if wanted is not None:
            initial = {"kind": Meeting.Kind.EXTRAORDINARY, "reason": wanted.reasons}
        return self._render(request, forms.MeetingForm(instance=meeting, initial=initial), meeting)

    def post(self, request, slug, pk=None):
        self.check()
        meeting = self.meeting(pk) if pk else None
        form = forms.MeetingForm(request.POST, instance=meeting)
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
        return self._render(request, form, meeting, status=400)


class MeetingView(CouncilView):
    """The meeting in the workspace: deadlines, agenda with every item, attendance, the member's actions."""

    def get(self, request, slug, pk):
        self.check()
        meeting = self.meeting(pk)
        procedure = selectors.rules_for(meeting)
        rows = selectors.attendance_rows(meeting)
        mine = next((r for r in rows if r.membership.person.user_id == request.user.pk), None)
        items = selectors.agenda_items(meeting)
        services.closed_items_read_record(meeting=meeting, items=items, user=request.user, what="agenda")
        return render(
            request,
            "meetings/meeting.html",
            {
                "council": self.council,
                "meeting": meeting,
                "items": items,
                "deadlines": selectors.deadlines(meeting, procedure),
                "rows": rows,
                "my_row": mine,
                "quorum": selectors.quorum_for(meeting, rows=rows, procedure=procedure),
                "minutes": Minutes.objects.filter(meeting=meeting).first(),
                "can_manage": request.user.has_perm("meetings.manage", self.council),
                "can_run": request.user.has_perm("meetings.run", meeting),
                "can_propose": request.user.has_perm("meetings.propose_item", self.council) and mine is not None,
                "now": timezone.now(),
                "crumbs": _crumbs(self.council, (str(meeting), None)),
            },
        )


class ItemFormView(CouncilView):
    perm = "meetings.manage"

    def _render(self, request, meeting, form, item=None, attachment_form=None, status=200):
        title = _("Redigér punkt") if item else _("Nyt punkt")
        return render(
            request,
            "meetings/item_form.html",
            {
                "council": self.council,
                "meeting": meeting,
                "item": item,
                "form": form,
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
            initial = {
                "kind": item.kind,
                "title": item.title,
                "case_presentation": item.case_presentation,
                "proposed_decision": item.proposed_decision,
                "is_closed": item.is_closed,
                "position": item.position,
                "purposes": list(item.purposes.all()),
            }
        return self._render(request, meeting, forms.ItemForm(initial=initial, council=self.council), item)

    def post(self, request, slug, pk, item_pk=None):
        self.check()
        meeting = self.meeting(pk)
        item = self.item(meeting, item_pk) if item_pk else None
        form = forms.ItemForm(request.POST, council=self.council)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                if item is None:
                    data.pop("position", None)
                    item = services.item_add(meeting=meeting, by=request.user, **data)
                else:
                    if not data.get("position"):
                        data.pop("position", None)
                    services.item_update(item=item, data=data, by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Punktet er gemt."))
                return redirect("meetings:item_edit", slug=slug, pk=pk, item_pk=item.pk)
        return self._render(request, meeting, form, item, status=400)


class AttachmentAddView(CouncilView):
    perm = "meetings.manage"

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
        view = ItemFormView()
        view.council = self.council
        initial = {
            "kind": item.kind,
            "title": item.title,
            "case_presentation": item.case_presentation,
            "proposed_decision": item.proposed_decision,
            "is_closed": item.is_closed,
            "position": item.position,
        }
        return view._render(
            request,
            meeting,
            forms.ItemForm(initial=initial, council=self.council),
            item,
            attachment_form=form,
            status=400,
        )


class AttachmentDownloadView(CouncilView):
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


class ProposeView(CouncilView):
    """A member proposes an item; late proposals are marked; individual cases are refused with a referral."""

    perm = "meetings.propose_item"

    def _render(self, request, meeting, form, status=200):
        return render(
            request,
            "meetings/propose.html",
            {
                "council": self.council,
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
        return self._render(request, meeting, forms.ProposalForm(council=self.council, initial={"kind": "discussion"}))

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
        return self._render(request, meeting, form, status=400)


class ActionView(CouncilView):
    """A POST that calls one service and goes back to a page with a message."""

    perm = "meetings.manage"
    success = ""

    def act(self, request, meeting):  # pragma: no cover - overridden
        raise NotImplementedError

    def target(self, meeting) -> str:
        return reverse("meetings:meeting", args=[self.council.slug, meeting.pk])

    def post(self, request, slug, pk, **kwargs):
        self.check(perm="meetings.view")
        meeting = self.meeting(pk)
        self.check(obj=meeting)  # on the meeting, so that its elected leader may run it (R18)
        self.kwargs = kwargs
        try:
            self.act(request, meeting)
        except RuleViolation as violation:
            for message in violation.messages:
                messages.error(request, message)
        else:
            if self.success:
                messages.success(request, self.success)
        return redirect(self.target(meeting))


class ExtraordinaryRequestView(CouncilView):
    """A member asks for an extraordinary meeting, or supports a colleague's request (R14)."""

    perm = "meetings.propose_item"

    def post(self, request, slug, request_pk=None):
        self.check()
        membership = memberships_in_force(self.council).filter(person__user=request.user).first()
        if membership is None:
            raise PermissionDenied
        try:
            if request_pk is None:
                form = forms.ExtraordinaryRequestForm(request.POST)
                if not form.is_valid():
                    raise RuleViolation(_("Skriv begrundelsen for mødet."))
                found = services.extraordinary_request_create(
                    council=self.council,
                    membership=membership,
                    reasons=form.cleaned_data["reasons"],
                    by=request.user,
                )
            else:
                found = ExtraordinaryRequest.objects.filter(council=self.council, pk=request_pk).first()
                if found is None:
                    raise Http404
                found = services.extraordinary_request_support(request=found, membership=membership, by=request.user)
        except RuleViolation as violation:
            for message in violation.messages:
                messages.error(request, message)
        else:
            if found.threshold_reached_at:
                messages.success(
                    request, _("Anmodningen har nu støtte nok. Forpersonen og sekretariatet skal indkalde mødet.")
                )
            else:
                messages.success(request, _("Din støtte er registreret."))
        return redirect("meetings:plan", slug=slug)


class SendNoticeView(ActionView):
    def act(self, request, meeting):
        services.meeting_send_notice(meeting=meeting, by=request.user)
        self.success = _("Dagsordenen er sendt til medlemmerne, og de åbne punkter er offentlige.")


class CancelView(ActionView):
    def act(self, request, meeting):
        services.meeting_cancel(meeting=meeting, by=request.user)
        self.success = _("Mødet er aflyst.")


class ApologyView(ActionView):
    perm = "meetings.send_apology"

    def act(self, request, meeting):
        membership = selectors.membership_of_user(request.user, meeting)
        if membership is None:
            raise PermissionDenied
        attendance = services.apology_send(meeting=meeting, membership=membership, by=request.user)
        if attendance.substitute_id:
            self.success = _("Dit afbud er registreret. Din stedfortræder %(name)s er indkaldt.") % {
                "name": attendance.substitute.person
            }
        else:
            self.success = _("Dit afbud er registreret.")


# --- The meeting screen ------------------------------------------------------------------------------


class ScreenView(CouncilView):
    """The meeting as it happens: who is present, quorum, and per item conflicts, votes and decisions."""

    perm = "meetings.run"

    def get(self, request, slug, pk):
        self.check(perm="meetings.view")
        meeting = self.meeting(pk)
        self.check(obj=meeting)  # on the meeting, so that its elected leader may run it (R18)
        procedure = selectors.rules_for(meeting)
        rows = selectors.attendance_rows(meeting)
        items = selectors.agenda_items(meeting)
        services.closed_items_read_record(meeting=meeting, items=items, user=request.user, what="meeting_screen")
        voters = [r.membership for r in rows if r.counts]
        entries = []
        for item in items:
            entries.append(
                {
                    "item": item,
                    "quorum": selectors.quorum_for(meeting, item, rows=rows, procedure=procedure),
                    "conflict_form": forms.ConflictForm(members=voters, prefix=f"c{item.pk}"),
                    "decision_form": forms.DecisionForm(prefix=f"d{item.pk}", initial={"text": item.proposed_decision}),
                    "admission_form": forms.CountsForm(prefix=f"a{item.pk}"),
                    "minority_form": forms.MinorityForm(prefix=f"m{item.pk}"),
                    "recused_ids": {c.membership_id for c in item.conflicts.all()},
                }
            )
        leader = (
            meeting.leader
            or next((r.membership for r in rows if r.present and r.membership.role == "chair"), None)
            or next((r.membership for r in rows if r.present and r.membership.role == "vice_chair"), None)
        )
        return render(
            request,
            "meetings/screen.html",
            {
                "council": self.council,
                "meeting": meeting,
                "rows": rows,
                "entries": entries,
                "voters": voters,
                "quorum": selectors.quorum_for(meeting, rows=rows, procedure=procedure),
                "procedure": procedure,
                "leader": leader,
                "present_rows": [r for r in rows if r.present],
                "ballot_choices": [
                    ("", _("Stemmer ikke")),
                    ("for", _("For")),
                    ("against", _("Imod")),
                    ("abstain", _("Undlader")),
                ],
                "crumbs": self.meeting_crumbs(meeting, (_("Mødeskærm"), None)),
            },
        )


class ScreenAction(ActionView):
    perm = "meetings.run"

    def target(self, meeting) -> str:
        anchor = f"#punkt-{self.kwargs['item_pk']}" if "item_pk" in self.kwargs else ""
        return reverse("meetings:screen", args=[self.council.slug, meeting.pk]) + anchor

    def item_of(self, meeting):
        return self.item(meeting, self.kwargs["item_pk"])

    def ints(self, request, name) -> list[int]:
        values = []
        for v in request.POST.getlist(name):
            try:
                values.append(int(v))
            except ValueError:
                continue
        return values


class AttendanceView(ScreenAction):
    def act(self, request, meeting):
        services.attendance_register(
            meeting=meeting,
            present=self.ints(request, "present"),
            substitutes_present=self.ints(request, "substitute_present"),
            by=request.user,
        )
        self.success = _("Fremmødet er gemt.")


class LeaderView(ScreenAction):
    def act(self, request, meeting):
        ids = self.ints(request, "leader")
        membership = next(
            (r.membership for r in selectors.attendance_rows(meeting) if ids and r.membership.pk == ids[0]), None
        )
        if membership is None:
            raise RuleViolation(_("Vælg en mødeleder."))
        services.meeting_set_leader(meeting=meeting, membership=membership, by=request.user)
        self.success = _("Mødelederen er registreret.")


class ConflictView(ScreenAction):
    def act(self, request, meeting):
        item = self.item_of(meeting)
        voters = [r.membership for r in selectors.attendance_rows(meeting) if r.counts]
        form = forms.ConflictForm(request.POST, members=voters, prefix=f"c{item.pk}")
        if not form.is_valid():
            raise RuleViolation(_("Vælg medlemmet og skriv en begrundelse."))
        membership = next(m for m in voters if m.pk == form.cleaned_data["membership"])
        services.conflict_declare(item=item, membership=membership, reason=form.cleaned_data["reason"], by=request.user)
        self.success = _("%(name)s er registreret som inhabil i punktet.") % {"name": membership.person}


class AdmissionView(ScreenAction):
    def act(self, request, meeting):
        item = self.item_of(meeting)
        form = forms.CountsForm(request.POST, prefix=f"a{item.pk}")
        if not form.is_valid():
            raise RuleViolation(_("Skriv stemmetallene."))
        vote = services.item_admission_vote(item=item, by=request.user, **form.cleaned_data)
        self.success = _("Afstemning om optagelse: %(rule)s.") % {"rule": vote.rule_text}


class DecideView(ScreenAction):
    def act(self, request, meeting):
        item = self.item_of(meeting)
        form = forms.DecisionForm(request.POST, prefix=f"d{item.pk}")
        if not form.is_valid():
            raise RuleViolation([f"{form.fields[f].label}: {e}" for f, errs in form.errors.items() for e in errs])
        data = form.cleaned_data
        ballots = None
        if data["method"] == Vote.Method.BY_NAME:
            ballots = {}
            for key, value in request.POST.items():
                if key.startswith(f"b{item.pk}-") and value in ("for", "against", "abstain"):
                    try:
                        ballots[int(key.split("-", 1)[1])] = value
                    except ValueError:
                        continue
        decision = services.item_decide(
            item=item,
            text=data["text"],
            votes_for=data["votes_for"],
            votes_against=data["votes_against"],
            abstentions=data["abstentions"],
            method=data["method"],
            ballots=ballots,
            chair_vote=data["chair_vote"],
            by=request.user,
        )
        self.success = _("Beslutningen er registreret: %(outcome)s.") % {"outcome": decision.get_outcome_display()} + (
            f" ({decision.rule_applied})" if decision.rule_applied else ""
        )


class MinorityView(ScreenAction):
    def act(self, request, meeting):
        item = self.item_of(meeting)
        decision = getattr(item, "decision", None)
        if decision is None:
            raise RuleViolation(_("Punktet har ingen beslutning endnu."))
        form = forms.MinorityForm(request.POST, prefix=f"m{item.pk}")
        if not form.is_valid():
            raise RuleViolation(_("Skriv mindretallets udtalelse og hvem mindretallet er."))
        services.minority_statement_add(decision=decision, by=request.user, **form.cleaned_data)
        self.success = _("Mindretalsudtalelsen er ført til referat.")


class HeldView(ActionView):
    perm = "meetings.run"

    def act(self, request, meeting):
        services.meeting_mark_held(meeting=meeting, by=request.user)
        self.success = _("Mødet er afsluttet. Sekretariatet kan nu skrive referatet.")


# --- Minutes -----------------------------------------------------------------------------------------


class MinutesView(CouncilView):
    """The minutes: draft editing with a version check, circulation, responses, approval, publication."""

    @staticmethod
    def _my_response_initial(minutes, membership) -> dict:
        for response in minutes.responses.all():
            if membership and response.membership_id == membership.pk and response.revision == minutes.revision:
                return {"kind": response.kind, "comment": response.comment}
        return {}

    def _context(self, meeting, minutes, **extra):
        membership = selectors.membership_of_user(self.request.user, meeting)
        context = {
            "council": self.council,
            "meeting": meeting,
            "minutes": minutes,
            "membership": membership,
            "can_manage": self.request.user.has_perm("meetings.manage", self.council),
            "crumbs": self.meeting_crumbs(meeting, (_("Referat"), None)),
        }
        if minutes is not None:
            entries = list(minutes.entries.all())
            context.update(
                {
                    "versions": list(minutes.versions.all()),
                    "responses": [r for r in minutes.responses.all() if r.revision == minutes.revision],
                    "my_response": next(
                        (
                            r
                            for r in minutes.responses.all()
                            if membership and r.membership_id == membership.pk and r.revision == minutes.revision
                        ),
                        None,
                    ),
                    "response_form": forms.MinutesResponseForm(initial=self._my_response_initial(minutes, membership)),
                    "approve_form": forms.ApproveAtMeetingForm(meeting=meeting),
                }
            )
            if minutes.status != Minutes.Status.APPROVED:
                context.setdefault(
                    "form",
                    forms.MinutesDraftForm(
                        entries=entries, initial={"revision": minutes.revision, "introduction": minutes.introduction}
                    ),
                )
            else:
                context.setdefault(
                    "correction_form",
                    forms.MinutesCorrectionForm(
                        entries=entries, initial={"revision": minutes.revision, "introduction": minutes.introduction}
                    ),
                )
                context["findings"] = selectors.minutes_publication_check(minutes)
        context.update(extra)
        return context

    def get(self, request, slug, pk):
        self.check()
        meeting = self.meeting(pk)
        minutes = selectors.minutes_for(meeting)
        return render(request, "meetings/minutes.html", self._context(meeting, minutes))

    def post(self, request, slug, pk):
        """Save the draft. If someone saved first, nothing is written and both texts are shown."""
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
                return render(
                    request,
                    "meetings/minutes.html",
                    self._context(
                        meeting,
                        current,
                        form=form,
                        conflict=conflict,
                        conflict_entries=list(current.entries.all()),
                        conflict_revision=current.revision,
                    ),
                    status=409,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Referatet er gemt."))
                return redirect("meetings:minutes", slug=slug, pk=pk)
        return render(request, "meetings/minutes.html", self._context(meeting, minutes, form=form), status=400)


class MinutesAction(ActionView):
    def target(self, meeting) -> str:
        return reverse("meetings:minutes", args=[self.council.slug, meeting.pk])

    def minutes(self, meeting) -> Minutes:
        minutes = selectors.minutes_for(meeting)
        if minutes is None:
            raise RuleViolation(_("Referatet er ikke påbegyndt."))
        return minutes


class MinutesStartView(MinutesAction):
    def act(self, request, meeting):
        services.minutes_start(meeting=meeting, by=request.user)
        self.success = _("Referatet er påbegyndt ud fra mødets beslutninger.")


class MinutesCirculateView(MinutesAction):
    def act(self, request, meeting):
        minutes = services.minutes_circulate(minutes=self.minutes(meeting), by=request.user)
        self.success = _("Referatet er sendt til godkendelse. Frist for indsigelser: %(date)s.") % {
            "date": minutes.approval_due_on.strftime("%d.%m.%Y")
        }


class MinutesRespondView(MinutesAction):
    perm = "meetings.respond_minutes"

    def act(self, request, meeting):
        membership = selectors.membership_of_user(request.user, meeting)
        if membership is None:
            raise PermissionDenied
        form = forms.MinutesResponseForm(request.POST)
        if not form.is_valid():
            raise RuleViolation(_("Vælg, om du godkender eller gør indsigelse."))
        services.minutes_respond(
            minutes=self.minutes(meeting), membership=membership, by=request.user, **form.cleaned_data
        )
        self.success = _("Dit svar er registreret.")


class MinutesApproveView(MinutesAction):
    def act(self, request, meeting):
        how = request.POST.get("how")
        at_meeting = None
        if how == Minutes.Approval.NEXT_MEETING:
            form = forms.ApproveAtMeetingForm(request.POST, meeting=meeting)
            if not form.is_valid():
                raise RuleViolation(_("Vælg det møde, hvor referatet blev godkendt."))
            at_meeting = form.cleaned_data["at_meeting"]
        elif how != Minutes.Approval.CIRCULATION:
            raise RuleViolation(_("Vælg, hvordan referatet er godkendt."))
        services.minutes_approve(minutes=self.minutes(meeting), how=how, at_meeting=at_meeting, by=request.user)
        self.success = _("Referatet er godkendt og kan ikke længere ændres. Rettelser bliver nye versioner.")


class MinutesCorrectView(MinutesAction):
    def act(self, request, meeting):
        minutes = self.minutes(meeting)
        form = forms.MinutesCorrectionForm(request.POST, entries=list(minutes.entries.all()))
        if not form.is_valid():
            raise RuleViolation(_("Skriv, hvorfor referatet rettes."))
        version = services.minutes_correct(
            minutes=minutes,
            entries=form.entries(),
            introduction=form.cleaned_data["introduction"],
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
        self.success = _("Rettelsen er gemt som version %(n)s.") % {"n": version.number}


class MinutesPublishView(MinutesAction):
    def act(self, request, meeting):
        services.minutes_publish(minutes=self.minutes(meeting), by=request.user)
        self.success = _("Referatet er offentliggjort uden lukkede punkter.")


class MinutesUnpublishView(MinutesAction):
    def act(self, request, meeting):
        services.minutes_unpublish(minutes=self.minutes(meeting), by=request.user)
        self.success = _("Referatet er skjult for offentligheden. Intet er slettet.")


# --- Documents and calendar --------------------------------------------------------------------------


class PacketView(CouncilView):
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


class CalendarTokenView(CouncilView):
    def get(self, request, slug):
        self.check()
        token = selectors.calendar_token(request.user, self.council)
        feed_url = (
            request.build_absolute_uri(reverse("meetings_public:member_feed", args=[slug, token.token]))
            if token
            else ""
        )
        return render(
            request,
            "meetings/calendar.html",
            {
                "council": self.council,
                "token": token,
                "feed_url": feed_url,
                "crumbs": _crumbs(self.council, (_("Kalender"), None)),
            },
        )

    def post(self, request, slug):
        self.check()
        services.calendar_token_renew(user=request.user, council=self.council)
        messages.success(request, _("Du har fået et nyt kalenderlink. Det gamle virker ikke længere."))
        return redirect("meetings:calendar", slug=slug)


def year_of(value: datetime.datetime) -> int:
    return timezone.localtime(value).year
