"""Object permissions on the integration effort: `user.has_perm(perm, council)`.

Everyone with a role in the council sees the goals and indicators; the secretariat records goals, imports values,
links indicators to discussions and puts an indicator on the agenda."""

import rules

from raad.core.roles import is_council_participant, is_secretariat

rules.add_perm("effort.view", is_council_participant)
rules.add_perm("effort.manage", is_secretariat)
