"""The REST API at /api/ (django-ninja, OpenAPI 3 at /api/openapi.json)."""

urlpatterns: list = []
