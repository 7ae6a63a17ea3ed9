from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """Åbne data: the read API over everything public (REST with OpenAPI in `rest/`, OParl 1.1 in `oparl/`)
    and the scoped tokens that let the municipality's own systems read the journal and case data."""

    name = "raad.api"
    label = "api"
    verbose_name = _("Åbne data")
