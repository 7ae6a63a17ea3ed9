"""Helpers for the topic and dialogue-log tests: meetings as of today, inquiries built directly (the inquiry
services are another slice's; these tests only need rows to count and notify), statements adopted at a meeting."""

from __future__ import annotations

import datetime
import itertools

from django.urls import reverse
from django.utils import timezone

from raad.dialogue.models import Inquiry, Topic
from raad.meetings import services as meetings

_references = itertools.count(1)


def url(council, name: str, *args) -> str:
    """The path of a dialogue page of `council` (`dialogue:<name>`)."""
    return reverse(f"dialogue:{name}", args=[council.slug, *args])


def at_days(days: int, hour: int = 17) -> datetime.datetime:
    """A Copenhagen time `days` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_default_timezone())


def plan(council, days: int = 30, by=None):
    return meetings.meeting_plan(council=council, starts_at=at_days(days), place="Holbæk Rådhus", by=by)


def hold(meeting, by=None):
    """Send the notice (with a first item when the agenda is empty) and mark the meeting held."""
    from raad.meetings.models import AgendaItem

    if not AgendaItem.objects.filter(meeting=meeting).exists():
        meetings.item_add(meeting=meeting, title="Meddelelser", kind="information", by=by)
    meetings.meeting_send_notice(meeting=meeting, by=by, now=meeting.starts_at - datetime.timedelta(days=8))
    return meetings.meeting_mark_held(meeting=meeting, by=by)


def inquiry(
    topic: Topic | None,
    *,
    council=None,
    text: str = "Vi mangler lektiehjælp.",
    language: str = "da",
    email: str = "",
    reply_by: str = Inquiry.ReplyBy.EMAIL,
    consent: bool = False,
    name: str = "",
    erased: bool = False,
) -> Inquiry:
    return Inquiry.objects.create(
        council=council or topic.council,
        reference=f"H-T-{next(_references):05d}",
        kind=Inquiry.Kind.IDEA,
        text=text,
        language=language,
        name=name,
        email=email,
        reply_by=reply_by,
        consent_publish=consent,
        status=Inquiry.Status.TOPIC if topic else Inquiry.Status.RECEIVED,
        classification=Inquiry.Classification.GENERAL,
        topic=topic,
        erased_at=timezone.now() if erased else None,
    )


def adopted_statement(council, *, title: str, by, publish: bool = True, item_title: str = ""):
    """A statement of the council adopted at a held meeting, and sent (which publishes it) when `publish`."""
    from raad.statements import services as statements
    from raad.statements.models import Committee

    name = "Udvalget for Børn og Unge (test)"
    committee = Committee.objects.filter(municipality=council.municipality, name=name).first()
    committee = committee or statements.committee_create(
        municipality=council.municipality, name=name, email="boern.unge@holbaek.invalid", by=None
    )
    statement = statements.statement_create(
        council=council, kind="statement", title=title, recipient=committee, text="Rådet anbefaler mere.", by=by
    )
    meeting = plan(council, days=-5)
    item = meetings.item_add(
        meeting=meeting, title=item_title or title, proposed_decision="Rådet vedtager udtalelsen.", by=None
    )
    meetings.meeting_send_notice(meeting=meeting, by=None, now=meeting.starts_at - datetime.timedelta(days=8))
    from raad.membership.selectors import memberships_in_force

    members = [m.pk for m in memberships_in_force(council, timezone.localdate())]
    meetings.attendance_register(meeting=meeting, present=members, substitutes_present=[], by=None)
    decision = meetings.item_decide(
        item=item,
        text="Vedtaget.",
        votes_for=len(members),
        by=None,
        now=meeting.starts_at + datetime.timedelta(hours=1),
    )
    statement = statements.statement_adopt_at_meeting(statement=statement, decision=decision, by=by)
    if publish:
        statement = statements.statement_send(statement=statement, by=by)
    return statement
