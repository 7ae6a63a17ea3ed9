from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EffortConfig(AppConfig):
    """Integrationsindsatsen (kommissorium: "følge Holbæk Kommunes integrationsindsats og drøfte udfordringer og
    muligheder med kommunalbestyrelsen"): the strategy's goals, indicators by year for the municipality and the
    country, charts with tables, links to where an indicator was discussed, one click onto the agenda."""

    name = "raad.effort"
    label = "effort"
    verbose_name = _("Integrationsindsatsen")

    def ready(self) -> None:
        from raad.core import audit, desk
        from raad.effort import permissions  # noqa: F401  (registers the permissions)

        audit.register_verbs(
            {
                "effort_goal.created": _("Mål i integrationsindsatsen oprettet"),
                "effort_goal.changed": _("Mål i integrationsindsatsen ændret"),
                "effort_indicator.created": _("Indikator oprettet"),
                "effort_indicator.changed": _("Indikator ændret"),
                "effort_value.changed": _("Indikatorværdi ændret"),
                "effort_values.imported": _("Indikatorværdier indlæst"),
                "effort_link.added": _("Indikator knyttet til en drøftelse"),
                "effort_link.removed": _("Henvisning fra indikator fjernet"),
                "effort_indicator.put_on_agenda": _("Indikator sat på dagsordenen"),
            }
        )
        audit.register_change_labels(
            {
                "link": pgettext_lazy("audit change", "Drøftet i"),
                "rows": pgettext_lazy("audit change", "Rækker"),
                "created": pgettext_lazy("audit change", "Nye værdier"),
                "updated": pgettext_lazy("audit change", "Ændrede værdier"),
                "unchanged": pgettext_lazy("audit change", "Uændrede værdier"),
                "years": pgettext_lazy("audit change", "År"),
                "scopes": pgettext_lazy("audit change", "Område"),
                "demo": pgettext_lazy("audit change", "Demoværdier"),
                "is_demo": pgettext_lazy("audit change", "Demoværdi"),
                "agenda_meeting": pgettext_lazy("audit change", "Møde"),
                "agenda_position": pgettext_lazy("audit change", "Punkt nr."),
            }
        )
        desk.register_area(
            key="effort",
            title=_("Indsats og indikatorer"),
            url_name="effort:indicators",
            permission="effort.view",
            order=65,
        )
