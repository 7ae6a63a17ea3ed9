"""Object permissions on a council's consultations and statements: `user.has_perm(perm, council_or_obj)`."""

import rules

from raad.core.roles import is_council_member, is_council_participant, is_secretariat

# The secretariat registers consultations, chooses the route, sends and publishes.
rules.add_perm("statements.manage", is_secretariat)
# Everyone with a role in the council reads the drafts and comments on them (internal, never public).
rules.add_perm("statements.view_drafts", is_council_participant)
rules.add_perm("statements.comment", is_council_participant)
# A rapporteur may be a member or the secretariat: both may save versions of a draft.
rules.add_perm("statements.draft", is_secretariat | is_council_member)
# Members in office answer a written procedure (the service checks the day's membership).
rules.add_perm("statements.answer_written", is_council_member)
