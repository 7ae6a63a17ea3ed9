"""After adoption: sending the letter (R29), publishing, corrections, follow-up, and the letter as PDF."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.statements import forms, letters, selectors, services
from raad.statements.views.base import StatementAction, StatementsView, file_response


class SendView(StatementAction):
    form_class = forms.SendForm
    form_name = "send_form"

    def act(self, data):
        self.sent = services.statement_send(
            statement=self.object, late_reason=data["late_reason"], by=self.request.user
        )

    def success_message(self):
        return _("Udtalelsen er sendt til %(to)s og journaliseret.") % {"to": self.sent.sent_to}


class PublishView(StatementAction):
    success = gettext_lazy("Udtalelsen er offentliggjort.")

    def act(self, data):
        services.statement_publish(statement=self.object, by=self.request.user)


class CorrectionView(StatementAction):
    form_class = forms.CorrectionForm
    form_name = "correction_form"
    success = gettext_lazy("Rettelsen er gemt som en ny version.")

    def act(self, data):
        services.statement_correct(statement=self.object, text=data["text"], note=data["note"], by=self.request.user)


class FollowUpView(StatementAction):
    form_class = forms.FollowUpForm
    form_name = "follow_up_form"
    success = gettext_lazy("Opfølgningen er registreret.")

    def act(self, data):
        services.follow_up_register(
            statement=self.object,
            by=self.request.user,
            **{k: (v or "") if k != "decided_on" else v for k, v in data.items()},
        )


class LetterView(StatementsView):
    def get(self, request, slug, pk):
        statement = self.statement(pk)
        if not statement.letter:
            raise Http404
        return file_response(statement.letter, "application/pdf", f"hoeringssvar-{statement.pk}.pdf")


class LetterPreviewView(StatementsView):
    """The letter as it would be sent today, before sending (adopted statements only; nothing is stored)."""

    def get(self, request, slug, pk):
        self.check("statements.manage")
        statement = self.statement(pk)
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
