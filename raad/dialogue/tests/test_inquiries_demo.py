"""The demo's inquiries and referral catalogue (raad/dialogue/demo_inquiries.py)."""

import pytest

from raad.dialogue.models import Inquiry, ReferralService, Topic
from raad.dialogue.selectors.inquiries import waiting_count

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_catalogue_and_inquiries_in_four_languages(demo_data, client):
    council = demo_data["council"]
    assert list(ReferralService.objects.values_list("slug", flat=True)) == [
        "jobcenter-holbaek",
        "borgerservice",
        "familieafdelingen",
        "sprogcenter-holbaek",
        "boligsocial-helper",
    ]
    assert all("Opdigtede kontaktoplysninger" in r.description for r in ReferralService.objects.all())
    assert sorted(set(Inquiry.objects.values_list("language", flat=True))) == ["ar", "da", "en", "uk"]
    assert Inquiry.objects.count() == 10
    assert Inquiry.objects.filter(status="referred", classification="individual").count() == 3
    assert Inquiry.objects.filter(status="answered").count() == 1
    # Four general inquiries join topics 1 and 2 when the topics story made them; else they wait for triage too
    topics = Topic.objects.filter(council=council, number__in=(1, 2)).count()
    assert waiting_count(council) == (2 if topics == 2 else 6)
    assert Inquiry.objects.filter(classification="general").count() == (4 if topics == 2 else 0)
    page = client.get(f"/en/raad/{council.slug}/hjaelp/").content.decode()
    assert "Holbæk Job Centre" in page
