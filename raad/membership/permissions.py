"""Object permissions on a council for membership work, checked with `user.has_perm(perm, council)`."""

import rules

from raad.core.roles import is_council_member, is_council_participant, is_secretariat

rules.add_perm("membership.manage", is_secretariat)
rules.add_perm("membership.view", is_council_participant)
rules.add_perm("membership.vote", is_council_member)
