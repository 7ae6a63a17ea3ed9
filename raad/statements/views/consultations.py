"""The secretariat's desk: open consultations (høringer), registering one with its documents, the journal."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.csvexport import csv_response
from raad.core.errors import RuleViolation
from raad.core.pagination import paginate
from raad.statements import forms, rules, selectors, services
from raad.statements.models import Consultation, ConsultationDocument
from raad.statements.views.base import StatementsView, file_response


class DeskView(StatementsView):
    def get(self, request, slug):
        council = self.council
        today = timezone.localdate()
        return self.page(
            "statements/desk/desk.html",
            {
                "today": today,
                "open": selectors.open_consultations(council, today),
                "in_progress": selectors.statements_in_progress(council),
                "procedures": selectors.open_procedures(council),
                "awaiting": selectors.procedures_awaiting(request.user, council, today),
                "urgent": selectors.urgent_awaiting(request.user, council, today),
                "can_manage": request.user.has_perm("statements.manage", council),
                "is_secretariat": self.is_secretariat(),
                "crumbs": self.crumbs(),
            },
        )


def _upload(file, title: str):
    if not file:
        return None
    return {"title": title, "filename": file.name, "data": file.read()}


class ConsultationNewView(StatementsView):
    perm = "statements.manage"

    def render_form(self, form, status=200):
        return self.page(
            "statements/desk/consultation_new.html",
            {"form": form, "is_secretariat": True, "crumbs": self.crumbs((_("Registrér høring"), None))},
            status=status,
        )

    def get(self, request, slug):
        form = forms.ConsultationForm(
            committees=selectors.committees_for(self.council), initial={"received_on": timezone.localdate()}
        )
        return self.render_form(form)

    def post(self, request, slug):
        council = self.council
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
        return self.render_form(form, status=400)


class ConsultationView(StatementsView):
    """One consultation; a POST adds a document (the secretariat)."""

    def render_consultation(self, consultation, document_form=None, status=200):
        return self.page(
            "statements/desk/consultation.html",
            {
                "consultation": consultation,
                "days_left": rules.days_left(consultation.deadline, timezone.localdate()),
                "document_form": document_form or forms.DocumentForm(),
                "can_manage": self.request.user.has_perm("statements.manage", self.council),
                "is_secretariat": self.is_secretariat(),
                "crumbs": self.crumbs((consultation.subject, None)),
            },
            status=status,
        )

    def consultation(self, pk):
        try:
            return selectors.consultation_detail(self.council, pk)
        except Consultation.DoesNotExist:
            raise Http404 from None

    def get(self, request, slug, pk):
        return self.render_consultation(self.consultation(pk))

    def post(self, request, slug, pk):
        self.check("statements.manage")
        consultation = self.consultation(pk)
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
                return redirect("statements:consultation", slug=self.council.slug, pk=consultation.pk)
        return self.render_consultation(self.consultation(pk), form, status=400)


class DocumentView(StatementsView):
    def get(self, request, slug, pk, doc):
        try:
            document = ConsultationDocument.objects.get(pk=doc, consultation_id=pk, consultation__council=self.council)
        except ConsultationDocument.DoesNotExist:
            raise Http404 from None
        return file_response(document.file, document.content_type, document.file.name.rsplit("/", 1)[-1])


class JournalView(StatementsView):
    perm = "statements.manage"

    per_page = 100

    def get(self, request, slug):
        text = request.GET.get("q", "").strip()[:200]
        entries = selectors.record_entries(self.council, text=text)
        if request.GET.get("format") == "csv":
            return _journal_csv(self.council, entries)
        return self.page(
            "statements/desk/journal.html",
            {
                "page": paginate(request, entries, per_page=self.per_page),
                "text": text,
                "is_secretariat": True,
                "crumbs": self.crumbs((_("Journal"), None)),
            },
        )


def _journal_csv(council, entries) -> HttpResponse:
    """Export for the municipality's records system (R29)."""
    return csv_response(
        filename=f"journal-{council.slug}.csv",
        header=["sagsnummer", "dato", "retning", "emne", "afsender/modtager"],
        rows=(
            [entry.case_number, entry.entry_date.isoformat(), entry.direction, entry.subject, entry.counterpart]
            for entry in entries
        ),
    )
