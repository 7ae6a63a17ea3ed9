"""Who triages inquiries and keeps the referral catalogue: the secretariat (R9). `user.has_perm(perm, council)`."""

import rules

from raad.core.roles import is_secretariat

rules.add_perm("dialogue.triage_inquiries", is_secretariat)
