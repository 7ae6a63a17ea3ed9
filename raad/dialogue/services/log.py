"""The dialogue log (dialoglog): writes (raad.dialogue.services.log).

Members and the secretariat record whom the council met or heard (purpose 2 of the kommissorium):
organisations by name, private people never by name; CPR numbers masked before storage (R30).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils.models import Council
from raad.councils.rules import Violation
from raad.councils.services import ensure_not_archived
from raad.dialogue.models import DialogueEntry, Topic
from raad.membership.models import Person

from .topics import topic_create

ENTRY_FIELDS = ("held_on", "counterpart", "organisation", "learned", "follow_up")


def _cleaned(
    council: Council,
    *,
    held_on: datetime.date | None,
    counterpart: str,
    organisation: str,
    learned: str,
    follow_up: str,
    topics: Iterable[Topic],
) -> tuple[dict, list[Topic]]:
    learned = clean_text(learned)
    data = {
        "held_on": held_on,
        "counterpart": counterpart,
        "organisation": clean_text(organisation),
        "learned": learned,
        "follow_up": clean_text(follow_up),
    }
    violations = []
    if held_on is None:
        violations.append(Violation("held_on", _("Angiv datoen.")))
    elif held_on > timezone.localdate():
        violations.append(Violation("held_on", _("Datoen kan ikke ligge i fremtiden.")))
    if counterpart not in DialogueEntry.Counterpart.values:
        violations.append(Violation("counterpart", _("Vælg, hvem rådet talte med.")))
    if not learned.strip():
        violations.append(Violation("learned", _("Skriv, hvad rådet hørte.")))
    topics = list(topics)
    if any(t.council_id != council.pk for t in topics):
        violations.append(Violation("topics", _("Emnet hører til et andet råd.")))
    if violations:
        raise RuleViolation(violations)
    return data, topics


@transaction.atomic
def dialogue_entry_record(
    *,
    council: Council,
    held_on: datetime.date | None,
    counterpart: str,
    learned: str,
    organisation: str = "",
    follow_up: str = "",
    participants: Iterable[Person] = (),
    topics: Iterable[Topic] = (),
    by: User | None,
) -> DialogueEntry:
    """Record one dialogue: date, with whom, what the council heard, the follow-up, who from the council took part
    and which topics it concerns."""
    ensure_not_archived(council)
    data, topics = _cleaned(
        council,
        held_on=held_on,
        counterpart=counterpart,
        organisation=organisation,
        learned=learned,
        follow_up=follow_up,
        topics=topics,
    )
    entry = DialogueEntry.objects.create(council=council, recorded_by=by if by and by.pk else None, **data)
    entry.participants.set(list(participants))
    entry.topics.set(topics)
    audit.record(
        actor=by,
        verb="dialogue_entry.recorded",
        target=entry,
        council_id=council.pk,
        changes=audit.created(**audit.snapshot(entry, ENTRY_FIELDS), topics=[t.number for t in topics]),
    )
    return entry


@transaction.atomic
def dialogue_entry_update(
    *,
    entry: DialogueEntry,
    held_on: datetime.date | None,
    counterpart: str,
    learned: str,
    organisation: str = "",
    follow_up: str = "",
    participants: Iterable[Person] = (),
    topics: Iterable[Topic] = (),
    by: User | None,
) -> DialogueEntry:
    entry = DialogueEntry.objects.select_for_update(of=("self",)).select_related("council").get(pk=entry.pk)
    ensure_not_archived(entry.council)
    data, topics = _cleaned(
        entry.council,
        held_on=held_on,
        counterpart=counterpart,
        organisation=organisation,
        learned=learned,
        follow_up=follow_up,
        topics=topics,
    )
    fields_update(
        instance=entry,
        fields=ENTRY_FIELDS,
        data=data,
        verb="dialogue_entry.updated",
        by=by,
        council_id=entry.council_id,
        record_unchanged=True,
    )
    entry.participants.set(list(participants))
    entry.topics.set(topics)
    return entry


@transaction.atomic
def topic_create_from_entry(*, entry: DialogueEntry, title: str, by: User | None) -> Topic:
    """What the council heard becomes a topic (not public until the secretariat publishes it), linked to the
    entry; its summary starts from what was learned."""
    topic = topic_create(council=entry.council, title=title, summary=entry.learned, published=False, by=by)
    entry.topics.add(topic)
    audit.record(
        actor=by,
        verb="dialogue_entry.topic_added",
        target=entry,
        council_id=entry.council_id,
        changes=audit.created(topic=topic.number),
    )
    return topic
