"""RSS and Atom feeds per council (raad/portal/feeds.py): exactly what was published, newest first, in the
language of the URL; never a draft, a closed item or an unpublished statement; announced on the public pages;
a fixed number of queries whatever the number of items."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from raad.community.services import events as event_services
from raad.community.tests import public_outputs_events
from raad.core.translations import localized
from raad.dialogue.services import topics as topic_services
from raad.dialogue.tests import public_outputs_topics
from raad.meetings import services as meeting_services
from raad.meetings.tests.factories import SECRET, meeting_with_items, published_meeting
from raad.statements.tests import public_outputs as statement_outputs

ATOM = "{http://www.w3.org/2005/Atom}"


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")
    return (
        channel,
        [{child.tag: child.text for child in item} for item in channel.findall("item")],
        response.content.decode(),
    )


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    return feed, feed.findall(f"{ATOM}entry"), response.content.decode()


def test_meetings_feed_has_the_agenda_and_the_minutes_newest_first_and_nothing_closed(client, cast):
    meeting, *_ = published_meeting(cast)
    meeting_with_items(cast, n_open=1, starts=timezone.now() + datetime.timedelta(days=40))  # no notice yet
    slug = cast.council.slug
    channel, items, body = rss(client, f"/raad/{slug}/feeds/moeder.rss")
    day = timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y")
    page = f"https://raad.test/raad/{slug}/moeder/{meeting.pk}/"
    assert channel.findtext("title") == "Integrationsrådet i Holbæk Kommune: Dagsordener og referater"
    assert channel.findtext("link") == f"https://raad.test/raad/{slug}/moeder/"
    assert channel.findtext("language") == "da"
    assert [(i["title"], i["link"], i["guid"]) for i in items] == [
        (f"Referat: Ordinært møde {day}", page, f"{page}#referat"),
        (f"Dagsorden: Ordinært møde {day}", page, f"{page}#dagsorden"),
    ]
    assert SECRET not in body and SECRET.lower() not in body
    assert "moede.invalid" not in body  # the online link is for members

    feed, entries, body = atom(client, f"/en/raad/{slug}/feeds/moeder.atom")
    with translation.override("en"):
        assert feed.findtext(f"{ATOM}title") == f"{localized(cast.council, 'name')}: Agendas and minutes"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        f"Minutes: Ordinary meeting {day}",
        f"Agenda: Ordinary meeting {day}",
    ]
    assert entries[0].find(f"{ATOM}link").get("href") == f"https://raad.test/en/raad/{slug}/moeder/{meeting.pk}/"
    assert SECRET not in body

    # Minutes taken off the public site leave the feed; the agenda stays.
    meeting_services.minutes_unpublish(minutes=meeting.minutes, by=cast.secretary)
    _channel, items, _body = rss(client, f"/raad/{slug}/feeds/moeder.rss")
    assert [i["title"] for i in items] == [f"Dagsorden: Ordinært møde {day}"]


def test_statements_feed_has_only_the_published_statement(client, cast):
    statement_outputs.build(cast)  # a published statement, a draft, an adopted one not sent, comments
    _channel, items, body = rss(client, f"/raad/{cast.council.slug}/feeds/hoeringssvar.rss")
    assert [i["title"] for i in items] == ["Udtalelse om foreningslivet"]
    assert items[0]["description"] == "Udtalelse · vedtaget 24. november 2026 · til Økonomiudvalget"
    assert not [secret for secret in statement_outputs.SECRETS if secret in body]


def test_events_feed_has_public_events_latest_change_first_and_no_draft_or_registrant(client, cast):
    public_outputs_events.build(cast)
    _channel, items, body = rss(client, f"/raad/{cast.council.slug}/feeds/arrangementer.rss")
    assert [i["title"] for i in items] == ["Fællesspisning", "Åben sprogcafé"]
    assert "Biblioteket, Klosterstræde 13, 4300 Holbæk" in items[1]["description"]
    assert not [secret for secret in public_outputs_events.SECRETS if secret in body]


def test_topics_feed_has_published_topics_in_the_page_language(client, cast):
    public_outputs_topics.build(cast)
    _channel, items, body = rss(client, f"/en/raad/{cast.council.slug}/feeds/emner.rss")
    assert [i["title"] for i in items] == ["Tryghed i boligområdet"]  # no English translation: the Danish text
    assert not [secret for secret in public_outputs_topics.SECRETS if secret in body]


@pytest.mark.parametrize(
    "url",
    [
        "/raad/integrationsraadet/feeds/kladder.rss",  # no such kind
        "/raad/findes-ikke/feeds/moeder.rss",  # no such council
        "/raad/integrationsraadet/feeds/moeder.json",  # no such format
    ],
)
def test_an_unknown_feed_is_404(client, cast, url):
    assert client.get(url).status_code == 404


def test_public_lists_announce_and_link_their_feeds(client, cast):
    slug = cast.council.slug
    pages = {
        "moeder": f"/raad/{slug}/moeder/",
        "hoeringssvar": f"/raad/{slug}/hoeringssvar/",
        "arrangementer": f"/raad/{slug}/arrangementer/",
        "emner": f"/raad/{slug}/emner/",
    }
    for kind, url in pages.items():
        page = client.get(url).content.decode()
        head = page.split("</head>")[0]
        assert 'type="application/rss+xml" title="Integrationsrådet i Holbæk Kommune: ' in head, url
        assert f'href="/raad/{slug}/feeds/{kind}.rss"' in head and f'href="/raad/{slug}/feeds/{kind}.atom"' in head
        body = page.split("</head>")[1]
        assert f'<a class="function-link" href="/raad/{slug}/feeds/{kind}.rss"' in body, url
    english = client.get(f"/en/raad/{slug}/emner/").content.decode()
    with translation.override("en"):
        name = localized(cast.council, "name")
    assert f'title="{name}: Topics (RSS)" href="/en/raad/{slug}/feeds/emner.rss"' in english


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_each_feed_makes_the_same_number_of_queries_for_one_item_or_many(client, cast):
    council, slug = cast.council, cast.council.slug
    start = timezone.now() + datetime.timedelta(days=10)

    def add_one(n):
        topic_services.topic_create(council=council, title=f"Emne {n}", published=True, by=cast.secretary)
        event = event_services.event_create(
            council=council, data={"title": f"Arrangement {n}", "starts_at": start, "place": "Biblioteket"}, by=None
        )
        event_services.event_publish(event=event, by=None)
        meeting = meeting_with_items(cast, n_open=1, starts=start + datetime.timedelta(days=n))
        meeting_services.meeting_send_notice(meeting=meeting, by=cast.secretary)

    add_one(0)
    urls = [
        f"{lang}/raad/{slug}/feeds/{kind}.{fmt}"
        for lang in ("", "/en")
        for kind in ("moeder", "arrangementer", "emner")
        for fmt in ("rss", "atom")
    ]
    urls += [f"/raad/{slug}/feeds/hoeringssvar.rss"]
    one = {url: _queries(client, url) for url in urls}
    for n in (1, 2, 3):
        add_one(n)
    assert {url: _queries(client, url) for url in urls} == one
