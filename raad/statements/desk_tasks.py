"""The statements' deadlines and tasks on the desk (raad/core/desk.py, register_tasks): consultation deadlines
and open written procedures for the secretariat; a written procedure to answer for a member; an urgent answer
to approve for the forperson and næstforperson (R24). A fixed number of queries for all councils."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, councils_with_role
from raad.core.roles import Role
from raad.membership.selectors import memberships_of_user
from raad.statements.models import Statement, UrgentApproval, WrittenAnswer, WrittenProcedure
from raad.statements.selectors import unanswered_consultations


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    by_pk = {c.pk: c for c in councils}
    tasks: list[Task] = []
    staffed = [c.pk for c in councils_with_role(councils, user, Role.SECRETARIAT)]
    if staffed:
        for c in unanswered_consultations(staffed, today):
            council = by_pk[c.council_id]
            tasks.append(
                Task(
                    council=council,
                    key="statements.consultation",
                    ref=str(c.pk),
                    title=_("Høringsfrist: %(subject)s") % {"subject": c.subject},
                    due=c.deadline,
                    url=reverse("statements:consultation", args=[council.slug, c.pk]),
                    audience=Audience.SECRETARIAT,
                )
            )
    procedures = list(
        WrittenProcedure.objects.filter(
            statement__council_id__in=list(by_pk), status=WrittenProcedure.Status.OPEN
        ).select_related("statement")
    )
    own = {m.seat.council_id: m for m in memberships_of_user(user) if m.seat.council_id in by_pk}
    answered_ids = (
        set(
            WrittenAnswer.objects.filter(procedure__in=procedures, membership__in=list(own.values())).values_list(
                "procedure_id", flat=True
            )
        )
        if procedures and own
        else set()
    )
    staffed_set = set(staffed)
    for p in procedures:
        council = by_pk[p.statement.council_id]
        url = reverse("statements:statement", args=[council.slug, p.statement_id])
        if council.pk in staffed_set:
            tasks.append(
                Task(
                    council=council,
                    key="statements.written_procedure",
                    ref=str(p.pk),
                    title=_("Skriftlig procedure lukker: %(title)s") % {"title": p.statement.title},
                    due=p.closes_on,
                    url=url,
                    audience=Audience.SECRETARIAT,
                )
            )
        if council.pk in own and p.pk not in answered_ids:
            tasks.append(
                Task(
                    council=council,
                    key="statements.written_answer",
                    ref=str(p.pk),
                    title=_("Svar i skriftlig procedure: %(title)s") % {"title": p.statement.title},
                    due=p.closes_on,
                    url=url,
                    audience=Audience.PERSONAL,
                )
            )
    chairs = {pk: m for pk, m in own.items() if m.role in (m.Role.CHAIR, m.Role.VICE_CHAIR)}
    if chairs:
        approved = UrgentApproval.objects.filter(statement=OuterRef("pk"), membership__in=list(chairs.values()))
        for s in (
            Statement.objects.filter(
                council_id__in=list(chairs),
                status=Statement.Status.DRAFT,
                planned_route=Statement.Route.URGENT,
            )
            .exclude(Exists(approved))
            .select_related("consultation")
        ):
            council = by_pk[s.council_id]
            tasks.append(
                Task(
                    council=council,
                    key="statements.urgent_approval",
                    ref=str(s.pk),
                    title=_("Godkend hastesvar: %(title)s") % {"title": s.title},
                    due=s.consultation.deadline if s.consultation else today,
                    url=reverse("statements:statement", args=[council.slug, s.pk]),
                    audience=Audience.PERSONAL,
                )
            )
    return tasks
