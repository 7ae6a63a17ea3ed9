"""R8: a change of the rules of procedure is proposed by the secretariat, voted by the council, then adopted
by the board, each step in the audit journal; only the adopted version takes effect, from its date."""

from __future__ import annotations

import datetime

import pytest

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.councils.models import RulesChange
from raad.councils.presets import PRESETS
from raad.councils.selectors import rules_in_force
from raad.councils.services import rules_change_board_adopt, rules_change_council_vote, rules_change_propose
from raad.testing import assert_unchanged

# The story is the demo day's (its term 2026–2029, its meetings): the clock stands there.
pytestmark = pytest.mark.usefixtures("on_the_demo_day")

D = datetime.date
PROPOSED_ON = D(2026, 9, 1)
IN_FORCE = D(2027, 1, 1)


def _propose(cast, **changes):
    return rules_change_propose(
        council=cast.council,
        settings=dict(PRESETS["holbaek"]["rules"]["settings"], **changes),
        in_force_from=IN_FORCE,
        change_summary="Fristen for medlemmernes punkter bliver 14 dage.",
        by=cast.secretary,
        today=PROPOSED_ON,
    )


def test_proposed_voted_adopted_and_only_then_in_force(cast):
    change = _propose(cast, member_item_deadline_days=14)
    assert rules_in_force(cast.council, IN_FORCE).member_item_deadline_days == 10
    change = rules_change_council_vote(
        change=change,
        voted_on=D(2026, 9, 24),
        votes_for=7,
        votes_against=2,
        meeting_reference="Møde 24.09.2026, pkt. 5",
        by=cast.secretary,
    )
    assert change.status == RulesChange.Status.COUNCIL_ADOPTED
    assert rules_in_force(cast.council, IN_FORCE).member_item_deadline_days == 10
    version = rules_change_board_adopt(
        change=change, adopted_on=D(2026, 10, 29), decision_reference="KB 29.10.2026, pkt. 11", by=cast.secretary
    )
    assert (version.in_force_from, version.adopted_on, version.council_endorsed_on) == (
        IN_FORCE,
        D(2026, 10, 29),
        D(2026, 9, 24),
    )
    assert version.decision.reference == "KB 29.10.2026, pkt. 11"
    assert rules_in_force(cast.council, IN_FORCE - datetime.timedelta(days=1)).member_item_deadline_days == 10
    assert rules_in_force(cast.council, IN_FORCE).member_item_deadline_days == 14
    verbs = list(
        AuditEntry.objects.filter(target_id=str(change.pk), verb__startswith="rules_change.")
        .order_by("id")
        .values_list("verb", flat=True)
    )
    assert verbs == ["rules_change.proposed", "rules_change.council_voted", "rules_change.board_adopted"]
    proposed = AuditEntry.objects.get(verb="rules_change.proposed")
    assert proposed.changes["member_item_deadline_days"] == {"before": 10, "after": 14}
    voted = AuditEntry.objects.get(verb="rules_change.council_voted")
    assert voted.changes["meeting_reference"]["after"] == "Møde 24.09.2026, pkt. 5"


def test_the_board_cannot_adopt_what_the_council_did_not_vote_for(cast):
    change = _propose(cast, member_item_deadline_days=14)
    with assert_unchanged(), pytest.raises(RuleViolation, match="som rådet har stemt for"):
        rules_change_board_adopt(change=change, adopted_on=D(2026, 10, 29), decision_reference="KB", by=None)
    rejected = rules_change_council_vote(change=change, voted_on=D(2026, 9, 24), votes_for=3, votes_against=6, by=None)
    assert rejected.status == RulesChange.Status.COUNCIL_REJECTED
    with assert_unchanged(), pytest.raises(RuleViolation, match="som rådet har stemt for"):
        rules_change_board_adopt(change=rejected, adopted_on=D(2026, 10, 29), decision_reference="KB", by=None)
    assert rules_in_force(cast.council, IN_FORCE).member_item_deadline_days == 10


def test_an_inconsistent_proposal_is_refused(cast):
    with assert_unchanged(), pytest.raises(RuleViolation, match="forretningsorden § 5, stk. 2"):
        _propose(cast, notice_deadline_days=12)


def test_the_three_steps_in_the_workspace_without_javascript(client, cast):
    from raad.testing.cast import log_in_verified

    base = f"/arbejdsrum/{cast.council.slug}/forretningsorden/aendringer/"
    log_in_verified(client, cast.users["medlem"])
    assert client.get(base).status_code == 403
    log_in_verified(client, cast.secretary)
    page = client.get(base)
    assert page.status_code == 200 and 'value="10"' in page.content.decode()
    data = {
        name: ("on" if value is True else "" if value is False else value)
        for name, value in PRESETS["holbaek"]["rules"]["settings"].items()
    }
    data.update(member_item_deadline_days=14, in_force_from="2030-01-01", change_summary="14 dage")
    data = {k: v for k, v in data.items() if v != ""}
    response = client.post(base, data)
    change = RulesChange.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{base}{change.pk}/"
    vote = {"voted_on": "2029-09-24", "votes_for": "6", "votes_against": "1", "votes_abstained": "0"}
    assert client.post(f"{base}{change.pk}/afstemning/", vote).status_code == 302
    adopt = {"adopted_on": "2029-09-01", "decision_reference": "KB 1.9.2029"}
    refused = client.post(f"{base}{change.pk}/vedtagelse/", adopt)
    assert refused.status_code == 400
    assert "Kommunalbestyrelsen kan ikke vedtage ændringen før rådets afstemning." in refused.content.decode()
    adopt["adopted_on"] = "2029-10-29"
    assert client.post(f"{base}{change.pk}/vedtagelse/", adopt).status_code == 302
    assert rules_in_force(cast.council, D(2030, 1, 1)).member_item_deadline_days == 14
    assert "Vedtaget af kommunalbestyrelsen" in client.get(f"{base}{change.pk}/").content.decode()
