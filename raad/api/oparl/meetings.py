"""Meeting and AgendaItem: every meeting of the councils; its open items once the notice is sent (R20: a closed
item never appears, not even by its number)."""

from __future__ import annotations

from dataclasses import replace

from django.http import HttpRequest, JsonResponse

from raad.councils import selectors as councils
from raad.meetings import selectors as meetings
from raad.meetings.models import AgendaItem, Meeting

from .common import (
    Source,
    compact,
    list_page,
    not_found,
    object_answer,
    stamps,
    type_of,
    url,
    web,
    when,
)
from .files import agenda_file, attachment_file, minutes_file
from .locations import meeting_location


def agenda_item(item: AgendaItem, meeting: Meeting | None = None) -> dict:
    meeting = meeting or item.meeting
    result = meetings.public_item_result(item, meeting)  # once the minutes are published
    return compact(
        {
            "id": url("agenda_item", item.pk),
            "type": type_of("AgendaItem"),
            "meeting": url("meeting", meeting.pk),
            "number": str(item.position),
            "order": item.position,
            "name": item.title,
            "public": True,
            "result": result.outcome if result is not None else None,
            "resolutionText": result.text if result is not None else None,
            "auxiliaryFile": [attachment_file(a) for a in item.attachments.all()],
            "web": web(meeting.get_public_url()),
            **stamps(item),
        }
    )


def meeting_object(meeting: Meeting) -> dict:
    items = meeting.public_items
    for item in items:
        item.meeting = meeting  # the prefetched items' meeting is this one: no query per item
    return compact(
        {
            "id": url("meeting", meeting.pk),
            "type": type_of("Meeting"),
            "name": str(meeting),
            "meetingState": str(meeting.get_status_display()),
            "cancelled": meeting.status == Meeting.Status.CANCELLED,
            "start": when(meeting.starts_at),
            "end": when(meeting.ends_at),
            "location": meeting_location(meeting) if meeting.location else None,
            "organization": [url("organization_council", meeting.council_id)],
            "invitation": agenda_file(meeting) if meeting.notice_sent else None,
            "resultsProtocol": minutes_file(meeting) if meeting.has_minutes else None,
            "agendaItem": [agenda_item(item, meeting) for item in items],
            "web": web(meeting.get_public_url()),
            **stamps(meeting),
        }
    )


MEETINGS = Source(
    type="Meeting",
    rows=meetings.public_meetings_with_items_in,
    serialize=meeting_object,
    object_url=lambda m: url("meeting", m.pk),
)
ITEMS = Source(
    type="AgendaItem",
    rows=meetings.public_items_in,
    gone=meetings.public_unpublished_items_in,  # closed after the agenda went out, or refused admission
    gone_modified="unpublished_at",
    serialize=agenda_item,
    object_url=lambda i: url("agenda_item", i.pk),
)


def meeting_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_meetings", pk), [MEETINGS], pk)


def council_meeting_list(request: HttpRequest, pk: int) -> JsonResponse:
    """The external list of one council's meetings (Organization.meeting)."""
    if not councils.public_councils().filter(pk=pk).exists():
        return not_found(request)
    of_council = replace(MEETINGS, rows=lambda body_id: meetings.public_meetings_with_items_in(body_id, council_id=pk))
    return list_page(request, url("organization_council_meetings", pk), [of_council], None)


def meeting_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, MEETINGS, pk)


def agenda_item_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_agenda_items", pk), [ITEMS], pk)


def agenda_item_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, ITEMS, pk)
