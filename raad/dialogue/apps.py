from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "raad.dialogue"
    label = "dialogue"
    verbose_name = _("Dialog med borgerne")

    def ready(self) -> None:
        from raad.core import translations
        from raad.dialogue.models import ReferralService, Topic

        translations.register(ReferralService, ["name", "description", "opening_hours"], label=_("Henvisninger"))
        translations.register(Topic, ["title", "summary", "outcome"], label=_("Emner"))
