from django.conf import settings
from django.http import HttpResponseNotAllowed


class ContentSecurityPolicyMiddleware:
    """Send the content security policy from settings on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class AllowedMethodsMiddleware:
    """Answer 405 to any method but GET, HEAD and POST (TRACE, PUT, …), before a view can show its page.
    No page of Råd takes another method."""

    ALLOWED = ("GET", "HEAD", "POST")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.ALLOWED:
            return HttpResponseNotAllowed(self.ALLOWED)
        return self.get_response(request)


EASY_READ_SESSION_KEY = "raad_easy_read"


class EasyReadMiddleware:
    """The reader's choice of easy-read Danish (let dansk), kept in the session by `core.views.easy_read`,
    set for the request (`translations.set_easy_read`) so `translations.localized` shows the easy-read
    version where one exists, and reset afterwards so nothing leaks into the next request on this thread."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from raad.core import translations

        session = getattr(request, "session", None)
        # Only a visitor with a session can have chosen it: others' sessions are not touched (no Vary: Cookie).
        has_session = session is not None and settings.SESSION_COOKIE_NAME in request.COOKIES
        on = bool(session.get(EASY_READ_SESSION_KEY)) if has_session else False
        token = translations.set_easy_read(on)
        try:
            return self.get_response(request)
        finally:
            translations.reset_easy_read(token)
