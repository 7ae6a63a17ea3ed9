"""Object permissions on a council's associations: `user.has_perm(perm, council)`. The secretariat keeps the
register and decides on requests."""

import rules

from raad.core.roles import is_secretariat

rules.add_perm("community.manage_associations", is_secretariat)
