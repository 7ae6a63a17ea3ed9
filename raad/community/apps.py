from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Arrangementer, foreningsliv, frivillighed og medier: the council in the community."""

    name = "raad.community"
    label = "community"
    verbose_name = _("Arrangementer og foreningsliv")

    def ready(self) -> None:
        from raad.community.models import Association, Event
        from raad.core import translations

        translations.register(Event, ["title", "description"], label=_("Arrangementer"))
        translations.register(Association, ["purpose", "activities"], label=_("Foreninger"))
        self._ready_associations()

    def _ready_associations(self) -> None:
        from raad.community import permissions_associations  # noqa: F401  (registers the permissions)
        from raad.community.selectors import associations as association_selectors
        from raad.core import audit, desk

        desk.register_panel(
            key="associations",
            title=_("Foreninger"),
            template="community/associations/_desk_panel.html",
            context=association_selectors.desk_panel,
            order=35,
        )
        audit.register_verbs(
            {
                "association.created": _("Forening optaget af sekretariatet"),
                "association.updated": _("Forening ændret"),
                "association.requested": _("Forening har bedt om at blive optaget"),
                "association.approved": _("Forening optaget i oversigten"),
                "association.declined": _("Anmodning fra forening afvist"),
                "association.withdrawn": _("Forening taget af oversigten"),
            }
        )
