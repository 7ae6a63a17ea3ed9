"""The REST API at /api/ (django-ninja, OpenAPI 3 at /api/openapi.json)."""

from functools import wraps

from django.urls import include, path
from django.utils import translation

from .api import api


def in_client_language(view):
    """/api/ is outside the language prefixes, where Django answers in Danish: messages here follow the
    client's Accept-Language instead (Danish when it names no language of the site)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(translation.get_language_from_request(request)):
            return view(request, *args, **kwargs)

    return wrapper


patterns, ninja_app, ninja_namespace = api.urls
for pattern in patterns:
    pattern.callback = in_client_language(pattern.callback)

urlpatterns: list = [path("", include((patterns, ninja_app), namespace=ninja_namespace))]
