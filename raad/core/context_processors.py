"""What every page's chrome (header, footer) needs. No query of its own: the council is the one the view
loaded (`raad.core.workspace.council_for` puts it on the request), else a lazy default looked up only if a
template shows it. The language switch reads the council's citizen languages only on a citizen page."""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from raad.core import i18n
from raad.core.languages import WHOLE_SITE
from raad.core.workspace import site_council, site_municipality


def site(request):
    council = site_council(request)
    match = getattr(request, "resolver_match", None)
    citizen = i18n.is_citizen_page(getattr(match, "func", None))

    def switch() -> list[dict]:
        """The languages the switch offers besides the page's own: Danish and English everywhere, the council's
        community languages on its citizen pages; each in its own name."""
        codes = i18n.offered_languages(council) if citizen else [c for c, _n in settings.LANGUAGES if c in WHOLE_SITE]
        names = dict(settings.LANGUAGES)
        current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        path = request.get_full_path()
        return [
            {"code": code, "name": names[code], "dir": i18n.language_direction(code), "url": translate_url(path, code)}
            for code in codes
            if code != current
        ]

    return {
        "site_council": council,
        "site_municipality": site_municipality(request),
        "LANGUAGES": settings.LANGUAGES,
        "language_switch": SimpleLazyObject(switch),
        "language_notice": getattr(request, "language_notice", None),
    }
