"""What every page's chrome (header, footer) needs. No query of its own: the council is the one the view
loaded (`raad.core.workspace.council_for` puts it on the request), else a lazy default looked up only if a
template shows it."""

from django.conf import settings

from raad.core.workspace import site_council


def site(request):
    return {"site_council": site_council(request), "LANGUAGES": settings.LANGUAGES}
