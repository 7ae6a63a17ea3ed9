"""Every write about meetings: plan, agenda, notice, attendance, votes and decisions, minutes."""

from .agenda import (
    ATTACHMENT_TYPES,
    ITEM_FIELDS,
    _check_open_for_items,
    _item_propose,
    _item_refuse_individual_case,
    _purposes_of,
    attachment_add,
    individual_case_refusal,
    item_add,
    item_move,
    item_propose,
    item_update,
)
from .attendance import (
    _attendance,
    apology_send,
    apology_withdraw,
    attendance_register,
    meeting_mark_held,
    meeting_set_leader,
)
from .calendar import calendar_token_renew
from .common import _official, email_of
from .confidentiality import closed_items_read_record
from .extraordinary import _support_and_check, extraordinary_request_create, extraordinary_request_support
from .minutes import (
    _RESPONSE_VERB,
    MinutesConflict,
    _entry_prefill,
    _minutes_content,
    minutes_approve,
    minutes_circulate,
    minutes_correct,
    minutes_publish,
    minutes_respond,
    minutes_save_draft,
    minutes_start,
    minutes_unpublish,
)
from .notice import meeting_send_notice
from .planning import MEETING_FIELDS, _meeting_violations, meeting_cancel, meeting_plan, meeting_update
from .proceedings import (
    _check_running,
    _vote,
    conflict_declare,
    item_admission_vote,
    item_decide,
    minority_statement_add,
)
from .reminders import item_deadline_reminders_queue
from .running import attendance_all_present

__all__ = [
    "ATTACHMENT_TYPES",
    "ITEM_FIELDS",
    "MEETING_FIELDS",
    "MinutesConflict",
    "_RESPONSE_VERB",
    "_attendance",
    "_check_open_for_items",
    "_check_running",
    "_entry_prefill",
    "_item_propose",
    "_item_refuse_individual_case",
    "_meeting_violations",
    "_minutes_content",
    "_official",
    "_purposes_of",
    "_support_and_check",
    "_vote",
    "apology_send",
    "apology_withdraw",
    "attachment_add",
    "attendance_all_present",
    "attendance_register",
    "calendar_token_renew",
    "closed_items_read_record",
    "conflict_declare",
    "email_of",
    "extraordinary_request_create",
    "extraordinary_request_support",
    "individual_case_refusal",
    "item_add",
    "item_admission_vote",
    "item_deadline_reminders_queue",
    "item_decide",
    "item_move",
    "item_propose",
    "item_update",
    "meeting_cancel",
    "meeting_mark_held",
    "meeting_plan",
    "meeting_send_notice",
    "meeting_set_leader",
    "meeting_update",
    "minority_statement_add",
    "minutes_approve",
    "minutes_circulate",
    "minutes_correct",
    "minutes_publish",
    "minutes_respond",
    "minutes_save_draft",
    "minutes_start",
    "minutes_unpublish",
]
