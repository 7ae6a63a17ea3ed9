"""The workspace: the secretariat's desk for consultations, the drafting screen, the written procedure."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from raad.core.errors import RuleViolation
from raad.core.i18n import localized
from raad.core.roles import Role, roles_of
from raad.core.views import WorkspaceMixin, require_perm
from raad.councils import selectors as councils
from raad.councils.models import Council, Purpose
from raad.membership.selectors import memberships_in_force
from raad.statements import forms, letters, rules, selectors, services
from raad.statements.models import Consultation, ConsultationDocument, Statement


def _council(slug: str) -> Council:
    try:
        return councils.council_by_slug(slug)
    except Council.DoesNotExist:
        raise Http404 from None


def _crumbs(council: Council, *rest):
    return [
        (_("Arbejdsrum"), reverse("secretariat:dashboard")),
        (localized(council, "name"), reverse("secretariat:council", args=[council.slug])),
        (_("Høringer og udtalelser"), reverse("statements:desk", args=[council.slug])),
        *rest,
    ]


def _statement(council: Council, pk: int) -> Statement:
    try:
        return selectors.statement_for_workspace(council, pk)
    except Statement.DoesNotExist:
        raise Http404 from None


def _purposes(council: Council):
    return Purpose.objects.filter(terms_of_reference__council=council).order_by("number")


def _rapporteurs(council: Council):
    """Members in office with a login, and the secretariat."""
    User = get_user_model()
    member_users = memberships_in_force(council).exclude(person__user=None).values_list("person__user_id", flat=True)
    staff = council.staff.filter(role=Role.SECRETARIAT).values_list("user_id", flat=True)
    return User.objects.filter(pk__in=list(member_users) + list(staff)).order_by("first_name", "last_name")


# ------------------------------------------------------------------------------------------------ desk


class DeskView(WorkspaceMixin, View):
    def get(self, request, slug):
        council = _council(slug)
        require_perm(request, "statements.view_drafts", council)
        today = timezone.localdate()
        return render(
            request,
            "statements/desk/desk.html",
            {
                "council": council,
                "today": today,
                "open": selectors.open_consultations(council, today),
                "in_progress": selectors.statements_in_progress(council),
                "procedures": selectors.open_procedures(council),
                "awaiting": selectors.procedures_awaiting(request.user, council, today),
                "urgent": selectors.urgent_awaiting(request.user, council, today),
                "can_manage": request.user.has_perm("statements.manage", council),
                "is_secretariat": Role.SECRETARIAT in roles_of(request.user, council.pk),
                "crumbs": _crumbs(council)[:-1] + [(_("Høringer og udtalelser"), None)],
            },
        )


class ConsultationNewView(WorkspaceMixin, View):
    template_name = "statements/desk/consultation_new.html"

    def _render(self, request, council, form, status=200):
        return render(
            request,
            self.template_name,
            {
                "council": council,
                "form": form,
                "is_secretariat": True,
                "crumbs": _crumbs(council, (_("Registrér høring"), None)),
            },
            status=status,
        )

    def get(self, request, slug):
        council = _council(slug)
        require_perm(request, "statements.manage", council)
        form = forms.ConsultationForm(
            committees=selectors.committees_for(council), initial={"received_on": timezone.localdate()}
        )
        return self._render(request, council, form)

    def post(self, request, slug):
        council = _council(slug)
        require_perm(request, "statements.manage", council)
        form = forms.ConsultationForm(request.POST, request.FILES, committees=selectors.committees_for(council))
        if form.is_valid():
            data = form.cleaned_data
            try:
                consultation = services.consultation_register_with_document(
                    council=council,
                    subject=data["subject"],
                    subject_en=data["subject_en"],
                    summary=data["summary"],
                    committee=data["committee"],
                    new_committee=data["new_committee"],
                    new_committee_email=data["new_committee_email"] or "",
                    received_on=data["received_on"],
                    deadline=data["deadline"],
                    case_number=data["case_number"],
                    link=data["link"] or "",
                    reply_to=data["reply_to"] or "",
                    document=_upload(data.get("document"), data.get("document_title") or ""),
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Høringen er registreret og journaliseret."))
                return redirect("statements:consultation", slug=council.slug, pk=consultation.pk)
        return self._render(request, council, form, status=400)


def _upload(file, title: str):
    if not file:
        return None
    return {"title": title, "filename": file.name, "data": file.read()}


class ConsultationView(WorkspaceMixin, View):
    template_name = "statements/desk/consultation.html"

    def _render(self, request, council, consultation, document_form=None, status=200):
        return render(
            request,
            self.template_name,
            {
                "council": council,
                "consultation": consultation,
                "days_left": rules.days_left(consultation.deadline, timezone.localdate()),
                "document_form": document_form or forms.DocumentForm(),
                "can_manage": request.user.has_perm("statements.manage", council),
                "is_secretariat": Role.SECRETARIAT in roles_of(request.user, council.pk),
                "crumbs": _crumbs(council, (consultation.subject, None)),
            },
            status=status,
        )

    def _consultation(self, council, pk):
        try:
            return selectors.consultation_detail(council, pk)
        except Consultation.DoesNotExist:
            raise Http404 from None

    def get(self, request, slug, pk):
        council = _council(slug)
        require_perm(request, "statements.view_drafts", council)
        return self._render(request, council, self._consultation(council, pk))

    def post(self, request, slug, pk):
        """Add a document."""
        council = _council(slug)
        require_perm(request, "statements.manage", council)
        consultation = self._consultation(council, pk)
        form = forms.DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.consultation_document_add(
                    consultation=consultation,
                    title=form.cleaned_data["title"],
                    filename=upload.name,
                    data=upload.read(),
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Dokumentet er tilføjet."))
                return redirect("statements:consultation", slug=council.slug, pk=consultation.pk)
        return self._render(request, council, self._consultation(council, pk), form, status=400)


class DocumentView(WorkspaceMixin, View):
    def get(self, request, slug, pk, doc):
        council = _council(slug)
        require_perm(request, "statements.view_drafts", council)
        try:
            document = ConsultationDocument.objects.get(pk=doc, consultation_id=pk, consultation__council=council)
        except ConsultationDocument.DoesNotExist:
            raise Http404 from None
        return _file_response(document.file, document.content_type, document.file.name.rsplit("/", 1)[-1])


def _file_response(field, content_type: str, filename: str) -> FileResponse:
    response = FileResponse(field.open("rb"), content_type=content_type, as_attachment=False, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class StatementNewView(WorkspaceMixin, View):
    template_name = "statements/desk/statement_new.html"

    def _consultation(self, request, council):
        pk = request.GET.get("hoering") or request.POST.get("hoering")
        if not pk:
            return None
        try:
            return Consultation.objects.select_related("committee").get(pk=int(pk), council=council)
        except (Consultation.DoesNotExist, ValueError):
            raise Http404 from None

    def _form(self, council, data=None, consultation=None):
        initial = {"kind": Statement.Kind.STATEMENT}
        if consultation is not None:
            initial = {
                "kind": Statement.Kind.RESPONSE,
                "title": _("Høringssvar: %(subject)s") % {"subject": consultation.subject},
                "recipient": consultation.committee_id,
                "case_number": consultation.case_number,
            }
        return forms.StatementForm(
            data,
            initial=initial,
            committees=selectors.committees_for(council),
            purposes=_purposes(council),
            rapporteurs=_rapporteurs(council),
        )

    def _render(self, request, council, form, consultation, status=200):
        return render(
            request,
            self.template_name,
            {
                "council": council,
                "form": form,
                "consultation": consultation,
                "is_secretariat": True,
                "crumbs": _crumbs(council, (_("Ny udtalelse"), None)),
            },
            status=status,
        )

    def get(self, request, slug):
        council = _council(slug)
        require_perm(request, "statements.manage", council)
        consultation = self._consultation(request, council)
        return self._render(request, council, self._form(council, consultation=consultation), consultation)

    def post(self, request, slug):
        council = _council(slug)
        require_perm(request, "statements.manage", council)
        consultation = self._consultation(request, council)
        form = self._form(council, request.POST, consultation)
        if form.is_valid():
            data = form.cleaned_data
            rapporteur = _rapporteurs(council).filter(pk=data["rapporteur"]).first() if data["rapporteur"] else None
            try:
                statement = services.statement_create(
                    council=council,
                    kind=data["kind"],
                    title=data["title"],
                    title_en=data["title_en"],
                    recipient=data["recipient"],
                    consultation=consultation,
                    purpose=data["purpose"],
                    rapporteur=rapporteur,
                    case_number=data["case_number"],
                    text=data["text"],
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Udkastet er oprettet."))
                return redirect(statement.get_workspace_url())
        return self._render(request, council, form, consultation, status=400)


# ------------------------------------------------------------------------------------------ drafting screen


class StatementView(WorkspaceMixin, View):
    """The drafting screen: the text and its versions, comments, the route, and what follows adoption."""

    template_name = "statements/desk/statement.html"

    def get(self, request, slug, pk):
        council = _council(slug)
        require_perm(request, "statements.view_drafts", council)
        return render_statement(request, council, _statement(council, pk))


def render_statement(request, council, statement, status=200, **bound):
    versions = list(statement.versions.all())
    latest = versions[-1] if versions else None
    today = timezone.localdate()
    procedure = next((p for p in statement.written_procedures.all() if p.status == "open"), None)
    membership = selectors.membership_of(request.user, council, today)
    answered = (
        procedure is not None
        and membership is not None
        and procedure.answers.filter(membership__person_id=membership.person_id).exists()
    )
    deadline = statement.consultation.deadline if statement.consultation_id else None
    # The meeting has decided the item the statement was put on: offer to register that decision.
    pending_decision = (
        getattr(statement.agenda_item, "decision", None)
        if statement.agenda_item_id is not None and not statement.is_adopted
        else None
    )
    context = {
        "council": council,
        "statement": statement,
        "versions": versions,
        "latest": latest,
        "comments": list(statement.comments.all()),
        "procedure": procedure,
        "tally": selectors.written_procedure_tally(procedure) if procedure else None,
        "closed_procedures": [p for p in statement.written_procedures.all() if p.status == "closed"],
        "can_answer": procedure is not None and membership is not None and not answered,
        "answered": answered,
        "can_manage": request.user.has_perm("statements.manage", council),
        "can_draft": request.user.has_perm("statements.draft", statement),
        "can_comment": request.user.has_perm("statements.comment", council),
        "is_secretariat": Role.SECRETARIAT in roles_of(request.user, council.pk),
        "is_chair_or_vice": membership is not None and membership.role in ("chair", "vice_chair"),
        "urgent_allowed": councils.rules_in_force(council, today).urgent_procedure_allowed,
        "late": rules.is_late(deadline, today) and statement.sent_at is None,
        # R32: before the text leaves the house, point out what looks like personal data.
        "personal_data": selectors.statement_publication_check(statement)
        if statement.is_adopted and statement.status != Statement.Status.PUBLISHED
        else [],
        "days_left": rules.days_left(deadline, today) if deadline else None,
        "version_form": bound.get("version_form") or forms.VersionForm(initial={"text": latest.text if latest else ""}),
        "comment_form": bound.get("comment_form") or forms.CommentForm(),
        "route_form": bound.get("route_form") or forms.RouteForm(initial={"route": statement.planned_route or None}),
        "meeting_form": bound.get("meeting_form")
        or forms.MeetingAdoptionForm(statement=statement, initial={"decision": pending_decision}),
        "agenda_item": statement.agenda_item,
        "agenda_decision": pending_decision,
        "minority_statements": selectors.minority_statements_of(statement),
        "answer_form": bound.get("answer_form") or forms.WrittenAnswerForm(),
        "minority_form": bound.get("minority_form") or forms.MinorityForm(),
        "send_form": bound.get("send_form") or forms.SendForm(),
        "correction_form": bound.get("correction_form")
        or forms.CorrectionForm(initial={"text": latest.text if statement.is_adopted and latest else ""}),
        "follow_up_form": bound.get("follow_up_form") or forms.FollowUpForm(),
        "compare_form": bound.get("compare_form")
        or forms.CompareForm(initial={"fra": max(1, len(versions) - 1), "til": len(versions)}),
        "errors": bound.get("errors", []),
        "crumbs": _crumbs(council, (statement.title, None)),
    }
    return render(request, "statements/desk/statement.html", context, status=status)


class _StatementAction(WorkspaceMixin, View):
    """POST-only action on a statement: check the permission, validate a form, call one service."""

    perm = "statements.manage"
    form_class: type | None = None
    form_name = ""
    success = ""

    def act(self, request, statement, data):  # pragma: no cover - overridden
        raise NotImplementedError

    def get(self, request, slug, pk):
        return redirect("statements:statement", slug=slug, pk=pk)

    def post(self, request, slug, pk):
        council = _council(slug)
        require_perm(request, "statements.view_drafts", council)
        statement = _statement(council, pk)
        require_perm(request, self.perm, statement)
        form = self.make_form(statement, request.POST) if self.form_class else None
        if form is None or form.is_valid():
            try:
                self.act(request, statement, form.cleaned_data if form else {})
            except RuleViolation as violation:
                fielded = form is not None and any(
                    getattr(v, "field", None) in form.fields for v in violation.violations
                )
                if not fielded:
                    # A rule about the statement as a whole: say it at the top of the page.
                    return render_statement(
                        request, council, _statement(council, pk), status=400, errors=violation.messages
                    )
                violation.add_to_form(form)
            else:
                messages.success(request, self.success_message(statement))
                return redirect("statements:statement", slug=slug, pk=pk)
        return render_statement(request, council, _statement(council, pk), status=400, **{self.form_name: form})

    def make_form(self, statement, data):
        return self.form_class(data)

    def success_message(self, statement) -> str:
        return str(self.success)


class VersionSaveView(_StatementAction):
    perm = "statements.draft"
    form_class = forms.VersionForm
    form_name = "version_form"

    def act(self, request, statement, data):
        self.version = services.statement_version_save(
            statement=statement, text=data["text"], note=data["note"], by=request.user
        )

    def success_message(self, statement):
        return _("Version %(n)s er gemt.") % {"n": self.version.number}


class CommentAddView(_StatementAction):
    perm = "statements.comment"
    form_class = forms.CommentForm
    form_name = "comment_form"
    success = gettext_lazy("Din kommentar er gemt. Den er kun synlig for rådet og sekretariatet.")

    def act(self, request, statement, data):
        services.draft_comment_add(
            statement=statement, text=data["text"], proposed_text=data["proposed_text"], by=request.user
        )


class RoutePlanView(_StatementAction):
    form_class = forms.RouteForm
    form_name = "route_form"

    def act(self, request, statement, data):
        self.route = data["route"]
        self.item = services.statement_plan_route(statement=statement, route=data["route"], by=request.user)

    def success_message(self, statement):
        if self.item is not None:
            return _("Udtalelsen er på dagsordenen: %(item)s.") % {"item": selectors.agenda_label(self.item)}
        if self.route == Statement.Route.MEETING:
            return _(
                "Vejen er valgt, men der er intet møde med åben dagsorden inden fristen. Planlæg et møde, "
                "eller vælg skriftlig procedure."
            )
        return _("Vejen til vedtagelse er valgt.")


class MeetingAdoptView(_StatementAction):
    form_class = forms.MeetingAdoptionForm
    form_name = "meeting_form"
    success = gettext_lazy("Udtalelsen er registreret som vedtaget ved rådets beslutning på mødet.")

    def make_form(self, statement, data):
        return forms.MeetingAdoptionForm(data, statement=statement)

    def act(self, request, statement, data):
        services.statement_adopt_at_meeting(statement=statement, decision=data["decision"], by=request.user)


class ReportScheduleView(_StatementAction):
    success = gettext_lazy("Orienteringen om hastesvaret er sat på dagsordenen for rådets næste møde.")

    def act(self, request, statement, data):
        services.statement_report_schedule(statement=statement, by=request.user)


class WrittenOpenView(_StatementAction):
    success = gettext_lazy("Udkastet er sendt til skriftlig procedure. Medlemmerne har fået besked.")

    def act(self, request, statement, data):
        services.written_procedure_open(statement=statement, by=request.user)


class WrittenAnswerView(_StatementAction):
    perm = "statements.answer_written"
    form_class = forms.WrittenAnswerForm
    form_name = "answer_form"
    success = gettext_lazy("Tak. Dit svar er registreret.")

    def act(self, request, statement, data):
        procedure = selectors.open_procedure(statement)
        if procedure is None:
            raise RuleViolation([_("Der er ingen åben skriftlig procedure.")])
        services.written_answer_give(
            procedure=procedure, user=request.user, answer=data["answer"], comment=data["comment"]
        )


class WrittenCloseView(_StatementAction):
    def act(self, request, statement, data):
        procedure = selectors.open_procedure(statement)
        if procedure is None:
            raise RuleViolation([_("Der er ingen åben skriftlig procedure.")])
        self.procedure = services.written_procedure_close(procedure=procedure, by=request.user)

    def success_message(self, statement):
        return _("Den skriftlige procedure er afsluttet: %(result)s.") % {"result": self.procedure.get_result_display()}


class UrgentApproveView(_StatementAction):
    perm = "statements.answer_written"  # a member; the service checks forperson / næstforperson
    success = gettext_lazy("Din godkendelse er registreret.")

    def act(self, request, statement, data):
        services.urgent_approve(statement=statement, user=request.user)


class MinorityAddView(_StatementAction):
    form_class = forms.MinorityForm
    form_name = "minority_form"
    success = gettext_lazy("Mindretalsudtalelsen er tilføjet.")

    def act(self, request, statement, data):
        services.minority_statement_add(
            statement=statement, members=data["members"], text=data["text"], by=request.user
        )


class SendView(_StatementAction):
    form_class = forms.SendForm
    form_name = "send_form"

    def act(self, request, statement, data):
        self.sent = services.statement_send(statement=statement, late_reason=data["late_reason"], by=request.user)

    def success_message(self, statement):
        return _("Udtalelsen er sendt til %(to)s og journaliseret.") % {"to": self.sent.sent_to}


class PublishView(_StatementAction):
    success = gettext_lazy("Udtalelsen er offentliggjort.")

    def act(self, request, statement, data):
        services.statement_publish(statement=statement, by=request.user)


class CorrectionView(_StatementAction):
    form_class = forms.CorrectionForm
    form_name = "correction_form"
    success = gettext_lazy("Rettelsen er gemt som en ny version.")

    def act(self, request, statement, data):
        services.statement_correct(statement=statement, text=data["text"], note=data["note"], by=request.user)


class FollowUpView(_StatementAction):
    form_class = forms.FollowUpForm
    form_name = "follow_up_form"
    success = gettext_lazy("Opfølgningen er registreret.")

    def act(self, request, statement, data):
        services.follow_up_register(
            statement=statement, by=request.user, **{k: (v or "") if k != "decided_on" else v for k, v in data.items()}
        )


class CompareView(WorkspaceMixin, View):
    def get(self, request, slug, pk):
        council = _council(slug)
        require_perm(request, "statements.view_drafts", council)
        statement = _statement(council, pk)
        form = forms.CompareForm(request.GET)
        if not form.is_valid():
            return render_statement(request, council, statement, status=400, compare_form=form)
        try:
            old, new = selectors.version_pair(statement, form.cleaned_data["fra"], form.cleaned_data["til"])
        except KeyError:
            form.add_error(
                None, _("Vælg to versioner, som udtalelsen har (1–%(n)s).") % {"n": statement.versions.count()}
            )
            return render_statement(request, council, statement, status=400, compare_form=form)
        return render(
            request,
            "statements/desk/compare.html",
            {
                "council": council,
                "statement": statement,
                "old": old,
                "new": new,
                "comparison": rules.compare(old.text, new.text),
                "form": form,
                "versions": list(statement.versions.all()),
                "is_secretariat": Role.SECRETARIAT in roles_of(request.user, council.pk),
                "crumbs": _crumbs(
                    council, (statement.title, statement.get_workspace_url()), (_("Sammenlign versioner"), None)
                ),
            },
        )


class LetterView(WorkspaceMixin, View):
    def get(self, request, slug, pk):
        council = _council(slug)
        require_perm(request, "statements.view_drafts", council)
        statement = _statement(council, pk)
        if not statement.letter:
            raise Http404
        return _file_response(statement.letter, "application/pdf", f"hoeringssvar-{statement.pk}.pdf")


class LetterPreviewView(WorkspaceMixin, View):
    """The letter as it would be sent today, before sending (adopted statements only; nothing is stored)."""

    def get(self, request, slug, pk):
        council = _council(slug)
        require_perm(request, "statements.manage", council)
        statement = _statement(council, pk)
        if not statement.is_adopted:
            raise Http404
        pdf = letters.letter_pdf(
            statement=statement,
            version=selectors.shown_version(statement),
            sent_on=timezone.localdate(),
            late_reason=statement.late_reason,
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="udkast-til-brev-{statement.pk}.pdf"'
        return response


class JournalView(WorkspaceMixin, View):
    def get(self, request, slug):
        council = _council(slug)
        require_perm(request, "statements.manage", council)
        entries = selectors.journal(council)
        if request.GET.get("format") == "csv":
            return _journal_csv(council, entries)
        return render(
            request,
            "statements/desk/journal.html",
            {
                "council": council,
                "entries": entries,
                "is_secretariat": True,
                "crumbs": _crumbs(council, (_("Journal"), None)),
            },
        )


def _journal_csv(council, entries) -> HttpResponse:
    """Export for the municipality's records system (R29)."""
    import csv

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="journal-{council.slug}.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["sagsnummer", "dato", "retning", "emne", "afsender/modtager"])
    for entry in entries:
        writer.writerow(
            [entry.case_number, entry.entry_date.isoformat(), entry.direction, entry.subject, entry.counterpart]
        )
    return response
