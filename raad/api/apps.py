from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """Åbne data: the read API over everything public (REST with OpenAPI in `rest/`, OParl 1.1 in `oparl/`)
    and the scoped tokens that let the municipality's own systems read the journal and case data."""

    name = "raad.api"
    label = "api"
    verbose_name = _("Åbne data")

    def ready(self) -> None:
        from raad.api import permissions  # noqa: F401  (registers the permissions)
        from raad.core import audit, desk

        audit.register_verbs(
            {
                "api_token.created": _("API-nøgle lavet"),
                "api_token.revoked": _("API-nøgle tilbagekaldt"),
                "api_token.used": _("API-nøgle brugt"),
            }
        )
        # The address a token read (`api_token.used`): not a field of the token.
        audit.register_change_labels({"path": _("adresse")})
        desk.register_area(
            key="api_tokens",
            title=_("API-nøgler"),
            url_name="api_pages:tokens",
            permission="api.manage_tokens",
            order=80,
        )
