"""The OParl tests' council: published, closed and unpublished content side by side.

- a held meeting with an open item (an open and a closed attachment) and a closed item, minutes published
  (`meetings.tests.factories.published_meeting`);
- a second held meeting whose minutes were published and then hidden again (`minutes_unpublish`);
- a planned meeting whose notice is not sent (its items are not public yet);
- a meeting whose agenda went out with an open item (and an open attachment) that was closed afterwards: a
  deleted AgendaItem and File that carry nothing of it;
- a consultation with a document, answered by a published statement; a draft statement; a statement adopted
  but not sent (so not published);
- a member who resigned (a deleted Membership and Person).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from raad.meetings import services as meetings
from raad.meetings.models import AgendaItem, Attachment, Meeting, Minutes
from raad.meetings.tests.conftest import all_present, at
from raad.meetings.tests.factories import SECRET, approved_by_circulation, published_meeting, tiny_pdf
from raad.membership.models import Membership
from raad.membership.services import member_resign
from raad.statements import services as statements
from raad.statements.models import Statement
from raad.statements.tests.conftest import adopt_at_meeting

DRAFT_SECRET = "OPARL-KLADDE"
UNSENT_SECRET = "OPARL-IKKE-SENDT"
WITHDRAWN_SECRET = "OPARL-LUKKET-EFTER-UDSENDELSE"


@dataclass
class Scenario:
    meeting: Meeting
    open_item: AgendaItem
    closed_item: AgendaItem
    closed_attachments: list[Attachment]
    unpublished: Minutes
    planned: Meeting
    withdrawn: AgendaItem
    withdrawn_attachment: Attachment
    published: Statement
    draft: Statement
    unsent: Statement
    resigned: Membership
    sitting: list[Membership]


def build(cast) -> Scenario:
    meeting, open_item, closed_item = published_meeting(cast)
    second = meetings.meeting_plan(
        council=cast.council, starts_at=at(2026, 12, 17), place="Rådhuset", by=cast.secretary
    )
    meetings.item_add(meeting=second, title="Sprogcaféen", case_presentation="<p>Om caféen.</p>", by=cast.secretary)
    meetings.meeting_send_notice(meeting=second, by=cast.secretary)
    all_present(second, cast)
    minutes = approved_by_circulation(cast, second)
    meetings.minutes_publish(minutes=minutes, by=cast.secretary)
    meetings.minutes_unpublish(minutes=minutes, by=cast.secretary)
    planned = meetings.meeting_plan(
        council=cast.council, starts_at=at(2027, 1, 14), place="Rådhuset", by=cast.secretary
    )
    meetings.item_add(meeting=planned, title="Ikke udsendt punkt", by=cast.secretary)
    later = meetings.meeting_plan(council=cast.council, starts_at=at(2027, 1, 7), place="Rådhuset", by=cast.secretary)
    withdrawn = meetings.item_add(
        meeting=later, title=WITHDRAWN_SECRET, case_presentation=f"<p>{WITHDRAWN_SECRET}</p>", by=cast.secretary
    )
    withdrawn_attachment = meetings.attachment_add(
        item=withdrawn,
        title=WITHDRAWN_SECRET,
        upload=SimpleUploadedFile("d.pdf", tiny_pdf(WITHDRAWN_SECRET)),
        by=cast.secretary,
    )
    meetings.meeting_send_notice(meeting=later, by=cast.secretary)
    meetings.item_update(item=withdrawn, data={"is_closed": True}, by=cast.secretary)  # after it was public

    council, secretary = cast.council, cast.secretary
    committee = statements.committee_create(
        municipality=council.municipality, name="Social- og Sundhedsudvalget", email="sosu@holbaek.invalid", by=None
    )
    consultation = statements.consultation_register(
        council=council,
        subject="Integrationspolitik 2027–2030",
        committee=committee,
        received_on=datetime.date(2026, 11, 2),
        deadline=timezone.localdate() + datetime.timedelta(days=30),  # open on any day the suite runs (test-clock)
        case_number="27.00.00-P15-3-26",
        by=secretary,
    )
    statements.consultation_document_add(
        consultation=consultation, title="Udkast til politik", filename="politik.pdf", data=tiny_pdf("Politik"), by=None
    )
    published = statements.statement_create(
        council=council,
        kind="response",
        title="Høringssvar om integrationspolitikken",
        consultation=consultation,
        text="Rådet støtter politikken.",
        by=secretary,
    )
    adopt_at_meeting(published, by=secretary, day=datetime.date(2026, 11, 24))
    statements.statement_send(statement=published, by=secretary)
    draft = statements.statement_create(
        council=council, kind="statement", title=DRAFT_SECRET, recipient=committee, text=DRAFT_SECRET, by=secretary
    )
    unsent = statements.statement_create(
        council=council, kind="comment", title=UNSENT_SECRET, recipient=committee, text=UNSENT_SECRET, by=secretary
    )
    adopt_at_meeting(unsent, by=secretary, day=datetime.date(2026, 11, 25))
    resigned = cast.members[-1]
    member_resign(membership=resigned, last_day=datetime.date(2026, 6, 30), by=cast.secretary)
    closed = list(Attachment.objects.filter(is_closed=True)) + list(Attachment.objects.filter(item=closed_item))
    return Scenario(
        meeting=meeting,
        open_item=open_item,
        closed_item=closed_item,
        closed_attachments=closed,
        unpublished=Minutes.objects.get(pk=minutes.pk),
        planned=planned,
        withdrawn=AgendaItem.objects.get(pk=withdrawn.pk),
        withdrawn_attachment=withdrawn_attachment,
        published=Statement.objects.get(pk=published.pk),
        draft=draft,
        unsent=unsent,
        resigned=Membership.objects.get(pk=resigned.pk),
        sitting=[m for m in cast.members if m.pk != resigned.pk],
    )


# (the unsent statement's title is public as the title of the open agenda item that adopted it; its paper is not)
SECRETS = [SECRET, DRAFT_SECRET, "Ikke udsendt punkt", WITHDRAWN_SECRET]
