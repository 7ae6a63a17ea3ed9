from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecretariatConfig(AppConfig):
    name = "raad.secretariat"
    label = "secretariat"
    verbose_name = _("Sekretariatsbetjening")

    def ready(self) -> None:
        from raad.core import desk
        from raad.secretariat import desk_tasks, permissions  # noqa: F401  (registers the permissions)

        desk.register_tasks(key="secretariat", collect=desk_tasks.collect)  # the annual report (docs/desk.md)
        desk.register_area(
            key="annual_report",
            title=_("Årsberetning"),
            url_name="secretariat:annual_reports",
            permission="secretariat.annual_report",
            order=80,
        )
