"""Every write about membership. Only a recorded board decision makes a member (R2).

Each service checks the rules of procedure in force through the pure functions of `rules.py` and raises
`RuleViolation` (naming the rule) before writing anything; a refused operation leaves the database as it was."""

from .appointments import (
    _check_appointment,
    _end,
    member_appoint,
    member_decease,
    member_flag_moved_away,
    member_move_away,
    member_resign,
    membership_end,
    membership_set_role,
    memberships_close_ended_terms,
    substitute_appoint,
    substitute_promote,
)
from .bodies import (
    nominating_body_create,
    nominating_body_update,
    person_confirm_residence,
    person_create,
    person_link_user,
    resolve_residence,
    seat_create,
    seat_set_nominating_body,
)
from .common import BODY_FIELDS, LEAVING_REASONS, PERSON_FIELDS, _lock_council
from .confidentiality import confidentiality_acknowledge
from .decisions import AppointmentLine, CandidateData, appointment_decision_register
from .direct_elections import CandidateResult, direct_election_record, direct_election_violations
from .elections import (
    _OFFICE_ROLE,
    _elect,
    _round_open,
    ballot_cast,
    election_open,
    election_report_record,
    lot_draw_record,
    round_close,
)
from .nominations import (
    WITHDRAWAL_FIELDS,
    _is_duplicate,
    nomination_call_check,
    nomination_call_open,
    nomination_confirm,
    nomination_submit,
    nomination_submitter_confirm,
    nomination_withdraw,
)
from .retention import ANONYMISED, _anonymise_person, candidates_anonymise_expired

__all__ = [
    "direct_election_record",
    "direct_election_violations",
    "ANONYMISED",
    "AppointmentLine",
    "BODY_FIELDS",
    "CandidateData",
    "CandidateResult",
    "LEAVING_REASONS",
    "PERSON_FIELDS",
    "WITHDRAWAL_FIELDS",
    "_OFFICE_ROLE",
    "_anonymise_person",
    "_check_appointment",
    "_elect",
    "_end",
    "_is_duplicate",
    "_lock_council",
    "_round_open",
    "appointment_decision_register",
    "ballot_cast",
    "candidates_anonymise_expired",
    "election_open",
    "election_report_record",
    "lot_draw_record",
    "member_appoint",
    "member_decease",
    "member_flag_moved_away",
    "member_move_away",
    "confidentiality_acknowledge",
    "member_resign",
    "membership_end",
    "membership_set_role",
    "memberships_close_ended_terms",
    "nominating_body_create",
    "nominating_body_update",
    "nomination_call_check",
    "nomination_call_open",
    "nomination_confirm",
    "nomination_submit",
    "nomination_submitter_confirm",
    "nomination_withdraw",
    "person_confirm_residence",
    "person_create",
    "person_link_user",
    "resolve_residence",
    "round_close",
    "seat_create",
    "seat_set_nominating_body",
    "substitute_appoint",
    "substitute_promote",
]
