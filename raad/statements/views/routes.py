"""The routes to adoption: at a meeting (on the agenda, then the meeting's decision), by written procedure
(open, answer, close), or urgently by the forperson and næstforperson with a report at the next meeting;
minority statements."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core.errors import RuleViolation
from raad.statements import forms, selectors, services
from raad.statements.models import Statement
from raad.statements.views.base import StatementAction


class RoutePlanView(StatementAction):
    form_class = forms.RouteForm
    form_name = "route_form"

    def act(self, data):
        self.route = data["route"]
        self.item = services.statement_plan_route(statement=self.object, route=data["route"], by=self.request.user)

    def success_message(self):
        if self.item is not None:
            return _("Udtalelsen er på dagsordenen: %(item)s.") % {"item": selectors.agenda_label(self.item)}
        if self.route == Statement.Route.MEETING:
            return _(
                "Vejen er valgt, men der er intet møde med åben dagsorden inden fristen. Planlæg et møde, "
                "eller vælg skriftlig procedure."
            )
        return _("Vejen til vedtagelse er valgt.")


class MeetingAdoptView(StatementAction):
    form_class = forms.MeetingAdoptionForm
    form_name = "meeting_form"
    success = gettext_lazy("Udtalelsen er registreret som vedtaget ved rådets beslutning på mødet.")

    def make_form(self, data, files):
        return forms.MeetingAdoptionForm(data, statement=self.object)

    def act(self, data):
        services.statement_adopt_at_meeting(statement=self.object, decision=data["decision"], by=self.request.user)


class ReportScheduleView(StatementAction):
    success = gettext_lazy("Orienteringen om hastesvaret er sat på dagsordenen for rådets næste møde.")

    def act(self, data):
        services.statement_report_schedule(statement=self.object, by=self.request.user)


class WrittenOpenView(StatementAction):
    success = gettext_lazy("Udkastet er sendt til skriftlig procedure. Medlemmerne har fået besked.")

    def act(self, data):
        services.written_procedure_open(statement=self.object, by=self.request.user)


class WrittenAnswerView(StatementAction):
    needs = "statements.answer_written"
    form_class = forms.WrittenAnswerForm
    form_name = "answer_form"
    success = gettext_lazy("Tak. Dit svar er registreret.")

    def act(self, data):
        procedure = selectors.open_procedure(self.object)
        if procedure is None:
            raise RuleViolation([_("Der er ingen åben skriftlig procedure.")])
        services.written_answer_give(
            procedure=procedure, user=self.request.user, answer=data["answer"], comment=data["comment"]
        )


class WrittenCloseView(StatementAction):
    def act(self, data):
        procedure = selectors.open_procedure(self.object)
        if procedure is None:
            raise RuleViolation([_("Der er ingen åben skriftlig procedure.")])
        self.procedure = services.written_procedure_close(procedure=procedure, by=self.request.user)

    def success_message(self):
        return _("Den skriftlige procedure er afsluttet: %(result)s.") % {"result": self.procedure.get_result_display()}


class UrgentApproveView(StatementAction):
    needs = "statements.answer_written"  # a member; the service checks forperson / næstforperson
    success = gettext_lazy("Din godkendelse er registreret.")

    def act(self, data):
        services.urgent_approve(statement=self.object, user=self.request.user)


class MinorityAddView(StatementAction):
    form_class = forms.MinorityForm
    form_name = "minority_form"
    success = gettext_lazy("Mindretalsudtalelsen er tilføjet.")

    def act(self, data):
        services.minority_statement_add(
            statement=self.object, members=data["members"], text=data["text"], by=self.request.user
        )
