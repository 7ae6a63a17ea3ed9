"""`/sitemap.xml` and `/robots.txt`: what a search engine may index. `/sitemap.xml` is an index of sections
(`/sitemap-<section>.xml?p=N`), each read for the whole installation in one query a page and paged, so its cost
does not grow with the number of councils. The sections list the public pages only
(the site's own pages, each public council's pages and lists, and each public meeting, statement, event, topic
and association), read through the `public_…` selectors, in Danish and English with hreflang alternates (the
languages every page exists in; `core.languages.WHOLE_SITE`), at SITE_URL's address, never the request's host.
robots.txt keeps crawlers out of the workspace, the account pages and the admin, in every language."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control

from raad.community.selectors import associations as association_selectors
from raad.community.selectors import events as event_selectors
from raad.core.languages import WHOLE_SITE
from raad.core.links import PRIVATE_PATHS
from raad.councils.selectors import council_slugs
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
# Locations a sitemap page holds (each page counted once per language); the protocol allows 50,000. A page of
# 1,000 is about 450 KB and built in about 0.2 s at Denmark scale, so the page cache keeps it (raad.core.pagecache,
# at most 1 MB a page); 10,000 made 4.5 MB pages that took 1.9 s every time (docs/benchmarks.md).
PAGE_SIZE = 1_000


class _PerLanguage:
    """A queryset seen as (row, language) pairs, each row once per language, that a paginator slices without
    reading more rows than the page holds (Django's i18n sitemap makes a list of every row first)."""

    def __init__(self, queryset: QuerySet, languages: list[str]):
        self.queryset = queryset
        self.languages = languages

    def count(self) -> int:
        return self.queryset.count() * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[tuple[Any, str]]:
        n = len(self.languages)
        start, stop = index.start or 0, index.stop
        rows = self.queryset[start // n : -(-stop // n)]
        pairs = [(row, language) for row in rows for language in self.languages]
        skip = start - (start // n) * n
        return pairs[skip : skip + (stop - start)]


class PublicSitemap(Sitemap):
    """Locations at SITE_URL, in every whole-site language, each with the others as hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
    languages = list(WHOLE_SITE)
    limit = PAGE_SIZE

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path.rstrip("/")

    def get_latest_lastmod(self):
        return None  # Django's default reads every item for the index; the index names sections only


class QuerySetSitemap(PublicSitemap):
    """A section of one kind of page in every council, read page by page (`limit` pairs a page)."""

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def items(self) -> QuerySet:
        return self.queryset()

    @property
    def paginator(self) -> Paginator:
        return Paginator(_PerLanguage(self.queryset(), self._languages()), self.limit)  # type: ignore[arg-type]


class SitePages(PublicSitemap):
    def items(self) -> list[str]:
        return list(SITE_PAGES)

    def location(self, name: str) -> str:
        return reverse(name)


class CouncilPages(PublicSitemap):
    def items(self) -> list[tuple[str, str]]:
        return [(slug, name) for slug in council_slugs() for name in COUNCIL_PAGES]

    def location(self, item: tuple[str, str]) -> str:
        slug, name = item
        return reverse(name, args=[slug])


class Meetings(QuerySetSitemap):
    def queryset(self) -> QuerySet:
        return meeting_selectors.public_meetings_everywhere()

    def location(self, meeting) -> str:
        return meeting.get_public_url()

    def lastmod(self, meeting):
        return meeting.updated_at


class Statements(QuerySetSitemap):
    def queryset(self) -> QuerySet:
        return statement_selectors.public_statements_everywhere()

    def location(self, statement) -> str:
        return reverse("statements:public_detail", args=[statement.council.slug, statement.pk])

    def lastmod(self, statement):
        return statement.published_at


class Events(QuerySetSitemap):
    def queryset(self) -> QuerySet:
        return event_selectors.public_events_everywhere()

    def location(self, event) -> str:
        return event.get_public_url()

    def lastmod(self, event):
        return event.updated_at


class Topics(QuerySetSitemap):
    def queryset(self) -> QuerySet:
        return topic_selectors.public_topics_everywhere()

    def location(self, topic) -> str:
        return reverse("dialogue:topic", args=[topic.council.slug, topic.number])

    def lastmod(self, topic):
        return topic.updated_at


class Associations(QuerySetSitemap):
    def queryset(self) -> QuerySet:
        return association_selectors.public_associations_everywhere()

    def location(self, association) -> str:
        return reverse("community:association", args=[association.council.slug, association.pk])


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
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """`/sitemap.xml`: the index of the sections' pages, at SITE_URL (one count query a section)."""
    locations = []
    for section, kind in SITEMAPS.items():
        path = reverse("sitemap_section", args=[section])
        pages = kind().paginator.num_pages
        locations += [f"{settings.SITE_URL}{path}" + (f"?p={page}" if page > 1 else "") for page in range(1, pages + 1)]
    return TemplateResponse(
        request, "portal/sitemap_index.xml", {"locations": locations}, content_type="application/xml"
    )


@cache_control(max_age=3600)
def sitemap(request: HttpRequest, section: str) -> HttpResponse:
    """`/sitemap-<section>.xml?p=N`: one page of a section (404 for an unknown section or page)."""
    return sitemap_view(request, sitemaps=SITEMAPS, section=section, template_name="portal/sitemap.xml")


@cache_control(max_age=3600)
def robots_txt(request: HttpRequest) -> HttpResponse:
    prefixes = ["", *(f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)]
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}{path}" for prefix in prefixes for path in PRIVATE_PATHS]
    lines += ["", f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
