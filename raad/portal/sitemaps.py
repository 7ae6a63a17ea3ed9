"""`/sitemap.xml` and `/robots.txt`: what a search engine may index. The sitemap lists the public pages only
(the site's own pages, each public council's pages and lists, and each public meeting, statement, event, topic
and association), read through the `public_…` selectors, in Danish and English with hreflang alternates (the
languages every page exists in; `core.languages.WHOLE_SITE`), at SITE_URL's address, never the request's host.
robots.txt keeps crawlers out of the workspace, the account pages and the admin, in every language."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control

from raad.community.selectors import associations as association_selectors
from raad.community.selectors import events as event_selectors
from raad.core.languages import WHOLE_SITE
from raad.councils.selectors import public_council_list
from raad.dialogue.selectors import topics as topic_selectors
from raad.meetings import selectors as meeting_selectors
from raad.statements import selectors as statement_selectors

# The pages of a council anyone may read: the council's own and its public lists.
COUNCIL_PAGES = (
    "portal:council",
    "portal:members",
    "portal:rules",
    "portal:contact",
    "meetings_public:list",
    "meetings_public:calendar",
    "statements:public_archive",
    "community:events",
    "dialogue:public_topics",
    "community:associations",
)
SITE_PAGES = ("portal:home", "portal:accessibility", "portal:privacy")
# Paths no crawler needs: the workspace, the account pages and the admin (each also under a language prefix).
PRIVATE_PREFIXES = ("/arbejdsrum/", "/konto/", "/admin/")


class PublicSitemap(Sitemap):
    """Locations at SITE_URL, in every whole-site language, each with the others as hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
    languages = list(WHOLE_SITE)

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path.rstrip("/")


class SitePages(PublicSitemap):
    def items(self) -> list[str]:
        return list(SITE_PAGES)

    def location(self, name: str) -> str:
        return reverse(name)


class CouncilPages(PublicSitemap):
    def items(self) -> list[tuple[str, str]]:
        return [(council.slug, name) for council in public_council_list() for name in COUNCIL_PAGES]

    def location(self, item: tuple[str, str]) -> str:
        slug, name = item
        return reverse(name, args=[slug])


class Meetings(PublicSitemap):
    def items(self) -> list:
        return [meeting for council in public_council_list() for meeting in meeting_selectors.public_meetings(council)]

    def location(self, meeting) -> str:
        return meeting.get_public_url()

    def lastmod(self, meeting):
        return meeting.updated_at


class Statements(PublicSitemap):
    def items(self) -> list:
        found = []
        for council in public_council_list():
            for statement in statement_selectors.public_statements(council):
                statement.council = council
                found.append(statement)
        return found

    def location(self, statement) -> str:
        return reverse("statements:public_detail", args=[statement.council.slug, statement.pk])

    def lastmod(self, statement):
        return statement.published_at


class Events(PublicSitemap):
    def items(self) -> list:
        return [
            event
            for council in public_council_list()
            for event in [*event_selectors.public_upcoming(council), *event_selectors.public_past_events(council)]
        ]

    def location(self, event) -> str:
        return event.get_public_url()

    def lastmod(self, event):
        return event.updated_at


class Topics(PublicSitemap):
    def items(self) -> list:
        found = []
        for council in public_council_list():
            for topic in topic_selectors.public_topics(council):
                topic.council = council
                found.append(topic)
        return found

    def location(self, topic) -> str:
        return reverse("dialogue:topic", args=[topic.council.slug, topic.number])

    def lastmod(self, topic):
        return topic.updated_at


class Associations(PublicSitemap):
    def items(self) -> list:
        return [
            (council.slug, association)
            for council in public_council_list()
            for association in association_selectors.public_directory(council)
        ]

    def location(self, item) -> str:
        slug, association = item
        return reverse("community:association", args=[slug, association.pk])


SITEMAPS = {
    "site": SitePages,
    "councils": CouncilPages,
    "meetings": Meetings,
    "statements": Statements,
    "events": Events,
    "topics": Topics,
    "associations": Associations,
}


@cache_control(max_age=3600)
def sitemap(request: HttpRequest) -> HttpResponse:
    return sitemap_view(request, sitemaps=SITEMAPS, template_name="portal/sitemap.xml")


@cache_control(max_age=3600)
def robots_txt(request: HttpRequest) -> HttpResponse:
    prefixes = ["", *(f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)]
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}{path}" for prefix in prefixes for path in PRIVATE_PREFIXES]
    lines += ["", f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
