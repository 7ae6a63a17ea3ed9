"""Meetings with their public agenda and published minutes, and the open agenda items (R20: a closed item is
only its number and `closed: true`, never its title or text)."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema

from raad.meetings.models import AgendaItem, Meeting
from raad.meetings.selectors import (
    public_agenda,
    public_agenda_items,
    public_meeting,
    public_meetings_listed,
    public_minutes,
)

from .common import (
    ID,
    MODIFIED_SINCE,
    PAGE_PARAMS,
    PAGE_QUERY,
    PAGE_SIZE_QUERY,
    YEAR,
    check_params,
    link,
    not_found,
    paginate,
    set_last_modified,
    since,
)
from .councils import SLUG, council_or_404
from .schemas import Page

MEETING = Query(None, ge=1, le=2**31 - 1, description=gettext_lazy("Kun punkterne fra dette møde"))

router = Router(tags=["meetings"])


class AttachmentOut(Schema):
    id: int
    title: str
    size: int
    content_type: str
    url: str


class MeetingOut(Schema):
    id: int
    council: str
    kind: str
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    address: str
    room: str
    notice_sent: bool
    has_minutes: bool
    html_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


class AgendaEntryOut(Schema):
    position: int
    closed: bool
    kind: str = ""
    title: str = ""
    case_presentation: str = ""
    proposed_decision: str = ""
    late: bool = False
    attachments: list[AttachmentOut] = []


class MinutesItemOut(Schema):
    position: int
    closed: bool
    kind: str = ""
    title: str = ""
    text: str = ""
    outcome: str = ""


class MinutesOut(Schema):
    version: int
    approved_on: datetime.date | None
    introduction: str
    items: list[MinutesItemOut]


class MeetingDetailOut(MeetingOut):
    agenda: list[AgendaEntryOut]
    minutes: MinutesOut | None


class AgendaItemOut(Schema):
    id: int
    meeting: int
    position: int
    kind: str
    title: str
    case_presentation: str
    proposed_decision: str
    late: bool
    attachments: list[AttachmentOut]
    html_url: str
    updated_at: datetime.datetime


def _attachment_url(slug: str, meeting_id: int, pk: int) -> str:
    return link("meetings_public:attachment", slug, meeting_id, pk)


def meeting_out(meeting: Meeting, has_minutes: bool) -> dict:
    slug = meeting.council.slug
    return {
        "id": meeting.pk,
        "council": slug,
        "kind": meeting.kind,
        "status": meeting.status,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "address": meeting.address,
        "room": meeting.room.name if meeting.room else "",
        "notice_sent": meeting.notice_sent_at is not None,
        "has_minutes": has_minutes,
        "html_url": link("meetings_public:meeting", slug, meeting.pk),
        "created_at": meeting.created_at,
        "updated_at": meeting.updated_at,
    }


@router.get(
    "/councils/{slug}/meetings",
    response=Page[MeetingOut],
    summary=gettext_lazy("Møder"),
    description=gettext_lazy("Rådets møder (planlagte, afholdte og aflyste), sorteret efter id."),
)
def meeting_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = SLUG,
    year: int | None = YEAR,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, ("year", *PAGE_PARAMS))
    council = council_or_404(slug)
    qs = since(public_meetings_listed(council, year), modified_since)
    return paginate(
        request, response, qs, page=page, page_size=page_size, serialize=lambda m: meeting_out(m, m.has_minutes)
    )


@router.get(
    "/councils/{slug}/meetings/{meeting_id}",
    response=MeetingDetailOut,
    summary=gettext_lazy("Ét møde"),
    description=gettext_lazy(
        "Et møde med dagsordenen, når indkaldelsen er sendt (åbne punkter i fuld længde, lukkede punkter kun med deres nummer), og referatet, når det er godkendt og offentliggjort (seneste version)."
    ),
)
def meeting_detail(request: HttpRequest, response: HttpResponse, slug: str = SLUG, meeting_id: int = ID):
    check_params(request, ())
    council = council_or_404(slug)
    try:
        meeting = public_meeting(council, meeting_id)
    except Meeting.DoesNotExist:
        raise not_found() from None
    minutes = public_minutes(meeting)
    agenda = [
        {"position": item.position, "closed": True}
        if item.closed
        else {
            "position": item.position,
            "closed": False,
            "kind": item.kind,
            "title": item.title,
            "case_presentation": item.case_presentation,
            "proposed_decision": item.proposed_decision,
            "late": item.late,
            "attachments": [
                {
                    "id": a.pk,
                    "title": a.title,
                    "size": a.size,
                    "content_type": a.content_type,
                    "url": _attachment_url(slug, meeting.pk, a.pk),
                }
                for a in item.attachments
            ],
        }
        for item in public_agenda(meeting)
    ]
    set_last_modified(response, [meeting.updated_at])
    return {
        **meeting_out(meeting, minutes is not None),
        "agenda": agenda,
        "minutes": {
            "version": minutes.number,
            "approved_on": minutes.approved_on,
            "introduction": minutes.introduction,
            "items": [
                {"position": e["position"], "closed": True}
                if e["closed"]
                else {
                    "position": e["position"],
                    "closed": False,
                    "kind": e.get("kind", ""),
                    "title": e["title"],
                    "text": e["text"],
                    "outcome": e.get("outcome", ""),
                }
                for e in minutes.items
            ],
        }
        if minutes is not None
        else None,
    }


def agenda_item_out(item: AgendaItem, slug: str) -> dict:
    return {
        "id": item.pk,
        "meeting": item.meeting_id,
        "position": item.position,
        "kind": item.kind,
        "title": item.title,
        "case_presentation": item.case_presentation,
        "proposed_decision": item.proposed_decision,
        "late": item.is_late,
        "attachments": [
            {
                "id": a.pk,
                "title": a.title,
                "size": a.size,
                "content_type": a.content_type,
                "url": _attachment_url(slug, item.meeting_id, a.pk),
            }
            for a in item.attachments.all()
        ],
        "html_url": link("meetings_public:meeting", slug, item.meeting_id),
        "updated_at": item.updated_at,
    }


@router.get(
    "/councils/{slug}/agenda-items",
    response=Page[AgendaItemOut],
    summary=gettext_lazy("Åbne dagsordenspunkter"),
    description=gettext_lazy(
        "De åbne dagsordenspunkter fra alle møder, hvis indkaldelse er sendt, med deres åbne bilag, sorteret efter id. Lukkede punkter vises ikke."
    ),
)
def agenda_item_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = SLUG,
    meeting: int | None = MEETING,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, ("meeting", *PAGE_PARAMS))
    council = council_or_404(slug)
    qs = since(public_agenda_items(council), modified_since)
    if meeting is not None:
        qs = qs.filter(meeting_id=meeting)
    return paginate(
        request, response, qs, page=page, page_size=page_size, serialize=lambda i: agenda_item_out(i, council.slug)
    )
