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


@rules.predicate
def is_rapporteur(user, statement=None) -> bool:
    """The statement's rapporteur (ordfører), while still a member of the council (checked with the object)."""
    return getattr(statement, "rapporteur_id", None) is not None and statement.rapporteur_id == user.pk


# The rapporteur (a member or the secretariat) writes the draft: the secretariat and the rapporteur save
# versions; the other members comment and propose changes. Checked against the statement.
rules.add_perm("statements.draft", is_secretariat | (is_rapporteur & is_council_member))
# Members answer a written procedure and the chair and vice-chair approve urgent answers; the services
# check the membership in force on the day and the role.
rules.add_perm("statements.answer_written", is_council_member)
