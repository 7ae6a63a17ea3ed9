"""Reminders: writes of statements (raad.statements.services.reminders)."""

from __future__ import annotations

import datetime
import functools
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from raad.councils.selectors import rules_in_force
from raad.membership.selectors import memberships_in_force
from raad.statements import notify, rules, selectors
from raad.statements.models import (
    Consultation,
    ReminderSent,
    Statement,
    WrittenProcedure,
)

from .common import _house_language, _today
from .routes import written_procedure_close


def _remember(key: str, recipients: list[str], done: set[str]) -> bool:
    """Record that a reminder is queued (in the outbox, in this transaction); False if it was before (the
    reminder is then skipped). `done` holds the keys recorded before this run, read in one query."""
    if key in done:
        return False
    _record, created = ReminderSent.objects.get_or_create(key=key, defaults={"recipients": len(recipients)})
    done.add(key)
    return created


@transaction.atomic
def reminders_send(*, on: datetime.date | None = None) -> list[str]:
    """Send the reminders due today; safe to run any number of times a day (each is sent once).

    - open consultations: the rules' reminders before the deadline (forretningsorden § 9, e.g. 7 and 2 days);
    - open written procedures: on the last day, to the members who have not answered;
    - written procedures past their last day: closed with the result, which is e-mailed.
    Returns the keys of what was sent.
    """
    with _house_language():
        return _reminders_send(on=on)


def _reminders_send(*, on: datetime.date | None) -> list[str]:
    today = _today(on)
    sent: list[str] = []
    answered = Statement.objects.filter(consultation=OuterRef("pk"), sent_at__isnull=False)
    open_consultations = (
        Consultation.objects.filter(deadline__gte=today, council__archived_at__isnull=True)
        .exclude(Exists(answered))
        .select_related("council", "committee")
        .order_by("council_id", "deadline")
    )
    rules_cache: dict[int, Any] = {}
    # read once per council
    recipients_of = functools.cache(lambda council_id: selectors.reminder_recipients(council_id, today))
    done = set(ReminderSent.objects.filter(key__regex=r"^(consultation|written):").values_list("key", flat=True))
    for consultation in open_consultations:
        if consultation.council_id not in rules_cache:
            rules_cache[consultation.council_id] = rules_in_force(consultation.council_id, today)
        in_force = rules_cache[consultation.council_id]
        stage = rules.reminder_stage(
            consultation.deadline,
            today,
            in_force.consultation_first_reminder_days,
            in_force.consultation_second_reminder_days,
        )
        if stage is None:
            continue
        key = f"consultation:{consultation.pk}:{stage}"
        recipients = recipients_of(consultation.council_id)
        if not _remember(key, recipients, done):
            continue
        subject = _("Påmindelse: høringsfrist %(date)s – %(subject)s") % {
            "date": consultation.deadline.strftime("%d.%m.%Y"),
            "subject": consultation.subject,
        }
        body = _(
            "Høringen »%(subject)s« fra %(sender)s har frist %(date)s (%(left)s dage). Se udkastet i arbejdsrummet."
        ) % {
            "subject": consultation.subject,
            "sender": consultation.committee.name,
            "date": consultation.deadline.strftime("%d.%m.%Y"),
            "left": rules.days_left(consultation.deadline, today),
        }
        notify.send_plain(key=key, council=consultation.council_id, recipients=recipients, subject=subject, body=body)
        sent.append(key)

    procedures = WrittenProcedure.objects.filter(
        status=WrittenProcedure.Status.OPEN, closes_on__lte=today
    ).select_related("statement")
    for procedure in procedures:
        if procedure.closes_on == today:
            key = f"written:{procedure.pk}:last_day"
            answered_people = set(procedure.answers.values_list("membership__person_id", flat=True))
            recipients = [
                m.person.email
                for m in memberships_in_force(procedure.statement.council_id, today)
                if m.person.email and m.person_id not in answered_people
            ]
            if not _remember(key, recipients, done):
                continue
            subject = _("Sidste dag: skriftlig procedure om %(title)s") % {"title": procedure.statement.title}
            body = _("I dag er sidste frist for at svare enig, uenig eller med en bemærkning i arbejdsrummet.")
            notify.send_plain(
                key=key, council=procedure.statement.council_id, recipients=recipients, subject=subject, body=body
            )
            sent.append(key)
        else:
            key = f"written:{procedure.pk}:closed"
            recipients = recipients_of(procedure.statement.council_id)
            if not _remember(key, recipients, done):
                continue
            closed = written_procedure_close(procedure=procedure, by=None, on=today)
            subject = _("Skriftlig procedure afsluttet: %(title)s") % {"title": procedure.statement.title}
            body = _("Resultat: %(result)s. %(agree)s enige, %(disagree)s uenige, %(comment)s bemærkninger.") % {
                "result": closed.get_result_display(),
                **{k: closed.tally[k] for k in ("agree", "disagree", "comment")},
            }
            notify.send_plain(
                key=key, council=procedure.statement.council_id, recipients=recipients, subject=subject, body=body
            )
            sent.append(key)
    return sent
