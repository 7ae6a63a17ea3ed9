"""Retention: writes of membership (raad.membership.services.retention)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from raad.core import audit, translations
from raad.core.models import User
from raad.councils.selectors import rules_in_force_by_council
from raad.membership.models import (
    Person,
)
from raad.membership.selectors import nominations_awaiting_anonymisation, nominations_due_for_anonymising

ANONYMISED = "Anonymiseret"


def _anonymise_person(person: Person) -> None:
    person.first_name = ANONYMISED
    person.last_name = ""
    person.email = ""
    person.phone = ""
    person.street_address = ""
    person.postcode = ""
    person.city = ""
    person.bio = ""
    translations.translations_delete(person)  # the English introduction too
    person.publish_bio = False
    if person.photo:
        person.photo.delete(save=False)
    person.photo = ""
    person.publish_photo = False
    person.anonymised_at = timezone.now()
    person.save()


@transaction.atomic
def candidates_anonymise_expired(*, today: datetime.date | None = None, by: User | None = None) -> int:
    """Anonymise candidates who were not appointed once the rules' retention period has passed (R35), counted
    from the board's decision, or from the withdrawal for a withdrawn nomination.

    Idempotent: what is done is marked and skipped next time. People who hold or held a seat or a
    substitute post are kept (their history is an archival record).
    """
    today = today or timezone.localdate()
    done = 0
    council_ids = set(nominations_awaiting_anonymisation().values_list("call__council_id", flat=True))
    procedures = rules_in_force_by_council(council_ids, today)
    for nomination in nominations_due_for_anonymising(procedures, today):
        council_id = nomination.call.council_id
        months = procedures[council_id].candidate_retention_months
        settled_on = nomination.decided_on or nomination.withdrawn_on
        people = [p for p in (nomination.candidate, nomination.substitute_candidate) if p is not None]
        keep = set(
            Person.objects.filter(pk__in=[p.pk for p in people])
            .annotate(seats=Count("memberships"), subs=Count("substitutions"))
            .filter(Q(seats__gt=0) | Q(subs__gt=0))
            .values_list("pk", flat=True)
        )
        for person in people:
            if person.pk not in keep and person.anonymised_at is None:
                _anonymise_person(person)
        nomination.motivation = ""
        nomination.withdrawal_reason = ""
        nomination.submitted_by_name = ANONYMISED
        nomination.submitted_by_email = "anonymiseret@invalid.invalid"
        nomination.anonymised_at = timezone.now()
        nomination.save(
            update_fields=[
                "motivation",
                "withdrawal_reason",
                "submitted_by_name",
                "submitted_by_email",
                "anonymised_at",
                "updated_at",
            ]
        )
        audit.record(
            actor=by,
            verb="nomination.anonymised",
            target=nomination,
            council_id=council_id,
            changes={
                "retention_months": {"before": None, "after": months},
                ("decided_on" if nomination.decided_on else "withdrawn_on"): {"before": None, "after": settled_on},
            },
        )
        done += 1
    return done
