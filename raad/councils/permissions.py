"""Object permissions on councils, checked with `user.has_perm(perm, council)`."""

import rules

from raad.core.roles import is_council_participant, is_secretariat

rules.add_perm("councils.view_workspace", is_council_participant)
rules.add_perm("councils.change_terms_of_reference", is_secretariat)
rules.add_perm("councils.change_rules_of_procedure", is_secretariat)
rules.add_perm("councils.change_contact", is_secretariat)
rules.add_perm("councils.view_audit", is_secretariat)
rules.add_perm("councils.view_deadlines", is_secretariat)
rules.add_perm("councils.archive", is_secretariat)
rules.add_perm("councils.manage_rooms", is_secretariat)
