from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from raad.core.health import health
from raad.core.i18n import set_language
from raad.portal import sitemaps as portal_sitemaps

# set_language lives inside i18n_patterns: it must run in the language of the page it was posted from,
# so that it can resolve that page's URL and translate it into the chosen language.
urlpatterns = i18n_patterns(
    path("i18n/setlang/", set_language, name="set_language"),
    path("konto/", include("raad.core.urls")),
    path("arbejdsrum/<slug:slug>/moeder/", include("raad.meetings.urls")),
    path("", include("raad.statements.urls")),
    path("arbejdsrum/", include("raad.secretariat.urls")),
    path("admin/", admin.site.urls),
    path("", include("raad.membership.urls")),
    path("raad/<slug:slug>/moeder/", include("raad.meetings.public_urls")),
    path("raad/<slug:slug>/aarsberetning/", include("raad.secretariat.public_urls")),
    path("", include("raad.dialogue.urls")),
    path("", include("raad.councils.urls")),
    path("", include("raad.community.urls")),
    path("", include("raad.finance.urls")),
    path("", include("raad.effort.urls")),
    path("", include("raad.portal.urls")),
    path("", include("raad.api.urls")),
    prefix_default_language=False,
)

# Machine-readable, language-neutral: outside i18n_patterns, one URL per resource.
urlpatterns += [
    path("api/", include("raad.api.rest.urls")),
    path("oparl/", include("raad.api.oparl.urls")),
    path("sitemap.xml", portal_sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", portal_sitemaps.sitemap, name="sitemap_section"),
    path("robots.txt", portal_sitemaps.robots_txt, name="robots_txt"),
    path("sundhed/", health, name="health"),  # issue 15: for operators, and the benchmarks' floor
]

handler403 = "raad.core.error_pages.forbidden"
handler404 = "raad.core.error_pages.not_found"
handler500 = "raad.core.error_pages.server_error"
