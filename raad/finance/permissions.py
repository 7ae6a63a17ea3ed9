"""Object permissions on a council's money: `user.has_perm(perm, council)`.

The secretariat keeps the budget, books expenses and decides claims; members, the chair, the vice-chair and
substitutes (unpaid) claim their own documented expenses and see only their own claims. Nothing is public."""

import rules

from raad.core.roles import Role, has_role, is_secretariat

is_claimant = has_role(Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.SUBSTITUTE)

rules.add_perm("finance.manage", is_secretariat)
rules.add_perm("finance.claim", is_claimant)
