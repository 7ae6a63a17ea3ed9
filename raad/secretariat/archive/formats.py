"""The shapes of the machine-readable data: one dict per row, the same keys in the CSV's columns and the
JSON's objects (docs/archive-export.md lists them). Values are plain: ISO dates, text without markup."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from raad.core.models import AuditEntry
from raad.core.text import plain_text
from raad.meetings.models import AgendaItem, Decision, Meeting
from raad.statements.models import RecordEntry, Statement

FORMAT_NAME = "raad-arkiv"
FORMAT_VERSION = "1.0"
GENERATOR = "Råd (raad.secretariat.archive)"


def iso(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and getattr(value, "hour", None) is not None and timezone.is_aware(value):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


MEETING_COLUMNS = [
    "id",
    "starts_at",
    "ends_at",
    "kind",
    "status",
    "place",
    "address",
    "minutes_status",
    "minutes_approved_at",
]


def meeting_row(meeting: Meeting) -> dict[str, Any]:
    minutes = getattr(meeting, "minutes", None)
    return {
        "id": meeting.pk,
        "starts_at": iso(meeting.starts_at),
        "ends_at": iso(meeting.ends_at),
        "kind": meeting.kind,
        "status": meeting.status,
        "place": meeting.location_name,  # the room from the catalogue, or the place typed in
        "address": meeting.location_address,
        "minutes_status": minutes.status if minutes is not None else "",
        "minutes_approved_at": iso(minutes.approved_at) if minutes is not None else "",
    }


ITEM_COLUMNS = [
    "id",
    "meeting_id",
    "meeting_starts_at",
    "position",
    "kind",
    "title",
    "closed",
    "proposed_decision",
    "case_presentation",
]


def item_row(item: AgendaItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "meeting_id": item.meeting_id,
        "meeting_starts_at": iso(item.meeting.starts_at),
        "position": item.position,
        "kind": item.kind,
        "title": item.title,
        "closed": item.is_closed,
        "proposed_decision": item.proposed_decision,
        "case_presentation": plain_text(item.case_presentation),
    }


DECISION_COLUMNS = ["id", "item_id", "meeting_id", "decided_at", "outcome", "text", "rule_applied", "closed"]


def decision_row(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "item_id": decision.item_id,
        "meeting_id": decision.item.meeting_id,
        "decided_at": iso(decision.decided_at),
        "outcome": decision.outcome,
        "text": decision.text,
        "rule_applied": decision.rule_applied,
        "closed": decision.item.is_closed,
    }


STATEMENT_COLUMNS = [
    "id",
    "kind",
    "title",
    "status",
    "case_number",
    "consultation_id",
    "adoption_route",
    "adopted_on",
    "decision_id",
    "sent_at",
    "sent_to",
    "published_at",
    "versions",
    "text",
]


def statement_row(statement: Statement) -> dict[str, Any]:
    """`text`: the newest version's text (the adopted one, a later correction, or the draft); `versions` are
    prefetched in their order."""
    versions = list(statement.versions.all())
    final = versions[-1] if versions else None
    return {
        "id": statement.pk,
        "kind": statement.kind,
        "title": statement.title,
        "status": statement.status,
        "case_number": statement.case_number
        or (statement.consultation.case_number if statement.consultation is not None else ""),
        "consultation_id": statement.consultation_id or "",
        "adoption_route": statement.adoption_route,
        "adopted_on": iso(statement.adopted_on),
        "decision_id": statement.decision_id or "",
        "sent_at": iso(statement.sent_at),
        "sent_to": statement.sent_to,
        "published_at": iso(statement.published_at),
        "versions": len(versions),
        "text": final.text if final is not None else "",
    }


RECORD_COLUMNS = [
    "id",
    "case_number",
    "entry_date",
    "direction",
    "subject",
    "counterpart",
    "consultation_id",
    "statement_id",
]


def record_row(entry: RecordEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "case_number": entry.case_number,
        "entry_date": iso(entry.entry_date),
        "direction": entry.direction,
        "subject": entry.subject,
        "counterpart": entry.counterpart,
        "consultation_id": entry.consultation_id or "",
        "statement_id": entry.statement_id or "",
    }


AUDIT_COLUMNS = ["id", "at", "actor", "verb", "target_type", "target_id", "target", "changes"]


def audit_row(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "at": iso(entry.at),
        "actor": entry.actor_label,
        "verb": entry.verb,
        "target_type": entry.target_type.model if entry.target_type_id else "",
        "target_id": entry.target_id,
        "target": entry.target_label,
        "changes": entry.changes,
    }
