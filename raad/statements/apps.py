from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "raad.statements"
    label = "statements"
    verbose_name = _("Høringer og udtalelser")

    def ready(self) -> None:
        from raad.statements import permissions  # noqa: F401  (registers the permissions)
