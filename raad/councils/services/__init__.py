"""Every write about councils: terms of reference, rules of procedure, terms, staff."""

from .archive import council_archive
from .common import (
    _PROSE_FIELDS,
    COUNCIL_CONTACT_FIELDS,
    COUNCIL_TRANSLATED_FIELDS,
    ENGLISH,
    PURPOSE_FIELDS,
    PURPOSE_TRANSLATED_FIELDS,
    TOR_FIELDS,
    TOR_TRANSLATED_FIELDS,
    _save_english,
    ensure_not_archived,
)
from .contact import council_set_citizen_languages, council_update_contact
from .decisions import board_decision_record
from .procedure import (
    _lock_change,
    _setting_values,
    rules_adopt_version,
    rules_adopt_with_decision,
    rules_change_board_adopt,
    rules_change_council_vote,
    rules_change_propose,
)
from .setup import _split_english, council_setup_from_preset
from .staff import staff_assign
from .terms import term_create, term_open_next
from .terms_of_reference import _tasks_create, purpose_update, terms_of_reference_update

__all__ = [
    "COUNCIL_CONTACT_FIELDS",
    "COUNCIL_TRANSLATED_FIELDS",
    "ENGLISH",
    "PURPOSE_FIELDS",
    "PURPOSE_TRANSLATED_FIELDS",
    "TOR_FIELDS",
    "TOR_TRANSLATED_FIELDS",
    "_PROSE_FIELDS",
    "_lock_change",
    "_save_english",
    "_setting_values",
    "_split_english",
    "_tasks_create",
    "board_decision_record",
    "council_archive",
    "council_set_citizen_languages",
    "council_setup_from_preset",
    "council_update_contact",
    "ensure_not_archived",
    "purpose_update",
    "rules_adopt_version",
    "rules_adopt_with_decision",
    "rules_change_board_adopt",
    "rules_change_council_vote",
    "rules_change_propose",
    "staff_assign",
    "term_create",
    "term_open_next",
    "terms_of_reference_update",
]
