"""The demo's volunteering and media story: a strategy (marked as an example) with three goals and the council's
contributions, two opportunities on the public page, a press release approved by the forperson and sent to each
invented outlet, a draft that stays internal, and three pieces of coverage."""

from __future__ import annotations

from django.urls import reverse

from raad.community.models import MediaCoverage, PressRelease, VolunteeringContribution, VolunteeringStrategy
from raad.community.selectors.volunteering import public_opportunities
from raad.core.models import OutgoingMail


def test_the_demo_tells_the_volunteering_and_media_story(demo_data, client):
    council = demo_data["council"]
    strategy = VolunteeringStrategy.objects.get(council=council)
    assert "eksempel" in strategy.title and strategy.goals.count() == 3
    assert VolunteeringContribution.objects.filter(council=council).count() == 2
    assert len(public_opportunities(council)) == 2
    sent = PressRelease.objects.get(council=council, status=PressRelease.Status.PUBLISHED)
    assert sent.approved_by.username == "forperson"
    assert (
        sent.dispatches.count() == 3
        and not OutgoingMail.objects.filter(council_id=council.pk, subject__contains=sent.title).exists()
    )
    assert PressRelease.objects.filter(council=council, status=PressRelease.Status.DRAFT).count() == 1
    assert MediaCoverage.objects.filter(council=council).count() == 3
    press = client.get(reverse("community:press_public", args=[council.slug])).content.decode()
    assert sent.title in press and "Rådet søger foreninger til integrationens dag" not in press
    volunteering = client.get(reverse("community:volunteering_public", args=[council.slug])).content.decode()
    assert "Frivillig lektiehjælper" in volunteering and "Hjælpere til fællesspisning" in volunteering
