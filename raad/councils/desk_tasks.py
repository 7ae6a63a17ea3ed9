"""The council's own deadlines on the secretariat's desk (raad/core/desk.py, register_tasks): the term that
ends (renewal is prepared `term_renewal_warning_days` ahead). The annual report's due date is the secretariat
app's task (raad/secretariat/desk_tasks.py). A fixed number of queries for all councils."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, councils_with_role
from raad.core.roles import Role
from raad.councils.models import Term
from raad.councils.selectors import rules_in_force_by_council


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    if not staffed:
        return []
    procedures = rules_in_force_by_council(staffed, today)
    tasks: list[Task] = []
    for term in Term.objects.filter(council_id__in=list(staffed), starts_on__lte=today, ends_on__gte=today):
        council, procedure = staffed[term.council_id], procedures.get(term.council_id)
        ahead = procedure.term_renewal_warning_days if procedure is not None else 180
        if (term.ends_on - today).days <= ahead:
            tasks.append(
                Task(
                    council=council,
                    key="councils.term_ends",
                    ref=str(term.pk),
                    title=_("Valgperioden %(term)s slutter: forbered udpegningen") % {"term": term.name},
                    due=term.ends_on,
                    url=reverse("membership:seats", args=[council.slug]),
                    audience=Audience.SECRETARIAT,
                )
            )
    return tasks
