"""Drafting: a new statement, the drafting screen (the text and its versions, comments), comparing versions."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core.errors import RuleViolation
from raad.statements import forms, rules, selectors, services
from raad.statements.models import Consultation, Statement
from raad.statements.views.base import StatementAction, StatementsView, purposes, rapporteurs, render_statement


class StatementNewView(StatementsView):
    perm = "statements.manage"

    def consultation(self):
        pk = self.request.GET.get("hoering") or self.request.POST.get("hoering")
        if not pk:
            return None
        try:
            return Consultation.objects.select_related("committee").get(pk=int(pk), council=self.council)
        except (Consultation.DoesNotExist, ValueError):
            raise Http404 from None

    def make_form(self, data=None, consultation=None):
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
            committees=selectors.committees_for(self.council),
            purposes=purposes(self.council),
            rapporteurs=rapporteurs(self.council),
        )

    def render_form(self, form, consultation, status=200):
        return self.page(
            "statements/desk/statement_new.html",
            {
                "form": form,
                "consultation": consultation,
                "is_secretariat": True,
                "crumbs": self.crumbs((_("Ny udtalelse"), None)),
            },
            status=status,
        )

    def get(self, request, slug):
        consultation = self.consultation()
        return self.render_form(self.make_form(consultation=consultation), consultation)

    def post(self, request, slug):
        council = self.council
        consultation = self.consultation()
        form = self.make_form(request.POST, consultation)
        if form.is_valid():
            data = form.cleaned_data
            rapporteur = rapporteurs(council).filter(pk=data["rapporteur"]).first() if data["rapporteur"] else None
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
        return self.render_form(form, consultation, status=400)


class StatementView(StatementsView):
    """The drafting screen: the text and its versions, comments, the route, and what follows adoption."""

    def get(self, request, slug, pk):
        return render_statement(self, self.statement(pk))


class VersionSaveView(StatementAction):
    needs = "statements.draft"
    form_class = forms.VersionForm
    form_name = "version_form"

    def act(self, data):
        self.version = services.statement_version_save(
            statement=self.object, text=data["text"], note=data["note"], by=self.request.user
        )

    def success_message(self):
        return _("Version %(n)s er gemt.") % {"n": self.version.number}


class CommentAddView(StatementAction):
    needs = "statements.comment"
    form_class = forms.CommentForm
    form_name = "comment_form"
    success = gettext_lazy("Din kommentar er gemt. Den er kun synlig for rådet og sekretariatet.")

    def act(self, data):
        services.draft_comment_add(
            statement=self.object, text=data["text"], proposed_text=data["proposed_text"], by=self.request.user
        )


class CompareView(StatementsView):
    def get(self, request, slug, pk):
        statement = self.statement(pk)
        form = forms.CompareForm(request.GET)
        if not form.is_valid():
            return render_statement(self, statement, status=400, compare_form=form)
        try:
            old, new = selectors.version_pair(statement, form.cleaned_data["fra"], form.cleaned_data["til"])
        except KeyError:
            form.add_error(
                None, _("Vælg to versioner, som udtalelsen har (1–%(n)s).") % {"n": statement.versions.count()}
            )
            return render_statement(self, statement, status=400, compare_form=form)
        return self.page(
            "statements/desk/compare.html",
            {
                "statement": statement,
                "old": old,
                "new": new,
                "comparison": rules.compare(old.text, new.text),
                "form": form,
                "versions": list(statement.versions.all()),
                "is_secretariat": self.is_secretariat(),
                "crumbs": self.crumbs(
                    (statement.title, statement.get_workspace_url()), (_("Sammenlign versioner"), None)
                ),
            },
        )
