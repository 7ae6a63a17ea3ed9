from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecretariatConfig(AppConfig):
    name = "raad.secretariat"
    label = "secretariat"
    verbose_name = _("Sekretariatsbetjening")

    def ready(self) -> None:
        from raad.core import audit, desk
        from raad.secretariat import desk_tasks, permissions  # noqa: F401  (registers the permissions)
        from raad.secretariat import search as search_sources

        audit.register_verbs(
            {
                "annual_report.started": _("Årsberetning påbegyndt"),
                "annual_report.comments_updated": _("Årsberetningens forord og kommentarer ændret"),
                "annual_report.put_on_agenda": _("Årsberetning sat på dagsordenen"),
                "annual_report.adopted": _("Årsberetning vedtaget"),
                "annual_report.sent": _("Årsberetning sendt til kommunalbestyrelsen"),
                "annual_report.published": _("Årsberetning offentliggjort"),
                "archive.case_exported": _("Sag udleveret til aktindsigt (ZIP)"),
                "archive.year_exported": _("Årets arkiv eksporteret (ZIP)"),
            }
        )
        search_sources.register()  # the published annual reports in the search index (raad.core.search)
        audit.register_change_labels({"decision": _("Beslutning"), "year": _("År")})
        desk.register_tasks(key="secretariat", collect=desk_tasks.collect)  # the annual report (docs/desk.md)
        desk.register_area(
            key="annual_report",
            title=_("Årsberetning"),
            url_name="secretariat:annual_reports",
            permission="secretariat.annual_report",
            order=80,
        )
