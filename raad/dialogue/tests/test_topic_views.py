"""The topic workspace through the test client (no JavaScript): the list, create and edit, one click on the
agenda, a refusal naming the rule, the statement and the follow-up, who may do what, the desk panel."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from raad.dialogue.models import Topic
from raad.dialogue.services import topics as services
from raad.meetings.models import AgendaItem
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .topic_helpers import adopted_statement, plan, url


@pytest.fixture
def sec_client(client, secretary):
    log_in_verified(client, secretary)
    return client


@pytest.fixture
def topic(council, secretary):
    return services.topic_create(council=council, title="Lektiehjælp", by=secretary)


def test_secretary_creates_a_topic_with_purposes(sec_client, council):
    from raad.councils.models import Purpose

    purpose = Purpose.objects.filter(terms_of_reference__council=council).order_by("number").first()
    page = sec_client.get(url(council, "topic_new")).content.decode()
    assert 'type="checkbox" name="purposes"' in page
    response = sec_client.post(
        url(council, "topic_new"),
        {
            "title": "Fritidsjob",
            "summary": "Unge mangler netværk.",
            "purposes": [purpose.pk],
            "raised_elsewhere_count": "2",
            "published": "on",
        },
    )
    topic = Topic.objects.get(council=council)
    assert response.status_code == 302 and response["Location"] == url(council, "topic_workspace", topic.number)
    assert (topic.title, topic.published, topic.raised_elsewhere_count) == ("Fritidsjob", True, 2)
    assert list(topic.purposes.all()) == [purpose]


def test_a_bad_form_keeps_what_was_typed(sec_client, council):
    with assert_unchanged(ignore={"sessions.Session"}):
        response = sec_client.post(
            url(council, "topic_new"), {"title": "", "summary": "Noget vi skrev", "raised_elsewhere_count": "-3"}
        )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Noget vi skrev" in page
    assert "Dette felt er påkrævet." in page


def test_edit_a_topic(sec_client, council, topic):
    response = sec_client.post(
        url(council, "topic_edit", topic.number), {"title": "Lektiehjælp på biblioteket", "raised_elsewhere_count": "0"}
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.title == "Lektiehjælp på biblioteket"


def test_one_click_puts_it_on_the_next_open_agenda(sec_client, council, topic):
    meeting = plan(council, days=30)
    page = sec_client.get(url(council, "topic_workspace", topic.number)).content.decode()
    assert "Sæt på dagsordenen" in page
    response = sec_client.post(url(council, "topic_place_on_agenda", topic.number), follow=True)
    assert "Emnet er sat på dagsordenen for mødet" in response.content.decode()
    item = AgendaItem.objects.get(meeting=meeting)
    assert item.title == "Lektiehjælp"


def test_the_refusal_names_the_rule_and_changes_nothing(sec_client, council, topic):
    with assert_unchanged(ignore={"sessions.Session"}):
        response = sec_client.post(url(council, "topic_place_on_agenda", topic.number))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Det kunne ikke lade sig gøre" in page
    assert "forretningsorden §" in page


def test_statement_and_follow_up_through_the_page(sec_client, council, secretary, topic):
    statement = adopted_statement(council, title="Udtalelse om lektiehjælp", by=secretary)
    response = sec_client.post(url(council, "topic_statement", topic.number), {"statement": statement.pk})
    assert response.status_code == 302
    bad = sec_client.post(url(council, "topic_outcome", topic.number), {"outcome": "", "outcome_on": ""})
    assert bad.status_code == 400
    ok = sec_client.post(
        url(council, "topic_outcome", topic.number),
        {"outcome": "Biblioteket åbner lektiecafé.", "outcome_on": timezone.localdate().isoformat()},
    )
    assert ok.status_code == 302
    topic.refresh_from_db()
    assert (topic.status, topic.statement_id) == (Topic.Status.FOLLOWED_UP, statement.pk)


def test_members_read_topics_but_do_not_manage_them(client, cast, council, topic):
    log_in_verified(client, cast.users["medlem"])
    page = client.get(url(council, "topics")).content.decode()
    assert "Lektiehjælp" in page and "Nyt emne" not in page
    assert "Sæt på dagsordenen" not in client.get(url(council, "topic_workspace", topic.number)).content.decode()
    assert client.get(url(council, "topic_new")).status_code == 403
    assert client.post(url(council, "topic_place_on_agenda", topic.number)).status_code == 403
    client.logout()
    log_in_verified(client, cast.citizen)
    assert client.get(url(council, "topics")).status_code == 403


def test_the_desk_shows_topics_waiting_and_statements_without_follow_up(sec_client, council, secretary, topic):
    other = services.topic_create(council=council, title="Fritidsjob", by=secretary)
    statement = adopted_statement(council, title="Udtalelse om fritidsjob", by=secretary)
    services.topic_statement_link(topic=other, statement=statement, by=secretary)
    page = sec_client.get(reverse("secretariat:council", args=[council.slug])).content.decode()
    assert "Emner fra dialogen" in page
    waiting, _, missing = page.partition("Udtalelse givet, opfølgning mangler")
    assert "Lektiehjælp" in waiting.partition("Venter på et møde")[2]
    assert "Fritidsjob" in missing


def test_query_count_of_the_workspace_list_does_not_grow_with_topics(sec_client, council, secretary):
    """16: the session, the user and their second factor, the roles, the council, the topics with their counts,
    the purposes, and the chrome's menu checks; the same for 6 and 12 topics."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (6, 12):
        while Topic.objects.filter(council=council).count() < size:
            services.topic_create(council=council, title="Emne", by=secretary)
        sec_client.get(url(council, "topics"))  # the session's first touch is not counted
        with CaptureQueriesContext(connection) as queries:
            assert sec_client.get(url(council, "topics")).status_code == 200
        counts.append(len(queries))
    assert counts == [10, 10]
