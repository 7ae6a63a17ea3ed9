"""Writes for events (arrangementer): plan, publish, cancel or move (everyone registered is told, in the
language they registered in), registrations without an account with a waiting list that never overbooks,
reminders, attendance, the account afterwards, photos with consent, and the retention of registrants' data.

Capacity: every write that changes who holds a seat locks the event row first (`select_for_update`), so
concurrent registrations for the last seats are serialised, on PostgreSQL by the row lock and on SQLite by
its single writer. Personal data never enters the audit journal (`EventRegistration.AUDIT_PRIVATE_FIELDS`,
and the entries below record counts and statuses only)."""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raad.community import event_links
from raad.community.models import Association, Event, EventPhoto, EventRegistration
from raad.community.selectors.events import registrations_due_for_erasure
from raad.core import audit, documents, filestore, mail, search
from raad.core.errors import RuleViolation
from raad.core.i18n import in_recipient_language
from raad.core.languages import BY_CODE
from raad.core.links import absolute_reverse
from raad.core.text import clean_text
from raad.councils.models import Council
from raad.councils.rules import Violation, purpose_of_other_council
from raad.councils.selectors import purposes_outside, rules_in_force

MAX_SEATS_PER_REGISTRATION = 10
EVENT_FIELDS = (
    "title",
    "description",
    "starts_at",
    "ends_at",
    "room",
    "place",
    "address",
    "accessibility_note",
    "languages",
    "interpreters",
    "registration_required",
    "capacity",
    "registration_deadline",
)
PLACE_FIELDS = ("starts_at", "ends_at", "room_id", "place", "address")
PHOTO_TYPES = (documents.JPEG, documents.PNG)


# --- Planning ------------------------------------------------------------------------------------------


def _check_event(council: Council, data: dict[str, Any]) -> None:
    violations = []
    if not clean_text(data.get("title")):
        violations.append(Violation("title", _("Skriv en titel.")))
    starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
    if starts_at is None:
        violations.append(Violation("starts_at", _("Skriv, hvornår arrangementet begynder.")))
    elif ends_at is not None and ends_at <= starts_at:
        violations.append(Violation("ends_at", _("Arrangementet skal slutte, efter det begynder.")))
    room = data.get("room")
    if room is not None and room.municipality_id != council.municipality_id:
        violations.append(Violation("room", _("Lokalet hører ikke til kommunens lokaler.")))
    if room is None and not clean_text(data.get("place")):
        violations.append(Violation("place", _("Vælg et lokale, eller skriv stedet og adressen.")))
    deadline = data.get("registration_deadline")
    if deadline is not None and starts_at is not None and deadline > starts_at:
        violations.append(
            Violation("registration_deadline", _("Tilmeldingsfristen skal ligge, før arrangementet begynder."))
        )
    capacity = data.get("capacity")
    if capacity is not None and capacity < 1:
        violations.append(Violation("capacity", _("Antallet af pladser skal være mindst 1.")))
    for code in data.get("languages") or []:
        if code not in BY_CODE:
            violations.append(Violation("languages", _("Vælg sprogene fra listen.")))
            break
    if purposes_outside(council.pk, data.get("purposes") or []):
        violations.append(purpose_of_other_council())
    organisers = data.get("co_organisers") or []
    if any(a.council_id != council.pk or a.status != Association.Status.LISTED for a in organisers):
        violations.append(Violation("co_organisers", _("Vælg medarrangører blandt de optagne foreninger.")))
    if violations:
        raise RuleViolation(violations)


def _values(data: dict[str, Any]) -> dict[str, Any]:
    values = {name: data.get(name) for name in EVENT_FIELDS if name in data}
    for name in ("title", "description", "place", "address", "accessibility_note", "interpreters"):
        if name in values:
            values[name] = clean_text(values[name])  # public text (R30)
    values["languages"] = list(data.get("languages") or [])
    values["registration_required"] = bool(data.get("registration_required"))
    if values.get("room") is not None:
        values["place"], values["address"] = "", ""
    return values


def _set_relations(event: Event, data: dict[str, Any]) -> None:
    if "purposes" in data:
        event.purposes.set(list(data.get("purposes") or []))
    if "co_organisers" in data:
        event.co_organisers.set(list(data.get("co_organisers") or []))


def _journal(event: Event) -> dict[str, Any]:
    return audit.snapshot(event, [*(f if f != "room" else "room_id" for f in EVENT_FIELDS), "status"])


@transaction.atomic
def event_create(*, council: Council, data: dict[str, Any], by: Any) -> Event:
    """A draft event; `data` has the form's fields (purposes and co_organisers as lists)."""
    _check_event(council, data)
    event = Event.objects.create(council=council, created_by=by if by is not None and by.pk else None, **_values(data))
    _set_relations(event, data)
    audit.record(
        actor=by, verb="event.created", target=event, council_id=council.pk, changes=audit.created(**_journal(event))
    )
    return event


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update(of=("self",)).select_related("council", "room").get(pk=event.pk)


def _place_key(event: Event) -> str:
    text = "|".join(str(getattr(event, name)) for name in PLACE_FIELDS)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@transaction.atomic
def event_update(*, event: Event, data: dict[str, Any], by: Any) -> Event:
    """Save the planner's changes. A published event that gets a new time or place is moved: everyone
    registered or waiting is told by e-mail, in the language they registered in."""
    event = _lock(event)
    if event.status == Event.Status.CANCELLED:
        raise RuleViolation(_("Et aflyst arrangement kan ikke ændres."))
    _check_event(event.council, data)
    before = _journal(event)
    place_before = _place_key(event)
    for name, value in _values(data).items():
        setattr(event, name, value)
    event.save()
    _set_relations(event, data)
    moved = event.status == Event.Status.PUBLISHED and _place_key(event) != place_before
    audit.record(
        actor=by,
        verb="event.moved" if moved else "event.updated",
        target=event,
        council_id=event.council_id,
        changes=audit.diff(before, _journal(event)),
    )
    if moved:
        event = Event.objects.select_related("council", "room").get(pk=event.pk)  # the new room's details
        for registration in _active(event):
            _notify(
                registration,
                template="community/events/email/moved",
                key=f"event-moved:{registration.pk}:{_place_key(event)}",
            )
    search.refresh_on_commit("event", event.pk)  # the search index follows (raad.core.search)
    return event


@transaction.atomic
def event_publish(*, event: Event, by: Any) -> Event:
    event = _lock(event)
    if event.status != Event.Status.DRAFT:
        raise RuleViolation(_("Kun en kladde kan offentliggøres."))
    event.status = Event.Status.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=by,
        verb="event.published",
        target=event,
        council_id=event.council_id,
        changes=audit.changed(status=(Event.Status.DRAFT, Event.Status.PUBLISHED)),
    )
    search.refresh_on_commit("event", event.pk)  # the search index follows (raad.core.search)
    return event


@transaction.atomic
def event_cancel(*, event: Event, reason: str, by: Any) -> Event:
    """Cancel the event; everyone registered or waiting gets an e-mail (once) in their language."""
    event = _lock(event)
    if event.status == Event.Status.CANCELLED:
        raise RuleViolation(_("Arrangementet er allerede aflyst."))
    before = event.status
    event.status = Event.Status.CANCELLED
    event.cancel_reason = clean_text(reason)[:300]
    event.save(update_fields=["status", "cancel_reason", "updated_at"])
    audit.record(
        actor=by,
        verb="event.cancelled",
        target=event,
        council_id=event.council_id,
        changes=audit.changed(status=(before, event.status), cancel_reason=("", event.cancel_reason)),
    )
    for registration in _active(event):
        _notify(registration, template="community/events/email/cancelled", key=f"event-cancelled:{registration.pk}")
    search.refresh_on_commit("event", event.pk)  # the search index follows (raad.core.search)
    return event


def _active(event: Event) -> list[EventRegistration]:
    statuses = (EventRegistration.Status.REGISTERED, EventRegistration.Status.WAITING)
    return list(
        EventRegistration.objects.filter(event=event, status__in=statuses, erased_at__isnull=True).select_related(
            "event__room", "event__council"
        )
    )


# --- Registration --------------------------------------------------------------------------------------


def registration_url(registration: EventRegistration) -> str:
    """The absolute signed link to the registrant's page (status and cancel), in their language."""
    with in_recipient_language(registration):
        return absolute_reverse(
            "community:event_registration",
            registration.event.council.slug,
            event_links.registration_token(registration_id=registration.pk),
        )


def _notify(registration: EventRegistration, *, template: str, key: str) -> None:
    if not registration.email or registration.erased_at:
        return
    event = registration.event
    mail.queue(
        key=key,
        council=event.council,
        to=registration.email,
        recipient=registration,  # its `language` is the language they registered in
        template=template,
        context={
            "registration": registration,
            "event": event,
            "council": event.council,
            "url": registration_url(registration),
            "event_url": absolute_reverse("community:event", event.council.slug, event.pk),
        },
        reply_to=event.council.contact_email,
    )


def seats_held(event: Event) -> int:
    total = EventRegistration.objects.filter(event=event, status=EventRegistration.Status.REGISTERED).aggregate(
        n=Sum("seats")
    )["n"]
    return int(total or 0)


def registration_open(event: Event, now: datetime.datetime | None = None) -> str:
    """Why a registration is refused now ("" when it is open)."""
    now = now or timezone.now()
    if event.status != Event.Status.PUBLISHED:
        return (
            _("Arrangementet er aflyst.")
            if event.status == Event.Status.CANCELLED
            else _("Arrangementet er ikke offentliggjort.")
        )
    if not event.registration_required:
        return _("Der er ingen tilmelding til arrangementet. Du kan bare komme.")
    if event.starts_at <= now:
        return _("Arrangementet er begyndt eller forbi.")
    if event.registration_deadline is not None and event.registration_deadline < now:
        return _("Tilmeldingsfristen er overskredet.")
    return ""


@transaction.atomic
def registration_create(
    *,
    event: Event,
    name: str,
    email: str = "",
    phone: str = "",
    seats: int = 1,
    language: str = "da",
    interpreter_language: str = "",
    needs_step_free: bool = False,
    needs_childcare: bool = False,
    needs_note: str = "",
    waiting_list: bool = False,
) -> EventRegistration:
    """A citizen's registration. Seats are given only while the capacity holds (the event row is locked);
    when they are not there, the registration goes on the waiting list if the citizen asked for it
    (`waiting_list`), else it is refused with the number of seats left. The receipt is mailed."""
    name, email, phone = clean_text(name), (email or "").strip(), clean_text(phone)
    violations = []
    if not name:
        violations.append(Violation("name", _("Skriv dit navn.")))
    if not email and not phone:
        violations.append(Violation("email", _("Skriv din e-mailadresse eller dit telefonnummer.")))
    if not 1 <= seats <= MAX_SEATS_PER_REGISTRATION:
        violations.append(
            Violation("seats", _("Du kan tilmelde 1 til %(n)d personer.") % {"n": MAX_SEATS_PER_REGISTRATION})
        )
    if interpreter_language and interpreter_language not in BY_CODE:
        violations.append(Violation("interpreter_language", _("Vælg sproget fra listen.")))
    if violations:
        raise RuleViolation(violations)
    event = _lock(event)
    refused = registration_open(event)
    if refused:
        raise RuleViolation(refused)
    left = None if event.capacity is None else event.capacity - seats_held(event)
    if left is None or seats <= left:
        status = EventRegistration.Status.REGISTERED
    elif waiting_list:
        status = EventRegistration.Status.WAITING
    elif left <= 0:
        raise RuleViolation([Violation("seats", _("Arrangementet er fuldt. Du kan skrive dig på ventelisten."))])
    else:
        message = ngettext(
            "Der er kun %(n)d plads tilbage. Vælg færre, eller skriv dig på ventelisten.",
            "Der er kun %(n)d pladser tilbage. Vælg færre, eller skriv dig på ventelisten.",
            left,
        )
        raise RuleViolation([Violation("seats", message % {"n": left})])
    registration = EventRegistration.objects.create(
        event=event,
        status=status,
        seats=seats,
        name=name,
        email=email,
        phone=phone,
        language=language,
        interpreter_language=interpreter_language,
        needs_step_free=needs_step_free,
        needs_childcare=needs_childcare,
        needs_note=clean_text(needs_note)[:300],
    )
    audit.record(
        actor=None,
        verb="event.registration_received",
        target=registration,
        council_id=event.council_id,
        changes=audit.created(status=status, seats=seats, language=language),
    )
    _notify(registration, template="community/events/email/receipt", key=f"event-receipt:{registration.pk}")
    return registration


def _promote(event: Event) -> list[EventRegistration]:
    """Give freed seats to the waiting list in order; the first that does not fit stops it (no jumping the
    queue). Each promoted registrant gets one e-mail. The caller holds the event's lock."""
    if event.capacity is None or event.status != Event.Status.PUBLISHED or event.starts_at <= timezone.now():
        return []
    left = event.capacity - seats_held(event)
    promoted = []
    waiting = EventRegistration.objects.filter(event=event, status=EventRegistration.Status.WAITING).order_by("id")
    for registration in waiting:
        if registration.seats > left:
            break
        left -= registration.seats
        registration.status = EventRegistration.Status.REGISTERED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        audit.record(
            actor=None,
            verb="event.registration_promoted",
            target=registration,
            council_id=event.council_id,
            changes=audit.changed(status=(EventRegistration.Status.WAITING, registration.status)),
        )
        registration.event = event
        _notify(registration, template="community/events/email/promoted", key=f"event-promoted:{registration.pk}")
        promoted.append(registration)
    return promoted


@transaction.atomic
def registration_cancel(*, registration: EventRegistration, by: Any = None) -> EventRegistration:
    """The registrant cancels (signed link) or the secretariat does: the seats go to the waiting list."""
    event = _lock(registration.event)
    registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == EventRegistration.Status.CANCELLED:
        raise RuleViolation(_("Tilmeldingen er allerede afmeldt."))
    before = registration.status
    registration.status = EventRegistration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    audit.record(
        actor=by,
        verb="event.registration_cancelled",
        target=registration,
        council_id=event.council_id,
        changes=audit.changed(status=(before, registration.status)),
    )
    registration.event = event
    if before == EventRegistration.Status.REGISTERED:
        _promote(event)
    return registration


# --- Reminders and retention ---------------------------------------------------------------------------


def event_reminders_send(*, today: datetime.date | None = None) -> int:
    """Mail each registrant of a published event that begins within the rules' `event_reminder_days`
    (and has not begun). Idempotent: one reminder per registration (the mail key)."""
    today = today or timezone.localdate()
    now = timezone.now()
    sent = 0
    events = (
        Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__gt=now, registration_required=True)
        .select_related("council", "room")
        .order_by("council_id", "starts_at")
    )
    days_by_council: dict[int, int] = {}
    tz = timezone.get_current_timezone()
    for event in events:
        if event.council_id not in days_by_council:
            days_by_council[event.council_id] = rules_in_force(event.council, today).event_reminder_days
        days = days_by_council[event.council_id]
        if days == 0 or timezone.localtime(event.starts_at, tz).date() > today + datetime.timedelta(days=days):
            continue
        with transaction.atomic():
            for registration in EventRegistration.objects.filter(
                event=event, status=EventRegistration.Status.REGISTERED, erased_at__isnull=True
            ).exclude(email=""):
                registration.event = event
                if mail.queue(
                    key=f"event-reminder:{registration.pk}",
                    council=event.council,
                    to=registration.email,
                    recipient=registration,
                    template="community/events/email/reminder",
                    context={
                        "registration": registration,
                        "event": event,
                        "council": event.council,
                        "url": registration_url(registration),
                        "event_url": absolute_reverse("community:event", event.council.slug, event.pk),
                    },
                    reply_to=event.council.contact_email,
                ):
                    sent += 1
    return sent


@transaction.atomic
def registrations_erase_expired(*, today: datetime.date | None = None) -> int:
    """Erase registrants' name, e-mail, phone and needs `event_registration_retention_days` after the event;
    the registrations (seats, status, attendance) stay as counts. Idempotent; the journal gets counts only."""
    today = today or timezone.localdate()
    erased = 0
    councils = Council.objects.filter(events__registrations__erased_at__isnull=True).distinct()
    for council in councils:
        due = registrations_due_for_erasure({council.pk: rules_in_force(council, today)}, today)
        count = due.update(
            name="",
            email="",
            phone="",
            interpreter_language="",
            needs_step_free=False,
            needs_childcare=False,
            needs_note="",
            erased_at=timezone.now(),
        )
        if count:
            audit.record(
                actor=None,
                verb="event.registrations_erased",
                council_id=council.pk,
                changes={"registrations": {"after": count}},
            )
        erased += count
    return erased


# --- After the event -----------------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, event: Event, attended_ids: list[int], by: Any) -> int:
    """Mark who came among the registered (the others as not attending). Returns how many came."""
    event = _lock(event)
    registered = EventRegistration.objects.filter(event=event, status=EventRegistration.Status.REGISTERED)
    came = registered.filter(pk__in=attended_ids).update(attended=True)
    registered.exclude(pk__in=attended_ids).update(attended=False)
    audit.record(
        actor=by,
        verb="event.attendance_recorded",
        target=event,
        council_id=event.council_id,
        changes={"attended": {"after": came}},
    )
    return came


@transaction.atomic
def event_report(*, event: Event, participant_count: int | None, account: str, by: Any) -> Event:
    """After the event: how many took part and a short public account."""
    event = _lock(event)
    if event.starts_at > timezone.now():
        raise RuleViolation(_("Beretningen kan først skrives, når arrangementet er begyndt."))
    if participant_count is not None and participant_count < 0:
        raise RuleViolation([Violation("participant_count", _("Antallet kan ikke være negativt."))])
    before = audit.snapshot(event, ["participant_count", "account"])
    event.participant_count = participant_count
    event.account = clean_text(account)
    event.save(update_fields=["participant_count", "account", "updated_at"])
    audit.record(
        actor=by,
        verb="event.reported",
        target=event,
        council_id=event.council_id,
        changes=audit.diff(before, audit.snapshot(event, ["participant_count", "account"])),
    )
    return event


@transaction.atomic
def photo_add(
    *, event: Event, data: bytes, description: str, consent_statement: str, consent_given: bool, by: Any
) -> EventPhoto:
    """A photo, published only with the consent of the people in it: the statement is stored with it. The
    file's type is judged from its content (JPEG or PNG)."""
    violations = []
    if not consent_given:
        violations.append(Violation("consent_given", _("Bekræft, at de viste personer har givet samtykke.")))
    if not clean_text(consent_statement):
        violations.append(Violation("consent_statement", _("Skriv, hvem der har givet samtykke, og hvordan.")))
    if not clean_text(description):
        violations.append(Violation("description", _("Skriv en billedtekst.")))
    if violations:
        raise RuleViolation(violations)
    content_type, extension = documents.check_upload(data, accepted=PHOTO_TYPES)
    photo = EventPhoto(
        event=event,
        content_type=content_type,
        description=clean_text(description)[:300],
        consent_statement=clean_text(consent_statement),
        uploaded_by=by if by is not None and by.pk else None,
    )
    filestore.store_upload(photo.file, f"photo.{extension}", data)
    photo.save()
    audit.record(
        actor=by,
        verb="event.photo_added",
        target=photo,
        council_id=event.council_id,
        changes=audit.created(description=photo.description, consent_statement=photo.consent_statement),
    )
    return photo


@transaction.atomic
def photo_withdraw_consent(*, photo: EventPhoto, by: Any) -> EventPhoto:
    """Consent withdrawn: the photo is hidden from every public page at once, not deleted."""
    photo = EventPhoto.objects.select_for_update().select_related("event").get(pk=photo.pk)
    if photo.consent_withdrawn_at is not None:
        raise RuleViolation(_("Samtykket er allerede trukket tilbage."))
    photo.consent_withdrawn_at = timezone.now()
    photo.save(update_fields=["consent_withdrawn_at", "updated_at"])
    audit.record(
        actor=by,
        verb="event.photo_consent_withdrawn",
        target=photo,
        council_id=photo.event.council_id,
        changes=audit.changed(consent_withdrawn_at=(None, photo.consent_withdrawn_at)),
    )
    return photo
