"""Object permissions on a council's volunteering and local media: `user.has_perm(perm, council)`.

The secretariat records the volunteering strategy, the contributions and the opportunities, keeps the media list
and the coverage log and sends approved press releases; the secretariat and the members draft press releases;
only the forperson approves one (the service checks the membership in force on the day)."""

import rules

from raad.core.roles import Role, has_role, is_chair, is_council_participant, is_secretariat

is_press_drafter = has_role(Role.SECRETARIAT, Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)

rules.add_perm("community.view_volunteering", is_council_participant)
rules.add_perm("community.manage_volunteering", is_secretariat)
rules.add_perm("community.view_press", is_council_participant)
rules.add_perm("community.draft_press", is_press_drafter)
rules.add_perm("community.approve_press", is_chair)
rules.add_perm("community.manage_media", is_secretariat)
