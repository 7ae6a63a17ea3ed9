"""Every write about consultations and statements. Each transition checks its rules and refuses with a
RuleViolation before anything is written (a refused transition leaves the database unchanged)."""

from .committees import committee_create
from .common import CONSULTATION_FIELDS, _da, _house_language, _kind_in_house_language, _lock, _new_version, _today
from .consultations import (
    CONSULTATION_DOCUMENT_TYPES,
    consultation_document_add,
    consultation_register,
    consultation_register_with_document,
)
from .dispatch import (
    _publish,
    follow_up_register,
    minority_statement_add,
    statement_correct,
    statement_publish,
    statement_send,
)
from .drafting import draft_comment_add, statement_create, statement_version_save
from .reminders import _remember, _reminders_send, reminders_send
from .routes import (
    _adopt,
    _agenda_item_add,
    _check_urgent_allowed,
    _place_on_agenda,
    _require_draft_with_text,
    statement_adopt_at_meeting,
    statement_plan_route,
    statement_report_schedule,
    urgent_approve,
    written_answer_give,
    written_procedure_close,
    written_procedure_open,
)

__all__ = [
    "CONSULTATION_DOCUMENT_TYPES",
    "CONSULTATION_FIELDS",
    "_adopt",
    "_agenda_item_add",
    "_check_urgent_allowed",
    "_da",
    "_house_language",
    "_kind_in_house_language",
    "_lock",
    "_new_version",
    "_place_on_agenda",
    "_publish",
    "_remember",
    "_reminders_send",
    "_require_draft_with_text",
    "_today",
    "committee_create",
    "consultation_document_add",
    "consultation_register",
    "consultation_register_with_document",
    "draft_comment_add",
    "follow_up_register",
    "minority_statement_add",
    "reminders_send",
    "statement_adopt_at_meeting",
    "statement_correct",
    "statement_create",
    "statement_plan_route",
    "statement_publish",
    "statement_report_schedule",
    "statement_send",
    "statement_version_save",
    "urgent_approve",
    "written_answer_give",
    "written_procedure_close",
    "written_procedure_open",
]
