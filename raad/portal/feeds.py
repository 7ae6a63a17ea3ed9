"""RSS 2.0 and Atom feeds per council (Django's syndication framework): meetings (agenda sent out, minutes
published), statements, events and topics. Everything comes from the domain apps' `public_…` selectors, in the
language of the feed's URL (`/en/raad/<slug>/feeds/moeder.rss` is English, content translations included);
links are absolute from SITE_URL. Each feed reads its items in a fixed number of queries, whatever their number.
The public pages announce them with `<link rel="alternate">` (`includes/feed_links.html`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from raad.community.selectors import events as event_selectors
from raad.core.links import absolute_url
from raad.core.translations import localized
from raad.core.workspace import council_for
from raad.councils.models import Council
from raad.dialogue.selectors import topics as topic_selectors
from raad.meetings import selectors as meeting_selectors
from raad.statements import selectors as statement_selectors

LIMIT = 30  # items per feed: what a reader polling daily can miss


def _of(council: Council, items: list) -> list:
    """`items` with their council set to the feed's (already loaded), so their links need no query."""
    for item in items:
        item.council = council
    return items


def _when(value: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


class CouncilFeed(Feed):
    """One council's feed of one kind; `fmt` "rss" or "atom" chooses the format (see `feed()`)."""

    kind = ""  # the URL's word: moeder, hoeringssvar, arrangementer, emner
    fmt = "rss"
    list_url_name = ""  # the public list the feed follows

    def get_object(self, request: HttpRequest, slug: str) -> Council:
        return council_for(request, slug)

    def section(self) -> str:
        raise NotImplementedError

    def title(self, council: Council) -> str:
        return f"{localized(council, 'name')}: {self.section()}"

    def link(self, council: Council) -> str:
        return absolute_url(reverse(self.list_url_name, args=[council.slug]))

    def feed_url(self, council: Council) -> str:
        return absolute_url(reverse("portal:feed", args=[council.slug, self.kind, self.fmt]))

    def author_name(self, council: Council) -> str:
        return localized(council, "name")

    def item_link(self, item: Any) -> str:
        return absolute_url(self.item_path(item))

    def item_path(self, item: Any) -> str:
        raise NotImplementedError

    item_guid_is_permalink = False

    def item_guid(self, item: Any) -> str:
        return self.item_link(item)


class MeetingsFeed(CouncilFeed):
    kind = "moeder"
    list_url_name = "meetings_public:list"

    def section(self) -> str:
        return _("Dagsordener og referater")

    def description(self, council: Council) -> str:
        return _("Nye dagsordener og offentliggjorte referater fra %(council)s.") % {
            "council": localized(council, "name")
        }

    def items(self, council: Council) -> list:
        return meeting_selectors.public_meeting_news(council, limit=LIMIT)

    def item_title(self, news) -> str:
        label = _("Dagsorden") if news.kind == "agenda" else _("Referat")
        return f"{label}: {news.meeting}"

    def item_description(self, news) -> str:
        meeting = news.meeting
        parts = [_when(meeting.starts_at), meeting.location]
        if meeting.status == meeting.Status.CANCELLED:
            parts.insert(0, str(meeting.get_status_display()))
        return " · ".join(part for part in parts if part)

    def item_path(self, news) -> str:
        return news.meeting.get_public_url()

    def item_guid(self, news) -> str:
        return f"{self.item_link(news)}#{'dagsorden' if news.kind == 'agenda' else 'referat'}"

    def item_pubdate(self, news) -> datetime.datetime:
        return news.at

    def item_updateddate(self, news) -> datetime.datetime:
        return news.at


class StatementsFeed(CouncilFeed):
    kind = "hoeringssvar"
    list_url_name = "statements:public_archive"

    def section(self) -> str:
        return _("Høringssvar og udtalelser")

    def description(self, council: Council) -> str:
        return _("Høringssvar, udtalelser og kommentarer, som %(council)s har offentliggjort.") % {
            "council": localized(council, "name")
        }

    def items(self, council: Council) -> list:
        return _of(council, statement_selectors.public_statements_latest(council, limit=LIMIT))

    def item_title(self, statement) -> str:
        return localized(statement, "title")

    def item_description(self, statement) -> str:
        parts = [str(statement.get_kind_display())]
        if statement.adopted_on:
            parts.append(_("vedtaget %(date)s") % {"date": formats.date_format(statement.adopted_on, "DATE_FORMAT")})
        if statement.recipient_id:
            parts.append(f"{_('til')} {localized(statement.recipient, 'name')}")
        return " · ".join(parts)

    def item_path(self, statement) -> str:
        return reverse("statements:public_detail", args=[statement.council.slug, statement.pk])

    def item_pubdate(self, statement) -> datetime.datetime:
        return statement.published_at

    def item_updateddate(self, statement) -> datetime.datetime:
        return statement.published_at


class EventsFeed(CouncilFeed):
    kind = "arrangementer"
    list_url_name = "community:events"

    def section(self) -> str:
        return _("Arrangementer")

    def description(self, council: Council) -> str:
        return _("Arrangementer, som %(council)s holder eller er med til.") % {"council": localized(council, "name")}

    def items(self, council: Council) -> list:
        return event_selectors.public_events_latest(council, limit=LIMIT)

    def item_title(self, event) -> str:
        title = localized(event, "title")
        return f"{_('Aflyst')}: {title}" if event.status == event.Status.CANCELLED else title

    def item_description(self, event) -> str:
        when = " · ".join(part for part in (_when(event.starts_at), event.location) if part)
        return "\n\n".join(part for part in (when, localized(event, "description")) if part)

    def item_path(self, event) -> str:
        return event.get_public_url()

    def item_pubdate(self, event) -> datetime.datetime:
        return event.updated_at

    def item_updateddate(self, event) -> datetime.datetime:
        return event.updated_at


class TopicsFeed(CouncilFeed):
    kind = "emner"
    list_url_name = "dialogue:public_topics"

    def section(self) -> str:
        return _("Emner")

    def description(self, council: Council) -> str:
        return _("Emner, som borgere og foreninger har rejst over for %(council)s, og hvad der kom ud af dem.") % {
            "council": localized(council, "name")
        }

    def items(self, council: Council) -> list:
        return _of(council, topic_selectors.public_topics(council, limit=LIMIT))

    def item_title(self, topic) -> str:
        return localized(topic, "title")

    def item_description(self, topic) -> str:
        return "\n\n".join(part for part in (str(topic.get_status_display()), localized(topic, "summary")) if part)

    def item_path(self, topic) -> str:
        return reverse("dialogue:topic", args=[topic.council.slug, topic.number])

    def item_pubdate(self, topic) -> datetime.datetime:
        return topic.updated_at

    def item_updateddate(self, topic) -> datetime.datetime:
        return topic.updated_at


KINDS: dict[str, type[CouncilFeed]] = {
    feed.kind: feed for feed in (MeetingsFeed, StatementsFeed, EventsFeed, TopicsFeed)
}


def _formats(base: type[CouncilFeed]) -> dict[str, CouncilFeed]:
    rss = type(f"{base.__name__}Rss", (base,), {"fmt": "rss", "feed_type": Rss201rev2Feed})
    atom = type(
        f"{base.__name__}Atom",
        (base,),
        {"fmt": "atom", "feed_type": Atom1Feed, "subtitle": base.description},
    )
    return {"rss": rss(), "atom": atom()}


FEEDS: dict[str, dict[str, CouncilFeed]] = {kind: _formats(base) for kind, base in KINDS.items()}


def feed(request: HttpRequest, slug: str, kind: str, fmt: str) -> HttpResponse:
    """`/raad/<slug>/feeds/<kind>.<rss|atom>`: an unknown kind or format is a 404."""
    try:
        view = FEEDS[kind][fmt]
    except KeyError:
        raise Http404(_("Feedet findes ikke.")) from None
    return view(request, slug=slug)
