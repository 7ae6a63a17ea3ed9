"""Agenda: writes of meetings (raad.meetings.services.agenda)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from raad.core import audit, documents, filestore
from raad.core.errors import RuleViolation
from raad.core.markdown import markdown_to_html
from raad.core.models import User
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils.models import Council, Purpose
from raad.councils.rules import Violation, purpose_of_other_council
from raad.councils.selectors import purposes_outside
from raad.councils.services import ensure_not_archived
from raad.meetings import rules, selectors
from raad.meetings.models import (
    AgendaItem,
    Attachment,
    Meeting,
)
from raad.meetings.search import meeting_changed
from raad.membership.models import Membership

ITEM_FIELDS = ("kind", "title", "case_presentation", "proposed_decision", "is_closed", "position")


def _check_open_for_items(meeting: Meeting) -> None:
    ensure_not_archived(meeting.council)
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise RuleViolation(_("Dagsordenen for et afholdt eller aflyst møde kan ikke ændres."))


def _purposes_of(meeting: Meeting, purposes: Iterable[Purpose]) -> list[Purpose]:
    purposes = list(purposes)
    if purposes_outside(meeting.council_id, purposes):
        raise RuleViolation([purpose_of_other_council()])
    return purposes


@transaction.atomic
def item_add(
    *,
    meeting: Meeting,
    title: str,
    kind: str = AgendaItem.Kind.DECISION,
    case_presentation: str = "",
    proposed_decision: str = "",
    is_closed: bool = False,
    purposes: Iterable[Purpose] = (),
    by: User | None,
) -> AgendaItem:
    """The secretariat puts an item on the agenda; `case_presentation` is Markdown (see `item_update`)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    _check_open_for_items(meeting)
    purposes = _purposes_of(meeting, purposes)
    position = (AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0) + 1
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        kind=kind,
        title=clean_text(title),
        case_presentation=markdown_to_html(case_presentation),
        case_presentation_source=clean_text(case_presentation),
        proposed_decision=clean_text(proposed_decision),
        is_closed=is_closed,
    )
    item.purposes.set(purposes)
    audit.record(
        actor=by,
        verb="agenda_item.added",
        target=item,
        council_id=meeting.council_id,
        changes=audit.diff({}, audit.snapshot(item, ITEM_FIELDS)),
    )
    return item


@transaction.atomic
def chair_election_item_add(*, council: Council, by: User | None) -> AgendaItem:
    """A vacant forperson post (R25): the election of a new forperson goes on the agenda of the council's next
    planned meeting (not yet called), titled in the council's language. Refused when no meeting is planned, or
    when the item is already on that meeting's agenda."""
    from raad.core.i18n import in_council_language

    ensure_not_archived(council)
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .filter(council=council, status=Meeting.Status.PLANNED, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    if meeting is None:
        raise RuleViolation(_("Der er intet planlagt møde at sætte valget af forperson på. Planlæg mødet først (R25)."))
    with in_council_language(council):
        title = _("Valg af forperson")
        proposed = _("Rådet vælger en ny forperson blandt medlemmerne.")
    if AgendaItem.objects.filter(meeting=meeting, title=title).exists():
        raise RuleViolation(
            _("Valget af forperson står allerede på dagsordenen for mødet %(date)s (R25).")
            % {"date": formats.date_format(timezone.localtime(meeting.starts_at), "DATE_FORMAT")}
        )
    return item_add(
        meeting=meeting,
        title=title,
        kind=AgendaItem.Kind.DECISION,
        proposed_decision=proposed,
        by=by,
    )


@transaction.atomic
def item_update(*, item: AgendaItem, data: dict[str, Any], by: User) -> AgendaItem:
    """Change an item. `case_presentation` is Markdown (core.markdown; HTML as written before Markdown is
    kept as HTML); the sanitised HTML is stored for every reader, the Markdown for the next edit."""
    item = AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=item.pk)
    _check_open_for_items(item.meeting)
    cleaners = {"title": clean_text, "case_presentation": markdown_to_html, "proposed_decision": clean_text}
    changes = {name: cleaners.get(name, lambda v: v)(value) for name, value in data.items() if name in ITEM_FIELDS}
    if "case_presentation" in data:
        item.case_presentation_source = clean_text(data["case_presentation"])
    reclassified = "is_closed" in changes and bool(changes["is_closed"]) != item.is_closed
    if reclassified and item.meeting.notice_sent and item.admission != AgendaItem.Admission.REFUSED:
        _item_publicity_changed(item, public=not changes["is_closed"])
    fields_update(
        instance=item,
        fields=ITEM_FIELDS,
        data=changes,
        also_save=("case_presentation_source", "unpublished_at"),
        verb="agenda_item.updated",
        by=by,
        council_id=item.meeting.council_id,
        record_unchanged=True,  # the purposes are set below, outside the recorded fields
    )
    if "purposes" in data:
        item.purposes.set(_purposes_of(item.meeting, data["purposes"]))
    if item.meeting.notice_sent:
        meeting_changed(item.meeting_id)  # the search index follows the published agenda (a closed item leaves it)
    return item


def _item_publicity_changed(item: AgendaItem, *, public: bool) -> None:
    """An item on an agenda already sent out becomes closed (or open again): from now it is not public (or is
    again). `unpublished_at` records when, for open data's deleted objects; the meeting that lists its public
    items is changed too (OParl: an embedding object's `modified` follows). The caller saves the item."""
    now = timezone.now()
    item.unpublished_at = None if public else now
    Meeting.objects.filter(pk=item.meeting_id).update(updated_at=now)


def individual_case_refusal(council: Council) -> str:
    return _(
        "Rådet kan ikke behandle enkeltsager, dvs. en enkelt persons egen sag (kommissoriet; R9). "
        "Personen kan henvende sig til den relevante afdeling i %(municipality)s, fx Borgerservice eller "
        "Jobcenter, eller få råd hos sekretariatet (%(email)s). Et principielt spørgsmål, som sagen rejser, "
        "kan foreslås som et generelt punkt uden personoplysninger."
    ) % {"municipality": council.municipality.name, "email": council.contact_email}


def item_propose(
    *, meeting: Meeting, membership: Membership, individual_case: bool, by: User | None, **fields: Any
) -> AgendaItem:
    """A member proposes an item. After the item deadline it is marked late and needs an admission vote
    at the meeting (R15). One person's own case is refused with a referral and nothing of it is stored (R9):
    the refusal itself is journalled (who, when; not the text) in its own transaction."""
    if individual_case:
        _item_refuse_individual_case(meeting=meeting, membership=membership, by=by)
        raise RuleViolation([Violation("individual_case", individual_case_refusal(meeting.council))])
    return _item_propose(meeting=meeting, membership=membership, by=by, **fields)


@transaction.atomic
def _item_refuse_individual_case(*, meeting: Meeting, membership: Membership, by: User | None) -> None:
    audit.record(
        actor=by,
        verb="agenda_item.refused_individual_case",
        target=meeting,
        council_id=meeting.council_id,
        changes=audit.created(proposed_by=str(membership.person)),
    )


@transaction.atomic
def _item_propose(
    *,
    meeting: Meeting,
    membership: Membership,
    title: str,
    kind: str = AgendaItem.Kind.DISCUSSION,
    case_presentation: str = "",
    proposed_decision: str = "",
    purposes: Iterable[Purpose] = (),
    by: User | None,
    now: datetime.datetime | None = None,
) -> AgendaItem:
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council__municipality").get(pk=meeting.pk)
    if membership.seat.council_id != meeting.council_id:
        raise RuleViolation(_("Kun rådets medlemmer kan foreslå punkter."))
    _check_open_for_items(meeting)
    now = now or timezone.now()
    procedure = selectors.rules_for(meeting)
    late = rules.is_late(now, meeting.starts_at, procedure.member_item_deadline_days)
    purposes = _purposes_of(meeting, purposes)
    position = (AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0) + 1
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        kind=kind,
        title=clean_text(title),
        case_presentation=markdown_to_html(case_presentation),
        case_presentation_source=clean_text(case_presentation),
        proposed_decision=clean_text(proposed_decision),
        proposed_by=membership,
        proposed_at=now,
        is_late=late,
        admission=AgendaItem.Admission.PENDING if late else AgendaItem.Admission.NOT_NEEDED,
    )
    item.purposes.set(purposes)
    audit.record(
        actor=by,
        verb="agenda_item.proposed",
        target=item,
        council_id=meeting.council_id,
        changes={**audit.diff({}, audit.snapshot(item, ITEM_FIELDS)), "late": {"before": None, "after": late}},
    )
    return item


# What an agenda item may have attached (checked by content).
ATTACHMENT_TYPES = (documents.PDF, documents.DOCX, documents.DOC, documents.PNG, documents.JPEG)


@transaction.atomic
def attachment_add(
    *, item: AgendaItem, title: str, upload: UploadedFile, is_closed: bool = False, by: User | None
) -> Attachment:
    """Attach a file. Its type (PDF, Word, PNG, JPEG) and size are checked by its content, not its name."""
    item = AgendaItem.objects.select_related("meeting__council").get(pk=item.pk)
    _check_open_for_items(item.meeting)
    data = upload.read(documents.max_upload_bytes() + 1)
    content_type, extension = documents.check_upload(data, accepted=ATTACHMENT_TYPES)
    name = f"bilag.{extension}"
    attachment = Attachment(
        item=item,
        title=clean_text(title) or name,
        content_type=content_type,
        size=len(data),
        is_closed=is_closed or item.is_closed,
    )
    filestore.store_upload(attachment.file, name, data)
    attachment.save()
    audit.record(
        actor=by,
        verb="attachment.added",
        target=attachment,
        council_id=item.meeting.council_id,
        changes=audit.created(title=attachment.title, type=content_type),
    )
    return attachment


@transaction.atomic
def item_move(*, item: AgendaItem, direction: str, by: User | None) -> AgendaItem:
    """Move an item one place up or down the agenda. Every item of the meeting is locked and renumbered
    1, 2, 3 … in the new order in one transaction, so two people moving items never leave a gap or a double."""
    if direction not in ("up", "down"):
        raise RuleViolation(_("Et punkt kan kun flyttes op eller ned."))
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=item.meeting_id)
    _check_open_for_items(meeting)
    items = list(AgendaItem.objects.select_for_update().filter(meeting=meeting).order_by("position", "id"))
    index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
    if index is None:
        raise RuleViolation(_("Punktet hører ikke til mødet."))
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        raise RuleViolation(
            _("Punktet er allerede det første på dagsordenen.")
            if direction == "up"
            else _("Punktet er allerede det sidste på dagsordenen.")
        )
    before = items[index].position
    items[index], items[target] = items[target], items[index]
    changed = []
    now = timezone.now()
    for number, other in enumerate(items, start=1):
        if other.position != number:
            other.position, other.updated_at = number, now
            changed.append(other)
    AgendaItem.objects.bulk_update(changed, ["position", "updated_at"])
    moved = items[target]
    audit.record(
        actor=by,
        verb="agenda_item.moved",
        target=moved,
        council_id=meeting.council_id,
        changes=audit.changed(position=(before, moved.position)),
    )
    return moved
