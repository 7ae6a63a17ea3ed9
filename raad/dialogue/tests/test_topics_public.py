"""The public "I sagde – vi gjorde" pages: counts, never an inquirer's words without consent (and then without
a name, CPR masked), the meeting only where its item is open, the statement only when published."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from raad.dialogue.services import log as log_services
from raad.dialogue.services import topics as services
from raad.meetings import services as meetings

from .topic_helpers import adopted_statement, hold, inquiry, plan


def url(council, number=None, lang=""):
    prefix = f"/{lang}" if lang else ""
    if number is None:
        return prefix + reverse("dialogue:public_topics", args=[council.slug])
    return prefix + reverse("dialogue:topic", args=[council.slug, number])


@pytest.fixture
def topic(council, secretary):
    topic = services.topic_create(
        council=council,
        title="Fritidsjob til unge",
        summary="Unge mangler netværk.",
        published=True,
        raised_elsewhere_count=3,
        by=secretary,
    )
    inquiry(topic, text="HEMMELIG-ORDLYD fra en borger", name="Karin Skjult", email="karin@test.invalid")
    inquiry(topic, text="Mit barn kan ikke få job. Mit cpr er 010190-1234.", name="Bo Navnløs", consent=True)
    log_services.dialogue_entry_record(
        council=council,
        held_on=timezone.localdate(),
        counterpart="associations",
        organisation="Foreningen Sammen",
        learned="Unge søger forgæves.",
        topics=[topic],
        by=secretary,
    )
    return topic


def test_the_list_shows_published_topics_with_counts_only(client, council, secretary, topic):
    services.topic_create(council=council, title="KLADDE-EMNE", by=secretary)
    response = client.get(url(council))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Fritidsjob til unge" in text
    assert "Rejst af 6 personer eller grupper" in text  # 2 inquiries + 3 elsewhere + 1 log entry
    assert "KLADDE-EMNE" not in text
    assert "HEMMELIG-ORDLYD" not in text


def test_the_page_shows_counts_and_only_the_consented_text_without_its_name(client, council, topic):
    response = client.get(url(council, topic.number))
    text = response.content.decode()
    assert "6 personer eller grupper har rejst emnet." in text
    assert "2 skrev til rådet" in text
    assert "1 møde eller samtale med rådet" in text
    assert "3 sagde det på anden måde" in text
    assert "Mit barn kan ikke få job." in text
    assert "010190-1234" not in text
    for secret in ("HEMMELIG-ORDLYD", "Karin Skjult", "Bo Navnløs", "karin@test.invalid", "Foreningen Sammen"):
        assert secret not in text


def test_an_unpublished_topic_is_not_found(client, council, secretary):
    hidden = services.topic_create(council=council, title="KLADDE-EMNE", by=secretary)
    response = client.get(url(council, hidden.number))
    assert response.status_code == 404
    assert "KLADDE-EMNE" not in response.content.decode()


def test_the_meeting_is_linked_only_when_its_item_is_open_and_the_agenda_out(client, council, secretary, topic):
    meeting = plan(council, days=30)
    item = meetings.item_add(meeting=meeting, title="Lukket sag", is_closed=True, by=secretary)
    services.topic_agenda_item_link(topic=topic, item=item, by=secretary)
    hold(meeting, by=secretary)
    public_url = reverse("meetings_public:meeting", args=[council.slug, meeting.pk])
    text = client.get(url(council, topic.number)).content.decode()
    assert public_url not in text
    assert "Lukket sag" not in text

    other = plan(council, days=40)
    open_item = meetings.item_add(meeting=other, title="Fritidsjob", by=secretary)
    services.topic_agenda_item_link(topic=topic, item=open_item, by=secretary)
    other_url = reverse("meetings_public:meeting", args=[council.slug, other.pk])
    assert other_url not in client.get(url(council, topic.number)).content.decode()  # the agenda is not out yet
    hold(other, by=secretary)
    assert other_url in client.get(url(council, topic.number)).content.decode()


def test_the_statement_is_linked_only_when_published(client, council, secretary, topic):
    statement = adopted_statement(council, title="UDTALELSE-IKKE-OFFENTLIG", by=secretary, publish=False)
    services.topic_statement_link(topic=topic, statement=statement, by=secretary)
    text = client.get(url(council, topic.number)).content.decode()
    assert "UDTALELSE-IKKE-OFFENTLIG" not in text
    assert reverse("statements:public_detail", args=[council.slug, statement.pk]) not in text
    assert "Ingen udtalelse endnu." in text


def test_a_published_statement_and_the_boards_follow_up_are_shown(client, council, secretary, topic):
    statement = adopted_statement(council, title="Udtalelse om fritidsjob", by=secretary)
    services.topic_statement_link(topic=topic, statement=statement, by=secretary)
    services.topic_outcome_register(
        topic=topic, outcome="Udvalget lavede en plan.", outcome_on=timezone.localdate(), by=secretary
    )
    text = client.get(url(council, topic.number)).content.decode()
    assert reverse("statements:public_detail", args=[council.slug, statement.pk]) in text
    assert "Udtalelse om fritidsjob" in text
    assert "Udvalget lavede en plan." in text


def test_english_page_and_danish_content_marked_as_such(client, council, topic):
    text = client.get(url(council, topic.number, "en")).content.decode()
    assert "6 people or groups raised the topic." in text
    assert '<h1 lang="da" dir="ltr">Fritidsjob til unge</h1>' in text
    assert "This text is not yet available in your language. It is shown in Danish." in text  # the shared notice


def test_a_translated_title_is_shown_in_english(client, council, secretary, topic):
    from raad.core.translations import translation_set

    translation_set(obj=topic, field="title", language="en", text="Spare-time jobs for young people", status="draft")
    text = client.get(url(council, lang="en")).content.decode()
    assert "Spare-time jobs for young people" in text


def test_the_council_page_lists_the_latest_three(client, council, secretary, topic):
    for title in ("Emne to", "Emne tre", "Emne fire"):
        services.topic_create(council=council, title=title, published=True, by=secretary)
    text = client.get(reverse("portal:council", args=[council.slug])).content.decode()
    assert "I sagde – vi gjorde" in text
    assert all(t in text for t in ("Emne to", "Emne tre", "Emne fire"))
    assert "Fritidsjob til unge" not in text


def test_query_counts_of_the_public_pages(client, council, secretary, topic, django_assert_num_queries):
    for n in range(5):
        services.topic_create(council=council, title=f"Emne {n}", published=True, by=secretary)
    with django_assert_num_queries(2):
        assert client.get(url(council)).status_code == 200
    # In English: one query for the topics' translations and one for the council's (its name), however many topics.
    with django_assert_num_queries(4):
        assert client.get(url(council, lang="en")).status_code == 200
