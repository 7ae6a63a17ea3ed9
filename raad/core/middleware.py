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
