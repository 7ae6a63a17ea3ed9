"""The REST API at /api/ (django-ninja, OpenAPI 3 at /api/openapi.json)."""

from django.urls import path

from .api import api

urlpatterns: list = [path("", api.urls)]
