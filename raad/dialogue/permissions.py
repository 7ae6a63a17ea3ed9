"""Object permissions on a council's dialogue: `user.has_perm(perm, council)`.

The secretariat triages inquiries and keeps the referral catalogue (R9), and manages topics (create, edit, put
on the agenda, link a statement, register the follow-up); every participant of the council reads the topics;
members and the secretariat record the dialogue log."""

import rules

from raad.core.roles import Role, has_role, is_council_participant, is_secretariat

is_log_keeper = has_role(Role.SECRETARIAT, Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.SUBSTITUTE)

rules.add_perm("dialogue.triage_inquiries", is_secretariat)
rules.add_perm("dialogue.view_topics", is_council_participant)
rules.add_perm("dialogue.manage_topics", is_secretariat)
rules.add_perm("dialogue.view_log", is_log_keeper)
rules.add_perm("dialogue.record_log", is_log_keeper)
