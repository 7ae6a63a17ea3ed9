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

        from raad.community import events_setup

        events_setup.ready()
