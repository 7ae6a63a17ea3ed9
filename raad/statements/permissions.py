"""Object permissions on a council's consultations and statements: `user.has_perm(perm, council)`."""

import rules

from raad.core.roles import Role, has_role, is_council_member, is_secretariat

# Drafts, comments and written-procedure answers are internal: the secretariat, the members and their
# substitutes read them; the board's liaison and the public do not (R3, R28).
is_drafting_circle = has_role(Role.SECRETARIAT, Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.SUBSTITUTE)

# The secretariat registers consultations, chooses the route, sends and publishes.
rules.add_perm("statements.manage", is_secretariat)
rules.add_perm("statements.view_drafts", is_drafting_circle)
rules.add_perm("statements.comment", is_drafting_circle)
# A rapporteur may be a member or the secretariat: both may save versions of a draft.
rules.add_perm("statements.draft", is_secretariat | is_council_member)
# Members answer a written procedure and the chair and vice-chair approve urgent answers; the services
# check the membership in force on the day and the role.
rules.add_perm("statements.answer_written", is_council_member)
