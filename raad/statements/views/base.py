"""What every workspace page of statements shares: the council (from `raad.core.workspace`), the statement
loader, the drafting screen's rendering, and the action view for the drafting screen."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.core.roles import Role, roles_of
from raad.councils.models import Council, Purpose
from raad.membership.selectors import memberships_in_force
from raad.statements import forms, selectors
from raad.statements.models import Statement


class StatementsView(workspace.CouncilView):
    """A page of the statements workspace. `perm` is checked on the council before the handler runs."""

    perm = "statements.view_drafts"
    section = (gettext_lazy("Høringer og udtalelser"), "statements:desk")

    def statement(self, pk: int) -> Statement:
        try:
            return selectors.statement_for_workspace(self.council, pk)
        except Statement.DoesNotExist:
            raise Http404 from None

    def is_secretariat(self) -> bool:
        return Role.SECRETARIAT in roles_of(self.request.user, self.council.pk)


def purposes(council: Council):
    return Purpose.objects.filter(terms_of_reference__council=council).order_by("number")


def rapporteurs(council: Council):
    """Members in office with a login, and the secretariat."""
    User = get_user_model()
    member_users = memberships_in_force(council).exclude(person__user=None).values_list("person__user_id", flat=True)
    staff = council.staff.filter(role=Role.SECRETARIAT).values_list("user_id", flat=True)
    return User.objects.filter(pk__in=list(member_users) + list(staff)).order_by("first_name", "last_name")


def file_response(field, content_type: str, filename: str) -> FileResponse:
    response = FileResponse(field.open("rb"), content_type=content_type, as_attachment=False, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def render_statement(view: StatementsView, statement, status=200, errors=(), **bound):
    """The drafting screen from `statement_screen`; `bound` holds forms the user sent, by context name."""
    request, council = view.request, view.council
    screen = selectors.statement_screen(statement, request.user)
    latest = screen.latest
    context = {
        "council": council,
        "statement": statement,
        "versions": screen.versions,
        "latest": latest,
        "comments": screen.comments,
        "procedure": screen.procedure,
        "tally": screen.tally,
        "closed_procedures": screen.closed_procedures,
        "can_answer": screen.can_answer,
        "answered": screen.answered,
        "can_manage": request.user.has_perm("statements.manage", council),
        "can_draft": request.user.has_perm("statements.draft", statement),
        "can_comment": request.user.has_perm("statements.comment", council),
        "is_secretariat": view.is_secretariat(),
        "is_chair_or_vice": screen.is_chair_or_vice,
        "urgent_allowed": screen.urgent_allowed,
        "late": screen.late,
        "personal_data": screen.personal_data,
        "days_left": screen.days_left,
        "version_form": forms.VersionForm(initial={"text": latest.text if latest else ""}),
        "comment_form": forms.CommentForm(),
        "route_form": forms.RouteForm(initial={"route": statement.planned_route or None}),
        "meeting_form": forms.MeetingAdoptionForm(statement=statement, initial={"decision": screen.pending_decision}),
        "agenda_item": statement.agenda_item,
        "agenda_decision": screen.pending_decision,
        "minority_statements": screen.minority_statements,
        "answer_form": forms.WrittenAnswerForm(),
        "minority_form": forms.MinorityForm(),
        "send_form": forms.SendForm(),
        "correction_form": forms.CorrectionForm(
            initial={"text": latest.text if statement.is_adopted and latest else ""}
        ),
        "follow_up_form": forms.FollowUpForm(),
        "compare_form": forms.CompareForm(
            initial={"fra": max(1, len(screen.versions) - 1), "til": len(screen.versions)}
        ),
        "errors": list(errors),
        "crumbs": view.crumbs((statement.title, None)),
    }
    context.update({name: form for name, form in bound.items() if form is not None})
    return render(request, "statements/desk/statement.html", context, status=status)


class StatementAction(workspace.ActionView, StatementsView):
    """A POST on the drafting screen: `needs` on the statement, one form (`form_class`, shown again as
    `form_name`), one service."""

    needs = "statements.manage"
    form_name = ""

    def load(self) -> None:
        self.object = self.statement(self.kwargs["pk"])
        self.check(self.needs, self.object)

    def success_url(self) -> str:
        return reverse("statements:statement", args=[self.council.slug, self.object.pk])

    def invalid(self, form, errors):
        bound = {self.form_name: form} if self.form_name else {}
        return render_statement(self, self.statement(self.object.pk), status=400, errors=errors, **bound)

    def make_form(self, data, files):
        return self.form_class(data) if self.form_class is not None else None
