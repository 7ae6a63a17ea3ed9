"""Topics (emner, signaler): writes (raad.dialogue.services.topics).

A topic moves open → on the agenda → discussed (the meeting was held) → the council's statement → followed up
(what the board or administration did). Each move is journalled, and every inquirer of the topic who asked
for an answer by e-mail (and whose address is still there) hears of it once, in the language they wrote in;
each move is also an `InquiryEvent` on their status page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from raad.core import audit, mail, search
from raad.core.errors import RuleViolation
from raad.core.i18n import in_council_language, in_recipient_language
from raad.core.links import absolute_url
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.core.text import clean_text
from raad.councils.models import Council, Purpose
from raad.councils.rules import Violation, purpose_of_other_council, reference
from raad.councils.selectors import NoRulesInForce, purposes_outside, rules_in_force
from raad.councils.services import ensure_not_archived
from raad.dialogue.models import Inquiry, InquiryEvent, Topic
from raad.dialogue.services.inquirer_mail import notify_inquirer
from raad.meetings import rules as meeting_rules
from raad.meetings import selectors as meetings_selectors
from raad.meetings import services as meetings_services
from raad.meetings.models import AgendaItem, Meeting
from raad.statements.models import Statement

TOPIC_FIELDS = ("title", "summary", "published", "raised_elsewhere_count")

# The moves an inquirer hears of (Topic.Status values).
NOTIFIED_MOVES = (
    Topic.Status.ON_AGENDA,
    Topic.Status.DISCUSSED,
    Topic.Status.STATEMENT,
    Topic.Status.FOLLOWED_UP,
)


def _lock(topic: Topic) -> Topic:
    return Topic.objects.select_for_update(of=("self",)).select_related("council").get(pk=topic.pk)


def _purposes(council: Council, purposes: Iterable[Purpose]) -> list[Purpose]:
    purposes = list(purposes)
    if purposes_outside(council.pk, purposes):
        raise RuleViolation([purpose_of_other_council()])
    return purposes


def _clean_fields(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    for name in ("title", "summary"):
        if name in cleaned:
            cleaned[name] = clean_text(cleaned[name])
    if "title" in cleaned and not cleaned["title"].strip():
        raise RuleViolation([Violation("title", _("Skriv emnets titel."))])
    if "raised_elsewhere_count" in cleaned:
        count = cleaned["raised_elsewhere_count"]
        if count is None or int(count) < 0:
            raise RuleViolation([Violation("raised_elsewhere_count", _("Antallet kan ikke være negativt."))])
        cleaned["raised_elsewhere_count"] = int(count)
    return cleaned


def _check_open(topic: Topic) -> None:
    ensure_not_archived(topic.council)
    if topic.status == Topic.Status.CLOSED:
        raise RuleViolation(_("Emnet er afsluttet og kan ikke ændres."))


@transaction.atomic
def topic_create(
    *,
    council: Council,
    title: str,
    summary: str = "",
    purposes: Iterable[Purpose] = (),
    published: bool = False,
    raised_elsewhere_count: int = 0,
    by: User | None,
    source: Inquiry | None = None,
    verb: str = "topic.created",
) -> Topic:
    """A new topic with the council's next number; text passes core.redaction (CPR numbers masked, R30).
    The one way a topic is made: the inquiries service passes the inquiry that raised it (`source`, its
    reference is journalled) and its own audit verb."""
    ensure_not_archived(council)
    Council.objects.select_for_update().filter(pk=council.pk).first()  # numbers are given one at a time
    data = _clean_fields(
        {"title": title, "summary": summary, "published": published, "raised_elsewhere_count": raised_elsewhere_count}
    )
    purposes = _purposes(council, purposes)
    number = (Topic.objects.filter(council=council).aggregate(m=Max("number"))["m"] or 0) + 1
    topic = Topic.objects.create(council=council, number=number, created_by=by if by and by.pk else None, **data)
    topic.purposes.set(purposes)
    changes = audit.created(number=number, purposes=[p.number for p in purposes], **data)
    if source is not None:
        changes["inquiry"] = {"before": None, "after": source.reference}
    audit.record(
        actor=by,
        verb=verb,
        target=topic,
        council_id=council.pk,
        changes=changes,
    )
    search.refresh_on_commit("topic", topic.pk)  # the search index follows (raad.core.search)
    return topic


@transaction.atomic
def topic_update(*, topic: Topic, data: dict[str, Any], by: User | None) -> Topic:
    """Change title, summary, purposes, whether it is public, and how many raised it elsewhere."""
    topic = _lock(topic)
    _check_open(topic)
    cleaned = _clean_fields({k: v for k, v in data.items() if k in TOPIC_FIELDS})
    purposes = _purposes(topic.council, data["purposes"]) if "purposes" in data else None
    before = audit.snapshot(topic, TOPIC_FIELDS)
    before_purposes = sorted(topic.purposes.values_list("number", flat=True)) if purposes is not None else None
    for name, value in cleaned.items():
        setattr(topic, name, value)
    topic.save(update_fields=[*TOPIC_FIELDS, "updated_at"])
    changes = audit.diff(before, audit.snapshot(topic, TOPIC_FIELDS))
    if purposes is not None:
        topic.purposes.set(purposes)
        after_purposes = sorted(p.number for p in purposes)
        if after_purposes != before_purposes:
            changes["purposes"] = {"before": before_purposes, "after": after_purposes}
    if changes:
        audit.record(actor=by, verb="topic.updated", target=topic, council_id=topic.council_id, changes=changes)
    search.refresh_on_commit("topic", topic.pk)  # the search index follows (raad.core.search)
    return topic


def _meeting_label(meeting: Meeting) -> str:
    return formats.date_format(timezone.localtime(meeting.starts_at), "DATE_FORMAT")


def _next_meeting_for(council: Council, now: datetime.datetime) -> Meeting:
    """The council's next meeting whose agenda is still open: planned, the notice not sent, and the notice
    deadline (R15: the agenda goes out at least N days before) not passed."""
    try:
        days = rules_in_force(council, timezone.localdate(now)).notice_deadline_days
    except NoRulesInForce:
        raise RuleViolation(_("Rådet har ingen forretningsorden i kraft.")) from None
    for meeting in meetings_selectors.open_meetings(council.pk, after=now)[:20]:
        if meeting_rules.notice_deadline(meeting.starts_at, days) > now:
            return meeting
    raise RuleViolation(
        _(
            "Der er intet kommende møde, hvis dagsorden stadig er åben: dagsordenen udsendes senest %(days)s dage "
            "før mødet (%(ref)s). Planlæg mødet først."
        )
        % {"days": days, "ref": reference("notice_deadline_days")}
    )


def _item_in_play(topic: Topic) -> AgendaItem | None:
    item = topic.agenda_item
    if item is None or item.meeting.status == Meeting.Status.CANCELLED:
        return None
    if item.admission == AgendaItem.Admission.REFUSED:
        return None
    return item


@transaction.atomic
def topic_place_on_agenda(*, topic: Topic, by: User | None, now: datetime.datetime | None = None) -> AgendaItem:
    """One click: the topic becomes a new item (for discussion) on the next meeting whose agenda is still open,
    through the meetings app's `item_add`; refused, naming the rule, when no meeting fits or the topic is
    already on an agenda."""
    topic = _lock(topic)
    _check_open(topic)
    now = now or timezone.now()
    current = _item_in_play(topic)
    if current is not None:
        raise RuleViolation(
            _("Emnet står allerede på dagsordenen for mødet %(date)s.") % {"date": _meeting_label(current.meeting)}
        )
    meeting = _next_meeting_for(topic.council, now)
    with in_council_language(topic.council):
        presentation = topic.summary or ""
        footer = _("Emne nr. %(number)s fra rådets dialog med borgerne.") % {"number": topic.number}
    item = meetings_services.item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.DISCUSSION,
        title=topic.title,
        case_presentation=f"{presentation}\n\n{footer}".strip(),
        purposes=list(topic.purposes.all()),
        by=by,
    )
    _move(topic, status=Topic.Status.ON_AGENDA, by=by, verb="topic.placed_on_agenda", item=item)
    return item


@transaction.atomic
def topic_agenda_item_link(*, topic: Topic, item: AgendaItem, by: User | None) -> Topic:
    """The topic was (or will be) discussed under an existing item of one of the council's meetings: on the
    agenda, or discussed when that meeting is held."""
    topic = _lock(topic)
    _check_open(topic)
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    if item.meeting.council_id != topic.council_id:
        raise RuleViolation(_("Dagsordenspunktet hører til et andet råds møde."))
    if item.meeting.status == Meeting.Status.CANCELLED:
        raise RuleViolation(_("Mødet er aflyst."))
    if topic.agenda_item_id == item.pk:
        raise RuleViolation(_("Emnet er allerede knyttet til dette dagsordenspunkt."))
    held = item.meeting.status == Meeting.Status.HELD
    status = Topic.Status.DISCUSSED if held else Topic.Status.ON_AGENDA
    return _move(topic, status=status, by=by, verb="topic.agenda_item_linked", item=item)


@transaction.atomic
def topic_mark_discussed(*, topic: Topic, by: User | None) -> Topic:
    """The meeting where the topic was on the agenda has been held: the topic is discussed."""
    topic = _lock(topic)
    _check_open(topic)
    item = _item_in_play(topic)
    if item is None:
        raise RuleViolation(_("Emnet står ikke på en dagsorden. Sæt det på dagsordenen først."))
    if item.meeting.status != Meeting.Status.HELD:
        raise RuleViolation(_("Mødet %(date)s er ikke afholdt endnu.") % {"date": _meeting_label(item.meeting)})
    if topic.status != Topic.Status.ON_AGENDA:
        raise RuleViolation(_("Emnet er allerede registreret som drøftet."))
    return _move(topic, status=Topic.Status.DISCUSSED, by=by, verb="topic.discussed")


@transaction.atomic
def topic_statement_link(*, topic: Topic, statement: Statement, by: User | None) -> Topic:
    """The council answered the topic with a statement it has adopted."""
    topic = _lock(topic)
    _check_open(topic)
    if statement.council_id != topic.council_id:
        raise RuleViolation([Violation("statement", _("Udtalelsen hører til et andet råd."))])
    if statement.status == Statement.Status.DRAFT:
        raise RuleViolation([Violation("statement", _("Udtalelsen er ikke vedtaget endnu."))])
    if topic.statement_id == statement.pk:
        raise RuleViolation([Violation("statement", _("Udtalelsen er allerede knyttet til emnet."))])
    return _move(topic, status=Topic.Status.STATEMENT, by=by, verb="topic.statement_linked", statement=statement)


@transaction.atomic
def topic_outcome_register(*, topic: Topic, outcome: str, outcome_on: datetime.date, by: User | None) -> Topic:
    """What the board or the administration did about it (text and date): the topic is followed up."""
    topic = _lock(topic)
    _check_open(topic)
    outcome = clean_text(outcome)
    violations = []
    if not outcome.strip():
        violations.append(Violation("outcome", _("Skriv, hvad kommunalbestyrelsen eller forvaltningen gjorde.")))
    if outcome_on is None:
        violations.append(Violation("outcome_on", _("Angiv datoen.")))
    elif outcome_on > timezone.localdate():
        violations.append(Violation("outcome_on", _("Datoen kan ikke ligge i fremtiden.")))
    if violations:
        raise RuleViolation(violations)
    return _move(
        topic, status=Topic.Status.FOLLOWED_UP, by=by, verb="topic.followed_up", outcome=outcome, outcome_on=outcome_on
    )


@transaction.atomic
def topic_close(*, topic: Topic, by: User | None) -> Topic:
    """The council has finished with the topic (it stays public if it was)."""
    topic = _lock(topic)
    _check_open(topic)
    return _move(topic, status=Topic.Status.CLOSED, by=by, verb="topic.closed")


def _move(
    topic: Topic,
    *,
    status: str,
    by: User | None,
    verb: str,
    item: AgendaItem | None = None,
    statement: Statement | None = None,
    outcome: str | None = None,
    outcome_on: datetime.date | None = None,
) -> Topic:
    fields = ["status", "updated_at"]
    changes = audit.changed(status=(topic.status, status))
    if item is not None:
        changes.update(audit.changed(agenda_item=(topic.agenda_item_id, item.pk)))
        topic.agenda_item = item
        fields.append("agenda_item")
    if statement is not None:
        changes.update(audit.changed(statement=(topic.statement_id, statement.pk)))
        topic.statement = statement
        fields.append("statement")
    if outcome is not None:
        # The dates are journalled as ISO text (audit's own conversion).
        changes.update(audit.changed(outcome=(topic.outcome, outcome), outcome_on=(topic.outcome_on, outcome_on)))
        topic.outcome, topic.outcome_on = outcome, outcome_on
        fields += ["outcome", "outcome_on"]
    topic.status = status
    topic.save(update_fields=fields)
    audit.record(actor=by, verb=verb, target=topic, council_id=topic.council_id, changes=changes)
    if status in NOTIFIED_MOVES:
        _tell_inquirers(topic, status)
    return topic


def _move_key(topic: Topic, status: str) -> str:
    """What makes a move one move: the item for the agenda and the discussion (a new meeting after a
    cancelled one is a new move), the statement, the follow-up."""
    if status in (Topic.Status.ON_AGENDA, Topic.Status.DISCUSSED):
        return f"{status}:{topic.agenda_item_id}"
    if status == Topic.Status.STATEMENT:
        return f"{status}:{topic.statement_id}"
    return str(status)


def move_note(topic: Any, status: str) -> str:
    """What the inquirer is told, in the active language (no personal data)."""
    item = topic.agenda_item
    if status == Topic.Status.ON_AGENDA and item is not None:
        return _("Rådet drøfter emnet »%(title)s« på mødet %(date)s.") % {
            "title": topic.title,
            "date": _meeting_label(item.meeting),
        }
    if status == Topic.Status.DISCUSSED and item is not None:
        return _("Rådet drøftede emnet »%(title)s« på mødet %(date)s.") % {
            "title": topic.title,
            "date": _meeting_label(item.meeting),
        }
    if status == Topic.Status.STATEMENT:
        return _("Rådet har givet en udtalelse om emnet »%(title)s«.") % {"title": topic.title}
    return _("Der er fulgt op på emnet »%(title)s«: %(outcome)s") % {"title": topic.title, "outcome": topic.outcome}


def _tell_inquirers(topic: Topic, status: str) -> None:
    """An event on each inquiry's status page and, for those who asked for an answer by e-mail and whose
    address is still there, one e-mail per move, in the language they wrote in."""
    inquiries = list(
        Inquiry.objects.filter(topic=topic, erased_at__isnull=True)
        .select_related("council")
        .exclude(classification=Inquiry.Classification.INDIVIDUAL)
    )
    if not inquiries:
        return
    key = _move_key(topic, status)
    now = timezone.now()
    events = []
    url = absolute_url(topic.get_absolute_url()) if topic.published else ""
    with mail.batch():
        for inquiry in inquiries:
            with in_recipient_language(inquiry, topic.council):
                note = mask_cpr(move_note(_Shown(topic), status))
            event = InquiryEvent(inquiry=inquiry, status=Inquiry.Status.TOPIC, at=now, note=note)
            events.append(event)
            notify_inquirer(
                inquiry,
                event,
                key=f"dialogue.topic:{topic.pk}:{key}:{inquiry.pk}",
                template="dialogue/inquiries/email/topic_moved",
                context={"note": note, "url": url},
            )
    InquiryEvent.objects.bulk_create(events)


class _Shown:
    """The topic as an inquirer reads it: the title in the active language."""

    def __init__(self, topic: Topic):
        from raad.core.translations import localized

        self._topic = topic
        self.title = localized(topic, "title")
        self.outcome = localized(topic, "outcome")
        self.agenda_item = topic.agenda_item


def topics_discussed_after_meetings(*, by: User | None = None) -> list[Topic]:
    """Every topic on the agenda of a meeting that has been held becomes discussed (and its inquirers hear of it).
    Idempotent: run it after meetings (the `topics_discussed` command); each topic moves once."""
    waiting = list(
        Topic.objects.filter(status=Topic.Status.ON_AGENDA, agenda_item__meeting__status=Meeting.Status.HELD)
        .exclude(agenda_item__admission=AgendaItem.Admission.REFUSED)
        .order_by("council_id", "number")
    )
    moved = []
    for topic in waiting:  # one service call each: its own lock, journal entry and notices
        try:
            moved.append(topic_mark_discussed(topic=topic, by=by))
        except RuleViolation:
            continue  # archived council, or closed meanwhile
    return moved
