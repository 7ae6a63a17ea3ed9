from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "raad.meetings"
    label = "meetings"
    verbose_name = _("Møder")

    def ready(self) -> None:
        from raad.meetings import permissions  # noqa: F401  (registers the permissions)
