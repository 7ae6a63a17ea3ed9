import logging
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import translate_url
from django.utils import translation
from django_otp.middleware import OTPMiddleware as _DjangoOTPMiddleware

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again while the database is unavailable (a restart takes a few).
DATABASE_RETRY_AFTER_SECONDS = 30


class ContentSecurityPolicyMiddleware:
    """Send the content security policy (settings.CONTENT_SECURITY_POLICY, directive by directive) on every response;
    with single sign-on, form-action also names the provider (raad.core.sso.form_action_origins: "Log af" ends the
    provider's session there too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from raad.core.sso import form_action_origins

        response = self.get_response(request)
        extra = {"form-action": form_action_origins()}
        policy = "; ".join(
            " ".join([directive, *sources, *extra.get(directive, [])])
            for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )
        response.headers.setdefault("Content-Security-Policy", policy)
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
        on = bool(session.get(translations.EASY_READ_SESSION_KEY)) if has_session else False
        token = translations.set_easy_read(on)
        try:
            return self.get_response(request)
        finally:
            translations.reset_easy_read(token)


class CommunityLanguageMiddleware:
    """Community languages (Arabic, Ukrainian …) are offered only on citizen pages (`core.i18n.citizen_page`)
    and only for a council that offers them (`Council.citizen_languages`). Any other page asked for in one
    (`/ar/arbejdsrum/…`, a meeting, a statement) is rendered in Danish, and `request.language_notice` tells
    the chrome to say so in the visitor's language, with links to the same page in Danish and English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from raad.core import i18n, languages, workspace

        language = translation.get_language() or settings.LANGUAGE_CODE
        if not languages.is_community(language):
            return None
        if i18n.is_citizen_page(view_func):
            council = workspace.council_or_default(view_kwargs.get("slug"))
            if language in i18n.offered_languages(council):
                return None
        path = request.get_full_path()
        request.language_notice = LanguageNotice(
            language=language,
            danish_url=translate_url(path, "da"),
            english_url=translate_url(path, "en"),
        )
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return None


@dataclass(frozen=True)
class LanguageNotice:
    """A page asked for in `language` and shown in Danish instead (see CommunityLanguageMiddleware)."""

    language: str
    danish_url: str
    english_url: str


class OTPMiddleware(_DjangoOTPMiddleware):
    """django-otp's middleware (`request.user.is_verified()`), which also counts a second factor that the
    municipal single sign-on provider asserted at this login (raad.core.twofactor, docs/sso.md)."""

    def _verify_user_sync(self, request, user):
        user = super()._verify_user_sync(request, user)
        _count_provider_factor(request, user)
        return user

    async def _verify_user_async_via_auser(self, request, auser):
        user = await super()._verify_user_async_via_auser(request, auser)
        _count_provider_factor(request, user)
        return user


def _count_provider_factor(request, user) -> None:
    from raad.core.twofactor import verified_by_provider

    if user.is_authenticated and user.otp_device is None and verified_by_provider(request, user):
        user.is_verified = lambda: True


class DatabaseUnavailableMiddleware:
    """While the database is unreachable (restarted, failed over, out of connections) a request gets a clear 503
    page in the reader's language with `Retry-After`, or a JSON error under /api/, instead of a 500. The page is
    rendered without the request's context, so nothing on it touches the database again.

    `process_exception` answers for a view; an error in another middleware (the session saved after the view,
    the user looked up by auth) reaches `core.error_pages.server_error`, which answers the same way. A broken
    kept connection is closed by Django when the request ends (it is marked by the error) and the next request
    checks its connection first (CONN_HEALTH_CHECKS in `raad.env`), so the site recovers by itself when the
    database is back. Placed first after the security headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.warning("Database unavailable on %s %s: %s", request.method, request.path, exception)
        return database_unavailable(request)


def is_database_unavailable(exception: BaseException | None) -> bool:
    from django.db import InterfaceError, OperationalError

    return isinstance(exception, (OperationalError, InterfaceError))


def database_unavailable(request) -> HttpResponse:
    """The 503 answer: a static page (or JSON under /api/) that needs neither the database nor the session."""
    from django.template.loader import render_to_string

    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {"error": "Service temporarily unavailable: the database cannot be reached. Try again shortly."},
            status=503,
        )
    else:
        language = translation.get_language_from_path(request.path_info)
        if language != "en":  # the page is in Danish and English; a community language's reader gets Danish
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            body = render_to_string("core/errors/503.html", {"language": translation.get_language()})
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
