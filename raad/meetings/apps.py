from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "raad.meetings"
    label = "meetings"
    verbose_name = _("Møder")

    def ready(self) -> None:
        from django.apps import apps

        from raad.meetings import permissions  # noqa: F401  (registers the permissions)

        if apps.is_installed("raad.statements"):
            from raad.meetings.statement_hook import statement_agenda_hook
            from raad.statements import hooks

            hooks.register_agenda_hook(statement_agenda_hook)
