"""The demo's topics: two with the whole chain (topics 1 and 2: a held meeting, a published statement, the
board's follow-up), one open, and a dialogue log of eight entries with associations, the jobcenter, a school and
a business; the public pages tell the chain."""

from __future__ import annotations

from django.urls import reverse

from raad.dialogue.models import DialogueEntry, Topic
from raad.meetings.models import Meeting
from raad.statements.models import Statement


def test_the_demo_tells_two_whole_chains_and_one_open_topic(demo_data, client):
    council = demo_data["council"]
    topics = {t.number: t for t in Topic.objects.filter(council=council).select_related("agenda_item__meeting")}
    assert sorted(topics) == [1, 2, 3]
    for number in (1, 2):
        topic = topics[number]
        assert topic.status == Topic.Status.FOLLOWED_UP
        assert topic.agenda_item.meeting.status == Meeting.Status.HELD
        assert topic.statement.status == Statement.Status.PUBLISHED
        assert topic.outcome and topic.published
        page = client.get(reverse("dialogue:topic", args=[council.slug, number])).content.decode()
        assert reverse("meetings_public:meeting", args=[council.slug, topic.agenda_item.meeting_id]) in page
        assert reverse("statements:public_detail", args=[council.slug, topic.statement_id]) in page
    assert topics[3].status == Topic.Status.OPEN
    entries = DialogueEntry.objects.filter(council=council)
    assert entries.count() == 8
    organisations = set(entries.values_list("organisation", flat=True))
    assert {"Jobcenter Holbæk", "Kildebakkeskolen", "Isefjord Rengøring ApS"} <= organisations
    assert entries.filter(counterpart=DialogueEntry.Counterpart.ASSOCIATIONS).count() == 3
