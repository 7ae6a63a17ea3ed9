"""Who may manage the council's API tokens: the secretariat."""

import rules

from raad.core.roles import is_secretariat

rules.add_perm("api.manage_tokens", is_secretariat)
