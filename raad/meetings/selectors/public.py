"""Public reads: `public_…` functions are all a person without login may see (R20); the open meetings a
consultation can go to."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from raad.councils.models import Council
from raad.councils.selectors import NoRulesInForce
from raad.meetings.models import AgendaItem, Attachment, Decision, Meeting, Minutes, MinutesVersion

from .common import rules_for


def public_meetings(council: Council, year: int | None = None) -> QuerySet[Meeting]:
    """Dates, kind and place of meetings; nothing member-only."""
    qs = Meeting.objects.filter(council=council).select_related("council", "room").order_by("starts_at")
    if year is not None:
        qs = qs.filter(starts_at__year=year)
    return qs


# How far back the public iCal feed reaches; a calendar that subscribes wants what is coming, not 20 years.
PUBLIC_FEED_DAYS_BACK = 365


def public_feed_meetings(council: Council, now: datetime.datetime) -> list[Meeting]:
    """The public feed's meetings: those of the last `PUBLIC_FEED_DAYS_BACK` days and all ahead."""
    return list(public_meetings(council).filter(starts_at__gte=now - datetime.timedelta(days=PUBLIC_FEED_DAYS_BACK)))


def public_meeting(council: Council, pk: int) -> Meeting:
    return Meeting.objects.select_related("council", "room").get(council=council, pk=pk)


@dataclass
class PublicAttachment:
    pk: int
    title: str
    size: int
    content_type: str


@dataclass
class PublicItem:
    position: int
    closed: bool
    title: str = ""
    kind: str = ""
    kind_label: str = ""
    case_presentation: str = ""
    proposed_decision: str = ""
    late: bool = False
    attachments: list[PublicAttachment] = field(default_factory=list)


def public_agenda(meeting: Meeting) -> list[PublicItem]:
    """The agenda once the notice is sent: open items in full, a closed item only as "Lukket punkt"."""
    return public_agendas([meeting])[meeting.pk]


def public_agendas(meetings: Iterable[Meeting]) -> dict[int, list[PublicItem]]:
    """`public_agenda` of many meetings at once, by meeting pk (two queries for them all: the search index
    reads every meeting of the installation)."""
    meetings = list(meetings)
    agendas: dict[int, list[PublicItem]] = {meeting.pk: [] for meeting in meetings}
    items = (
        AgendaItem.objects.filter(meeting__in=[meeting for meeting in meetings if meeting.notice_sent])
        .exclude(admission=AgendaItem.Admission.REFUSED)
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.filter(is_closed=False).order_by("id")))
        .order_by("meeting_id", "position", "id")
    )
    for item in items:
        agendas[item.meeting_id].append(_public_item(item))
    return agendas


def _public_item(item: AgendaItem) -> PublicItem:
    if item.is_closed:
        return PublicItem(position=item.position, closed=True)
    return PublicItem(
        position=item.position,
        closed=False,
        title=item.title,
        kind=item.kind,
        kind_label=str(item.get_kind_display()),
        case_presentation=item.case_presentation,
        proposed_decision=item.proposed_decision,
        late=item.is_late,
        attachments=[PublicAttachment(a.pk, a.title, a.size, a.content_type) for a in item.attachments.all()],
    )


def public_attachment(council: Council, meeting_pk: int, pk: int) -> Attachment:
    """An attachment only if its meeting's notice is sent, its item is open and it is not closed itself."""
    return Attachment.objects.select_related("item__meeting").get(
        pk=pk,
        is_closed=False,
        item__is_closed=False,
        item__meeting__pk=meeting_pk,
        item__meeting__council=council,
        item__meeting__notice_sent_at__isnull=False,
    )


@dataclass
class PublicMinutes:
    introduction: str
    attendance: dict
    items: list[dict]
    versions: list[dict]
    approved_on: datetime.date | None
    number: int


def public_minutes(meeting: Meeting) -> PublicMinutes | None:
    """The published minutes, latest version, open items only (closed items as "Lukket punkt")."""
    return public_minutes_of([meeting]).get(meeting.pk)


def public_minutes_of(meetings: Iterable[Meeting]) -> dict[int, PublicMinutes]:
    """`public_minutes` of many meetings at once, by meeting pk; a meeting without published minutes is not in
    it (two queries for them all)."""
    published = (
        Minutes.objects.filter(meeting__in=list(meetings), is_published=True, status=Minutes.Status.APPROVED)
        .prefetch_related(Prefetch("versions", queryset=MinutesVersion.objects.order_by("-number")))
        .order_by("pk")
    )
    return {
        minutes.meeting_id: _public_minutes(list(minutes.versions.all()))
        for minutes in published
        if minutes.versions.all()
    }


def _public_minutes(versions: list[MinutesVersion]) -> PublicMinutes:
    latest = versions[0]
    items = [
        {"position": e["position"], "closed": True}
        if e.get("closed")
        else {
            "position": e["position"],
            "title": e["title"],
            "text": e["text"],
            "closed": False,
            "kind": e["kind"],
            "outcome": e.get("outcome") or "",
            # Labels in the reader's language, from the codes stored in the approved version.
            "kind_label": str(AgendaItem.Kind(e["kind"]).label),
            "outcome_label": str(Decision.Outcome(e["outcome"]).label) if e.get("outcome") else "",
        }
        for e in latest.content.get("items", [])
    ]
    return PublicMinutes(
        introduction=latest.content.get("introduction", ""),
        attendance=latest.content.get("attendance", {}),
        items=items,
        versions=[{"number": v.number, "created_at": v.created_at, "reason": v.correction_reason} for v in versions],
        approved_on=datetime.date.fromisoformat(latest.content["approved_on"])
        if latest.content.get("approved_on")
        else None,
        number=latest.number,
    )


def public_next_meeting(council: Council, *, now: datetime.datetime | None = None) -> Meeting | None:
    """The next meeting that is not cancelled (the front page and the meetings list mark it)."""
    return (
        Meeting.objects.filter(council=council, starts_at__gte=now or timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("council", "room")
        .order_by("starts_at", "id")
        .first()
    )


def public_may_attend(meeting: Meeting) -> bool | None:
    """Whether the public may attend: the rules of procedure in force on the meeting date (`meetings_public`);
    None when the council has no rules in force then."""
    try:
        return rules_for(meeting).meetings_public
    except NoRulesInForce:
        return None


def public_meetings_listed(council: Council, year: int | None = None) -> QuerySet[Meeting]:
    """`public_meetings` of a year (every year: None), each with `has_minutes`: whether its approved minutes are
    published."""
    published = Minutes.objects.filter(meeting=OuterRef("pk"), is_published=True, status=Minutes.Status.APPROVED)
    return public_meetings(council, year).annotate(has_minutes=Exists(published))


def public_agenda_items(council: Council) -> QuerySet[AgendaItem]:
    """Every open agenda item of a meeting whose notice is sent (the REST API's list): the same items
    `public_agenda` shows in full, with their open attachments. Closed and refused items are not in it."""
    return (
        AgendaItem.objects.filter(meeting__council=council, meeting__notice_sent_at__isnull=False, is_closed=False)
        .exclude(admission=AgendaItem.Admission.REFUSED)
        .select_related("meeting")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.filter(is_closed=False).order_by("id")))
    )


def public_latest_minutes(council: Council, *, limit: int = 3) -> list[Meeting]:
    """The meetings with the most recent published minutes, newest meeting first."""
    return list(
        Meeting.objects.filter(council=council, minutes__is_published=True, minutes__status=Minutes.Status.APPROVED)
        .select_related("council", "room")
        .order_by("-starts_at", "-id")[:limit]
    )


@dataclass(frozen=True)
class MeetingNews:
    """One thing published about a meeting, for the public feeds: its agenda (the notice sent) or its approved
    minutes published."""

    kind: str  # "agenda" or "minutes"
    meeting: Meeting
    at: datetime.datetime


def public_meeting_news(council: Council, *, limit: int = 30) -> list[MeetingNews]:
    """The latest agendas sent out and minutes published, newest first (two queries). Only what the public
    meeting page shows: a cancelled meeting's notice stays news; unpublished minutes are not."""
    agendas = (
        Meeting.objects.filter(council=council, notice_sent_at__isnull=False)
        .select_related("council", "room")
        .order_by("-notice_sent_at", "-id")[:limit]
    )
    minutes = (
        Minutes.objects.filter(
            meeting__council=council,
            is_published=True,
            status=Minutes.Status.APPROVED,
            published_at__isnull=False,
        )
        .select_related("meeting", "meeting__council", "meeting__room")
        .order_by("-published_at", "-id")[:limit]
    )
    news = [MeetingNews("agenda", meeting, meeting.notice_sent_at) for meeting in agendas if meeting.notice_sent_at]
    news += [MeetingNews("minutes", m.meeting, m.published_at) for m in minutes if m.published_at]
    news.sort(key=lambda entry: (entry.at, entry.kind == "minutes", entry.meeting.pk), reverse=True)
    return news[:limit]


def open_meetings(council_id: int, *, after: datetime.datetime) -> QuerySet[Meeting]:
    """The council's meetings after `after` whose agenda is still open (planned, notice not sent)."""
    return Meeting.objects.filter(council_id=council_id, status=Meeting.Status.PLANNED, starts_at__gt=after).order_by(
        "starts_at", "id"
    )


def next_open_meeting(
    council_id: int, *, after: datetime.datetime, latest_day: datetime.date | None = None
) -> Meeting | None:
    """The first of `open_meetings`, held no later than `latest_day` when given (e.g. a consultation's
    deadline)."""
    qs = open_meetings(council_id, after=after)
    if latest_day is not None:
        qs = qs.filter(starts_at__date__lte=latest_day)
    return qs.first()


# ------------------------------------------------------------------ open data (OParl meetings, items, files)


def public_meetings_in(municipality_id: int | None = None) -> QuerySet[Meeting]:
    """Every meeting of the municipality's councils (as `public_meetings`), each with `has_minutes`: whether its
    approved minutes are published."""
    published = Minutes.objects.filter(meeting=OuterRef("pk"), is_published=True, status=Minutes.Status.APPROVED)
    qs = Meeting.objects.select_related("council", "room").annotate(has_minutes=Exists(published)).order_by("pk")
    return qs if municipality_id is None else qs.filter(council__municipality_id=municipality_id)


def public_agendas_in(municipality_id: int | None = None) -> QuerySet[Meeting]:
    """The meetings whose agenda is public (the notice is sent)."""
    return public_meetings_in(municipality_id).filter(notice_sent_at__isnull=False)


def public_open_attachments() -> QuerySet[Attachment]:
    """Attachments anyone may read: not closed, on an open, admitted item of a meeting whose notice is sent
    (as `public_attachment`)."""
    return (
        Attachment.objects.filter(is_closed=False, item__is_closed=False, item__meeting__notice_sent_at__isnull=False)
        .exclude(item__admission=AgendaItem.Admission.REFUSED)
        .select_related("item__meeting__council")
        .order_by("pk")
    )


def public_attachments_in(municipality_id: int | None = None) -> QuerySet[Attachment]:
    qs = public_open_attachments()
    return qs if municipality_id is None else qs.filter(item__meeting__council__municipality_id=municipality_id)


def _public_items() -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(meeting__notice_sent_at__isnull=False, is_closed=False)
        .exclude(admission=AgendaItem.Admission.REFUSED)
        .select_related("meeting__council")
        .prefetch_related(Prefetch("attachments", queryset=public_open_attachments()))
        .order_by("pk")
    )


def _published_versions(prefix: str) -> Prefetch:
    """The versions of published, approved minutes (newest first) as `public_versions` of the minutes at
    `prefix` (read by `public_item_result`)."""
    versions = MinutesVersion.objects.filter(minutes__is_published=True, minutes__status=Minutes.Status.APPROVED)
    return Prefetch(f"{prefix}minutes__versions", queryset=versions.order_by("-number"), to_attr="public_versions")


def public_items_in(municipality_id: int | None = None) -> QuerySet[AgendaItem]:
    """The open, admitted agenda items of meetings whose notice is sent (as `public_agenda` shows them in full),
    each with its public attachments prefetched and its meeting's published minutes (`public_item_result`).
    Closed items never: not even their number."""
    qs = _public_items().select_related("meeting__minutes").prefetch_related(_published_versions("meeting__"))
    return qs if municipality_id is None else qs.filter(meeting__council__municipality_id=municipality_id)


def public_items_of_meetings() -> Prefetch:
    """A prefetch of each meeting's public items (`public_items_in`), in agenda order, as `public_items`."""
    items = _public_items().order_by("position", "pk")
    return Prefetch("items", queryset=items, to_attr="public_items")


def public_meetings_with_items_in(
    municipality_id: int | None = None, *, council_id: int | None = None
) -> QuerySet[Meeting]:
    """`public_meetings_in` (of one council when `council_id` is given), each with its `public_items` and its
    published minutes (`public_item_result(item, meeting)`)."""
    qs = public_meetings_in(municipality_id).select_related("minutes")
    qs = qs.prefetch_related(public_items_of_meetings(), _published_versions(""))
    return qs if council_id is None else qs.filter(council_id=council_id)


@dataclass(frozen=True)
class PublicResult:
    """What the published minutes say of an open item: the outcome (a label) and the minutes' text."""

    outcome: str
    text: str


def public_item_result(item: AgendaItem, meeting: Meeting | None = None) -> PublicResult | None:
    """The result of an open item (of `public_items_in`, or of `meeting` from `public_meetings_with_items_in`)
    as the latest version of its meeting's published minutes records it; None before the minutes are
    published, for an item the minutes record as closed, and for a closed item."""
    meeting = meeting or item.meeting
    minutes = getattr(meeting, "minutes", None)  # None: the meeting has no minutes
    versions = getattr(minutes, "public_versions", None) if minutes is not None else None
    if item.is_closed or not versions:
        return None
    for entry in versions[0].content.get("items", []):
        if entry.get("item_id") == item.pk and not entry.get("closed"):
            outcome = entry.get("outcome") or ""
            label = str(Decision.Outcome(outcome).label) if outcome else ""
            return PublicResult(outcome=label, text=entry.get("text") or "") if label or entry.get("text") else None
    return None


def public_unpublished_items_in(municipality_id: int | None = None) -> QuerySet[AgendaItem]:
    """Items that were public (open, on an agenda sent out) and are not any more: closed afterwards, or refused
    admission at the meeting (`unpublished_at`). Public only as "deleted": their id and times, nothing else."""
    qs = (
        AgendaItem.objects.filter(unpublished_at__isnull=False)
        .filter(Q(is_closed=True) | Q(admission=AgendaItem.Admission.REFUSED))
        .only("pk", "created_at", "unpublished_at")
        .order_by("pk")
    )
    return qs if municipality_id is None else qs.filter(meeting__council__municipality_id=municipality_id)


def public_unpublished_attachments_in(municipality_id: int | None = None) -> QuerySet[Attachment]:
    """The open attachments of `public_unpublished_items_in`: public only as "deleted", each with
    `unpublished_at` (its item's)."""
    return (
        Attachment.objects.filter(is_closed=False, item__in=public_unpublished_items_in(municipality_id).values("pk"))
        .select_related("item__meeting__council")
        .annotate(unpublished_at=F("item__unpublished_at"))
        .order_by("pk")
    )


def public_published_minutes_in(municipality_id: int | None = None) -> QuerySet[Minutes]:
    """Approved minutes that are published (their open part is public)."""
    qs = Minutes.objects.filter(is_published=True, status=Minutes.Status.APPROVED).select_related("meeting__council")
    qs = qs.order_by("pk")
    return qs if municipality_id is None else qs.filter(meeting__council__municipality_id=municipality_id)


def public_unpublished_minutes_in(municipality_id: int | None = None) -> QuerySet[Minutes]:
    """Minutes that were published and are hidden again (`minutes_unpublish`): public only as "deleted" (their
    `updated_at` is the time they were hidden)."""
    qs = Minutes.objects.filter(is_published=False, unpublished_at__isnull=False).select_related("meeting__council")
    qs = qs.order_by("pk")
    return qs if municipality_id is None else qs.filter(meeting__council__municipality_id=municipality_id)


# --- News for e-mail subscribers (raad.portal.news) -----------------------------------------------------


def public_agendas_published_since(council_ids: list[int], since: datetime.datetime) -> list[Meeting]:
    """Meetings of these councils whose agenda (the notice) went out at or after `since`, not cancelled."""
    return list(
        Meeting.objects.filter(council_id__in=council_ids, notice_sent_at__gte=since)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("council")
        .order_by("notice_sent_at", "id")
    )


def public_minutes_published_since(council_ids: list[int], since: datetime.datetime) -> list[Meeting]:
    """Meetings of these councils whose approved minutes were published at or after `since` and still are,
    each with `minutes_published_at`."""
    return list(
        Meeting.objects.filter(
            council_id__in=council_ids,
            minutes__is_published=True,
            minutes__status=Minutes.Status.APPROVED,
            minutes__published_at__gte=since,
        )
        .annotate(minutes_published_at=F("minutes__published_at"))
        .select_related("council")
        .order_by("minutes__published_at", "id")
    )


def public_meetings_everywhere() -> QuerySet[Meeting]:
    """Every council's public meetings (as `public_meetings`) in one query, oldest record first: the sitemap
    pages through it (each public page names its council)."""
    return Meeting.objects.select_related("council").order_by("pk")
