"""Object permissions on meetings, checked with `user.has_perm(perm, council_or_meeting)`."""

import rules

from raad.core.roles import (
    Role,
    council_id_of,
    has_role,
    is_council_member,
    is_council_participant,
    is_secretariat,
    roles_of,
)

is_chair_or_vice = has_role(Role.CHAIR, Role.VICE_CHAIR)


@rules.predicate
def is_meeting_leader(user, obj=None) -> bool:
    """The member the meeting chose to lead it when forperson and næstforperson are both absent (R18).
    Only true when the permission is checked on the meeting itself."""
    leader_id = getattr(obj, "leader_id", None)
    if leader_id is None or not user.is_authenticated:
        return False
    return obj.leader.person.user_id == user.pk


@rules.predicate
def is_liaison_guest(user, obj=None) -> bool:
    """The board's liaison, where the rules of procedure in force today let the liaison attend as a guest bound by
    confidentiality (R27); otherwise the liaison reads only what is public plus the approved minutes."""
    council_id = council_id_of(obj)
    if Role.BOARD_LIAISON not in roles_of(user, council_id):
        return False
    from raad.councils.selectors import NoRulesInForce, rules_in_force

    try:
        return rules_in_force(council_id).liaison_attends_as_guest
    except NoRulesInForce:
        return False


rules.add_perm("meetings.view", is_council_participant)
# Closed items, drafts of the minutes and the members' responses: everyone bound by confidentiality.
rules.add_perm(
    "meetings.view_confidential",
    is_secretariat | is_council_member | has_role(Role.SUBSTITUTE) | is_liaison_guest,
)
rules.add_perm("meetings.manage", is_secretariat)
rules.add_perm("meetings.propose_item", is_council_member)
rules.add_perm("meetings.send_apology", is_council_member)
rules.add_perm("meetings.run", is_secretariat | is_chair_or_vice | is_meeting_leader)
rules.add_perm("meetings.respond_minutes", is_council_member)
# Who sees the closed items' titles and decisions on the live view of a meeting (never on the projector view).
rules.add_perm("meetings.live_closed", is_secretariat | is_council_member | is_meeting_leader)
