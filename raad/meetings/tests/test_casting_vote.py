"""R17/R18: on a tie under the chair-decides rule, the deciding vote is cast by the person leading the meeting,
who must be present (forperson → næstforperson → a member elected at the meeting), and the minutes name them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from raad.core.errors import RuleViolation
from raad.meetings import services
from raad.meetings.models import Decision, Vote
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .conftest import all_present, at
from .factories import chair_decides_on_ties

pytestmark = pytest.mark.django_db


@pytest.fixture
def tied(cast):
    """A running meeting under the chair-decides rule, with one decision item; the forperson is absent."""
    chair_decides_on_ties(cast)
    meeting = services.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), place="R", by=cast.secretary)
    item = services.item_add(meeting=meeting, title="Sommerarrangement", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast, except_=(0,))  # Amina Yusuf, the forperson, is not there
    return meeting, item


def test_absent_forpersons_casting_vote_is_refused(cast, tied):
    meeting, item = tied
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.item_decide(
            item=item,
            text="Vedtaget",
            votes_for=4,
            votes_against=4,
            chair_vote="for",
            casting_voter=cast.chair,
            by=cast.secretary,
        )
    assert refused.value.messages == [
        "Amina Yusuf leder ikke mødet og kan ikke afgive den udslagsgivende stemme. Den afgives af mødelederen, "
        "Lars Nielsen, som er til stede (R18, forretningsorden § 6, stk. 2)."
    ]


def test_present_naestforpersons_casting_vote_is_accepted_and_recorded(cast, tied):
    meeting, item = tied
    decision = services.item_decide(
        item=item,
        text="Vedtaget",
        votes_for=4,
        votes_against=4,
        chair_vote="for",
        casting_voter=cast.vice_chair,
        by=cast.secretary,
    )
    assert (decision.outcome, decision.vote.rule_applied, decision.vote.casting_voter) == (
        Decision.Outcome.ADOPTED,
        "tie_chair_decides",
        cast.vice_chair,
    )


def test_without_a_named_caster_the_present_leader_casts_it(cast, tied):
    meeting, item = tied
    decision = services.item_decide(
        item=item, text="Forkastet", votes_for=3, votes_against=3, chair_vote="against", by=cast.secretary
    )
    assert (decision.outcome, decision.vote.casting_voter) == (Decision.Outcome.REJECTED, cast.vice_chair)


def test_no_casting_vote_when_nobody_leads_the_meeting(cast):
    chair_decides_on_ties(cast)
    meeting = services.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), place="R", by=cast.secretary)
    item = services.item_add(meeting=meeting, title="Sommerarrangement", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast, except_=(0, 1))  # forperson and næstforperson both absent, nobody elected
    with assert_unchanged(), pytest.raises(RuleViolation, match="ingen mødeleder er til stede"):
        services.item_decide(item=item, text="x", votes_for=4, votes_against=4, chair_vote="for", by=cast.secretary)
    services.meeting_set_leader(meeting=meeting, membership=cast.member, by=cast.secretary)
    decision = services.item_decide(
        item=item, text="x", votes_for=4, votes_against=4, chair_vote="for", by=cast.secretary
    )
    assert decision.vote.casting_voter == cast.member  # the member the meeting elected (R18)


def test_the_screen_refuses_the_absent_forperson_with_status_400_and_the_rule(client, cast, tied):
    meeting, item = tied
    log_in_verified(client, cast.secretary)
    url = reverse("meetings:decide", args=[cast.council.slug, meeting.pk, item.pk])
    data = {
        f"d{item.pk}-text": "Vedtaget",
        f"d{item.pk}-method": "counts",
        f"d{item.pk}-votes_for": 4,
        f"d{item.pk}-votes_against": 4,
        f"d{item.pk}-abstentions": 0,
        f"d{item.pk}-chair_vote": "for",
        f"d{item.pk}-casting_voter": cast.chair.pk,
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Amina Yusuf leder ikke mødet" in response.content.decode()
    assert not Vote.objects.exists()

    screen = client.get(reverse("meetings:screen", args=[cast.council.slug, meeting.pk])).content.decode()
    assert "Ved stemmelighed afgiver mødelederen, Lars Nielsen, den udslagsgivende stemme." in screen
    assert f'name="d{item.pk}-casting_voter" value="{cast.vice_chair.pk}"' in screen
    response = client.post(url, {**data, f"d{item.pk}-casting_voter": cast.vice_chair.pk})
    assert response.status_code == 302
    assert Vote.objects.get().casting_voter == cast.vice_chair


def test_the_minutes_name_who_cast_the_deciding_vote(client, cast, tied):
    meeting, item = tied
    services.item_decide(item=item, text="Vedtaget", votes_for=4, votes_against=4, chair_vote="for", by=cast.secretary)
    services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    minutes = services.minutes_start(meeting=meeting, by=cast.secretary)
    [entry] = minutes.entries.all()
    assert "Ved stemmelighed afgav mødelederen, Lars Nielsen, den udslagsgivende stemme: for." in entry.text
    log_in_verified(client, cast.secretary)
    page = client.get(reverse("meetings:minutes", args=[cast.council.slug, meeting.pk])).content.decode()
    assert "Ved stemmelighed afgav mødelederen, Lars Nielsen, den udslagsgivende stemme: for." in page


def test_the_published_minutes_pdf_names_who_cast_the_deciding_vote(client, cast, tied):
    import io

    from pypdf import PdfReader

    from .factories import meeting_with_items

    meeting, item = tied
    services.item_decide(item=item, text="Vedtaget", votes_for=4, votes_against=4, chair_vote="for", by=cast.secretary)
    services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    minutes = services.minutes_start(meeting=meeting, by=cast.secretary)
    following = meeting_with_items(cast, starts=at(2027, 1, 21))
    services.meeting_send_notice(meeting=following, by=cast.secretary)
    services.minutes_approve(minutes=minutes, how="next_meeting", at_meeting=following, by=cast.secretary)
    services.minutes_publish(minutes=minutes, by=cast.secretary)
    response = client.get(reverse("meetings_public:minutes_pdf", args=[cast.council.slug, meeting.pk]))
    assert response.status_code == 200
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "Ved stemmelighed afgav mødelederen, Lars Nielsen, den udslagsgivende stemme: for." in text
