"""Reads for events. Public pages read only through the `public_…` selectors: published or cancelled
events, and counts, never a registrant's details."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from raad.community.models import Association, Event, EventPhoto, EventRegistration
from raad.core import translations
from raad.councils.models import Council, Room

PUBLIC_STATUSES = (Event.Status.PUBLISHED, Event.Status.CANCELLED)


def seats_taken(event: Event) -> int:
    """Seats held by registrations (not the waiting list)."""
    total = EventRegistration.objects.filter(event=event, status=EventRegistration.Status.REGISTERED).aggregate(
        n=Sum("seats")
    )["n"]
    return int(total or 0)


def seats_left(event: Event) -> int | None:
    """None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - seats_taken(event), 0)


def waiting_count(event: Event) -> int:
    return EventRegistration.objects.filter(event=event, status=EventRegistration.Status.WAITING).count()


def _public(council: Council) -> QuerySet[Event]:
    return (
        Event.objects.filter(council=council, status__in=PUBLIC_STATUSES)
        .select_related("room", "council")
        .prefetch_related("co_organisers", "purposes")
    )


def public_events(council: Council) -> QuerySet[Event]:
    """Every published or cancelled event of the council, with room, co-organisers and purposes, in date order:
    what the search index holds and the REST API lists (which orders and pages it its own way)."""
    return _public(council).order_by("starts_at", "id")


def with_translations(events: Iterable[Event]) -> list[Event]:
    """`events` as a list with their texts in the page's language: one query for them all, none on a Danish
    page (a public list shows each event's title)."""
    events = list(events)
    translations.prefetch(events)
    return events


def public_upcoming(council: Council) -> list[Event]:
    """The public events still ahead, with their texts in the page's language."""
    now = timezone.now()
    return with_translations(_public(council).filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now)))


def public_past(council: Council, *, limit: int = 50) -> list[Event]:
    now = timezone.now()
    past = _public(council).filter(Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now))
    return list(past.order_by("-starts_at", "-id")[:limit])


def public_past_events(council: Council) -> QuerySet[Event]:
    """Every public event that is over, latest first (the public list pages through them)."""
    now = timezone.now()
    return (
        _public(council)
        .filter(Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now))
        .order_by("-starts_at", "-id")
    )


def public_month(council: Council, year: int, month: int) -> list[Event]:
    tz = timezone.get_current_timezone()
    first = datetime.datetime(year, month, 1, tzinfo=tz)
    after = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return list(_public(council).filter(starts_at__gte=first, starts_at__lt=after))


def public_feed(council: Council) -> list[Event]:
    since = timezone.now() - datetime.timedelta(days=90)
    return list(_public(council).filter(starts_at__gte=since))


def public_events_latest(council: Council, *, limit: int = 30) -> list[Event]:
    """The public events last changed (published, moved, cancelled), newest first, with their texts in the
    active language: the public feeds (two queries, three in another language)."""
    events = list(
        Event.objects.filter(council=council, status__in=PUBLIC_STATUSES)
        .select_related("room", "council")
        .order_by("-updated_at", "-id")[:limit]
    )
    translations.prefetch(events)
    return events


def public_event(council: Council, pk: int) -> Event | None:
    return _public(council).filter(pk=pk).first()


def public_photos(event: Event) -> list[EventPhoto]:
    return list(EventPhoto.objects.filter(event=event, consent_withdrawn_at__isnull=True))


def public_photo(council: Council, event_pk: int, pk: int) -> EventPhoto | None:
    return (
        EventPhoto.objects.filter(
            pk=pk,
            event_id=event_pk,
            event__council=council,
            event__status__in=PUBLIC_STATUSES,
            consent_withdrawn_at__isnull=True,
        )
        .select_related("event")
        .first()
    )


def registration_for_council(council: Council, pk: int) -> EventRegistration | None:
    return EventRegistration.objects.filter(pk=pk, event__council=council).select_related("event__room").first()


# --- Workspace ---------------------------------------------------------------------------------------------


def workspace_events(council: Council) -> QuerySet[Event]:
    return Event.objects.filter(council=council).select_related("room").order_by("-starts_at", "-id")


def workspace_event(council: Council, pk: int) -> Event | None:
    return (
        Event.objects.filter(council=council, pk=pk)
        .select_related("room", "council")
        .prefetch_related("co_organisers", "purposes")
        .first()
    )


def registrations(event: Event) -> list[EventRegistration]:
    return list(EventRegistration.objects.filter(event=event).order_by("status", "id"))


def photos(event: Event) -> list[EventPhoto]:
    return list(EventPhoto.objects.filter(event=event))


def rooms(council: Council) -> QuerySet[Room]:
    return Room.objects.filter(municipality_id=council.municipality_id, active=True).order_by("name")


def listed_associations(council: Council) -> QuerySet[Association]:
    return Association.objects.filter(council=council, status=Association.Status.LISTED).order_by("name")


def desk_panel(council: Council, user) -> dict | None:
    """ "Kommende arrangementer": the next events with seats taken and the waiting list."""
    if not user.has_perm("community.plan_events", council):
        return None
    now = timezone.now()
    upcoming = list(
        Event.objects.filter(council=council, starts_at__gte=now)
        .exclude(status=Event.Status.CANCELLED)
        .annotate(
            taken=Sum("registrations__seats", filter=Q(registrations__status=EventRegistration.Status.REGISTERED))
        )
        .order_by("starts_at")[:5]
    )
    return {"council": council, "events": upcoming}


def public_events_announced_since(council_ids: list[int], since: datetime.datetime) -> list[Event]:
    """Published events of these councils that are still ahead and were published or changed at or after
    `since`: subscribers' news (each event is mailed to a subscriber once)."""
    now = timezone.now()
    return list(
        Event.objects.filter(council_id__in=council_ids, status=Event.Status.PUBLISHED, updated_at__gte=since)
        .filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
        .select_related("council")
        .order_by("starts_at", "id")
    )


# --- Retention (R35) -------------------------------------------------------------------------------------


def registrations_cutoff(on: datetime.date, days: int) -> datetime.datetime:
    """On `on`, the registrants' details of an event that ended before this moment are erased."""
    return datetime.datetime.combine(
        on - datetime.timedelta(days=days), datetime.time(), tzinfo=timezone.get_current_timezone()
    )


def registrations_due_for_erasure(procedures: dict, on: datetime.date) -> QuerySet[EventRegistration]:
    """Registrations whose details are erased on `on` (`event_registration_retention_days` after the event): the
    one reading the retention command (`services.events.registrations_erase_expired`) and the desk share.
    `procedures` is {council_id: the rules of procedure in force}."""
    if not procedures:
        return EventRegistration.objects.none()
    within = Q()
    for council_id, procedure in procedures.items():
        limit = registrations_cutoff(on, procedure.event_registration_retention_days)
        ended = Q(event__ends_at__lt=limit) | Q(event__ends_at__isnull=True, event__starts_at__lt=limit)
        within |= Q(ended, event__council_id=council_id)
    return EventRegistration.objects.filter(within, erased_at__isnull=True)


def events_for_year(council: Council, year: int) -> dict:
    """The year's events for the annual report (1 query): held (published) and cancelled counts, the sum of
    the participants counted and how many events have a count. Drafts never count; no names ever."""
    return Event.objects.filter(council=council, starts_at__year=year).aggregate(
        held=Count("id", filter=Q(status=Event.Status.PUBLISHED)),
        cancelled=Count("id", filter=Q(status=Event.Status.CANCELLED)),
        participants=Sum("participant_count", filter=Q(status=Event.Status.PUBLISHED), default=0),
        counted=Count("id", filter=Q(status=Event.Status.PUBLISHED, participant_count__isnull=False)),
    )


def events_per_purpose_for_year(council: Council, year: int) -> dict[int, int]:
    """Published events of the year per purpose id (1 query)."""
    return {
        row["purpose_id"]: row["n"]
        for row in Event.purposes.through.objects.filter(
            event__council=council, event__starts_at__year=year, event__status=Event.Status.PUBLISHED
        )
        .values("purpose_id")
        .annotate(n=Count("id"))
    }


def public_events_everywhere() -> QuerySet[Event]:
    """Every council's public events (published or cancelled) in one query, oldest record first: the sitemap
    pages through it."""
    return Event.objects.filter(status__in=PUBLIC_STATUSES).select_related("council").order_by("pk")
