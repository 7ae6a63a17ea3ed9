from django.conf import settings

from raad.councils.selectors import public_councils


def site(request):
    """The council shown in header and footer: the one in the URL, else the first."""
    council = getattr(request, "council", None)
    if council is None:
        council = public_councils().first()
    return {"site_council": council, "LANGUAGES": settings.LANGUAGES}
