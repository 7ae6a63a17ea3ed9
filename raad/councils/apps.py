from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "raad.councils"
    label = "councils"
    verbose_name = _("Råd")

    def ready(self) -> None:
        from raad.core import roles
        from raad.councils import permissions  # noqa: F401  (registers the permissions)
        from raad.councils.selectors import staff_council_ids, staff_roles

        roles.register_provider(staff_roles, staff_council_ids)
