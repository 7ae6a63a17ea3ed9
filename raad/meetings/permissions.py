"""Object permissions on meetings, checked with `user.has_perm(perm, council_or_meeting)`."""

import rules

from raad.core.roles import Role, has_role, is_council_member, is_council_participant, is_secretariat

is_chair_or_vice = has_role(Role.CHAIR, Role.VICE_CHAIR)

rules.add_perm("meetings.view", is_council_participant)
rules.add_perm("meetings.manage", is_secretariat)
rules.add_perm("meetings.propose_item", is_council_member)
rules.add_perm("meetings.send_apology", is_council_member)
rules.add_perm("meetings.run", is_secretariat | is_chair_or_vice)
rules.add_perm("meetings.respond_minutes", is_council_member)
