"""The public pages of meetings: by year, one meeting's agenda and published minutes (open items only),
the calendar, iCal feeds and PDFs. Everything comes from `public_…` selectors."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import ical as core_ical
from raad.core.pagination import paginate
from raad.core.pdf import pdf_response
from raad.core.workspace import council_for, public_crumbs
from raad.councils.models import Council
from raad.meetings import ical, pdf, selectors
from raad.meetings.forms import year_from_query
from raad.meetings.models import Attachment, Meeting


def _section(council: Council) -> tuple[str, str]:
    return (_("Møder"), reverse("meetings_public:list", args=[council.slug]))


def _meeting(council: Council, pk: int) -> Meeting:
    try:
        return selectors.public_meeting(council, pk)
    except Meeting.DoesNotExist:
        raise Http404(_("Mødet findes ikke.")) from None


def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    years = selectors.meeting_years(council) or [timezone.localdate().year]
    this_year = timezone.localdate().year
    year = year_from_query(request.GET.get("aar"), this_year if this_year in years else years[0])
    next_meeting = selectors.public_next_meeting(council)
    return render(
        request,
        "meetings/public/list.html",
        {
            "council": council,
            "year": year,
            "years": years,
            "page": paginate(request, selectors.public_meetings_listed(council, year)),
            "next_meeting": next_meeting,
            "public_may_attend": selectors.public_may_attend(next_meeting) if next_meeting else None,
            "crumbs": public_crumbs(council, section=_section(council)),
        },
    )


def meeting_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = council_for(request, slug)
    meeting = _meeting(council, pk)
    return render(
        request,
        "meetings/public/meeting.html",
        {
            "council": council,
            "meeting": meeting,
            "items": selectors.public_agenda(meeting),
            "minutes": selectors.public_minutes(meeting),
            "public_may_attend": selectors.public_may_attend(meeting),
            "crumbs": public_crumbs(council, (str(meeting), None), section=_section(council)),
        },
    )


def agenda_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = council_for(request, slug)
    meeting = _meeting(council, pk)
    if not meeting.notice_sent:
        raise Http404(_("Dagsordenen er ikke udsendt endnu."))
    return pdf_response(request, pdf.public_agenda(request, meeting), filename=f"dagsorden-{meeting.pk}.pdf")


def minutes_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = council_for(request, slug)
    meeting = _meeting(council, pk)
    minutes = selectors.public_minutes(meeting)
    if minutes is None:
        raise Http404(_("Referatet er ikke offentliggjort."))
    return pdf_response(request, pdf.public_minutes(request, meeting, minutes), filename=f"referat-{meeting.pk}.pdf")


def attachment(request: HttpRequest, slug: str, pk: int, attachment_pk: int) -> FileResponse:
    council = council_for(request, slug)
    try:
        found = selectors.public_attachment(council, pk, attachment_pk)
    except Attachment.DoesNotExist:
        raise Http404(_("Bilaget findes ikke.")) from None
    return FileResponse(
        found.file.open("rb"), content_type=found.content_type, filename=found.file.name.rsplit("/", 1)[-1]
    )


def calendar_page(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    today = timezone.now()
    return render(
        request,
        "meetings/public/calendar.html",
        {
            "council": council,
            "upcoming": selectors.public_meetings(council).filter(starts_at__gte=today),
            "feed_url": request.build_absolute_uri(reverse("meetings_public:feed", args=[slug])),
            "crumbs": public_crumbs(council, (_("Kalender"), None), section=_section(council)),
        },
    )


def _ics(data: bytes) -> HttpResponse:
    return HttpResponse(data, content_type="text/calendar; charset=utf-8")


def public_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """The meetings of the last year and every one ahead (the whole history is in the API and on the pages)."""
    council = council_for(request, slug)
    data = ical.public_feed(selectors.public_feed_meetings(council, timezone.now()), council_name=council.name)
    return core_ical.response(request, data)


def member_feed(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    council = council_for(request, slug)
    found = selectors.member_feed_meetings(token)
    if found is None or found[0].council_id != council.pk:
        raise Http404
    response = _ics(
        ical.member_feed(
            found[1],
            council_name=council.name,
        )
    )
    response["Cache-Control"] = "private, no-store"
    return response
