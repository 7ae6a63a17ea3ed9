"""Object permissions on a council's events: `user.has_perm(perm, council)`.

The secretariat and the council's members plan, publish, cancel and move events and write the account
afterwards (the kommissorium gives the council the task, not only its secretariat). Registrants' details
(the participant list, needs, attendance, the CSV export) and photo consents are for the secretariat only."""

import rules

from raad.core.roles import Role, has_role, is_secretariat

is_event_planner = has_role(Role.SECRETARIAT, Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)

rules.add_perm("community.plan_events", is_event_planner)
rules.add_perm("community.manage_registrations", is_secretariat)
