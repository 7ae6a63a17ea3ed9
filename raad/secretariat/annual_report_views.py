"""The annual report's workspace pages (R23): the years, and one year's report with its steps."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from raad.core import workspace
from raad.core.errors import RuleViolation
from raad.core.roles import Role, roles_of
from raad.secretariat import documents
from raad.secretariat.annual_report_forms import CommentsForm, SendForm, StartForm
from raad.secretariat.models import AnnualReport
from raad.secretariat.selectors.annual_report import annual_report_for, annual_reports
from raad.secretariat.services import annual_report as services


class AnnualReportsView(workspace.CouncilView):
    perm = "secretariat.annual_report"

    def _render(self, form, errors=(), status=200):
        council = self.council
        return render(
            self.request,
            "secretariat/annual_report/list.html",
            {
                "council": council,
                "reports": annual_reports(council),
                "form": form,
                "may_manage": self.request.user.has_perm("secretariat.annual_report_manage", council),
                "errors": list(errors),
                "crumbs": workspace.workspace_crumbs(council, (_("Årsberetning"), None)),
            },
            status=status,
        )

    def _taken(self) -> set[int]:
        return {r.year for r in annual_reports(self.council)}

    def get(self, request, slug):
        return self._render(StartForm(taken=self._taken()))

    def post(self, request, slug):
        self.check("secretariat.annual_report_manage")
        form = StartForm(request.POST, taken=self._taken())
        if not form.is_valid():
            return self._render(form, status=400)
        try:
            report = services.annual_report_start(council=self.council, year=form.cleaned_data["year"], by=request.user)
        except RuleViolation as refused:
            return self._render(form, refused.messages, status=400)
        messages.success(request, _("Udkastet til årsberetningen for %(year)s er oprettet.") % {"year": report.year})
        return redirect(report.get_workspace_url())


class AnnualReportView(workspace.CouncilView):
    perm = "secretariat.annual_report"
    actions = ("comments", "agenda", "adopt", "send", "publish")

    def _report(self, year: int) -> AnnualReport:
        report = annual_report_for(self.council, year)
        if report is None:
            raise Http404
        return report

    def _render(self, report, comments_form=None, send_form=None, errors=(), status=200):
        council, user = self.council, self.request.user
        user_roles = roles_of(user, council.pk)
        is_draft = report.status == AnnualReport.Status.DRAFT
        if comments_form is None:
            initial = {"introduction": report.introduction}
            initial.update({f"comment_{k}": v for k, v in (report.comments or {}).items()})
            comments_form = CommentsForm(initial=initial)
        decision = getattr(report.agenda_item, "decision", None) if report.agenda_item_id else None
        context = {
            **documents.report_context(report),
            "comments_form": comments_form if is_draft else None,
            "send_form": send_form or SendForm(council=council),
            "may_manage": Role.SECRETARIAT in user_roles,
            "is_draft": is_draft,
            "decision": decision,
            "errors": list(errors),
            "crumbs": workspace.workspace_crumbs(
                council,
                (_("Årsberetning"), reverse("secretariat:annual_reports", args=[council.slug])),
                (str(report.year), None),
            ),
        }
        return render(self.request, "secretariat/annual_report/report.html", context, status=status)

    def get(self, request, slug, year):
        return self._render(self._report(year))

    def post(self, request, slug, year):
        report = self._report(year)
        action = request.POST.get("action", "")
        if action not in self.actions:
            return self._render(report, errors=[_("Vælg en handling.")], status=400)
        if action != "comments":
            self.check("secretariat.annual_report_manage")
        comments_form = send_form = None
        try:
            if action == "comments":
                comments_form = CommentsForm(request.POST)
                comments_form.is_valid()
                services.annual_report_comments_update(
                    report=report,
                    introduction=comments_form.cleaned_data.get("introduction", ""),
                    comments=comments_form.comments(),
                    by=request.user,
                )
                done = _("Forord og kommentarer er gemt.")
            elif action == "agenda":
                item = services.annual_report_put_on_agenda(report=report, by=request.user)
                done = _("Årsberetningen er sat på dagsordenen som punkt %(n)s.") % {"n": item.position}
            elif action == "adopt":
                services.annual_report_adopt(report=report, by=request.user)
                done = _("Vedtagelsen er registreret; tallene er låst.")
            elif action == "send":
                send_form = SendForm(request.POST, council=self.council)
                if not send_form.is_valid():
                    raise RuleViolation([e for errors in send_form.errors.values() for e in errors])
                services.annual_report_send(
                    report=report, recipient=send_form.cleaned_data["recipient"], by=request.user
                )
                done = _("Årsberetningen er sendt til kommunalbestyrelsen.")
            else:
                services.annual_report_publish(report=report, by=request.user)
                done = _("Årsberetningen er offentliggjort.")
        except RuleViolation as refused:
            return self._render(
                self._report(year),
                comments_form=comments_form,
                send_form=send_form,
                errors=refused.messages,
                status=400,
            )
        messages.success(request, done)
        return redirect(report.get_workspace_url())
