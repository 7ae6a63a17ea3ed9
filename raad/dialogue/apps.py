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

        # --- Inquiries and the referral catalogue (h-inq) ---
        from raad.core import audit, desk
        from raad.dialogue import permissions_inquiries  # noqa: F401  (registers the permissions)
        from raad.dialogue.selectors import inquiries as inquiry_selectors

        audit.register_verbs(
            {
                "inquiry.received": _("Henvendelse modtaget"),
                "inquiry.classified_general": _("Henvendelse taget op som emne"),
                "inquiry.referred": _("Enkeltsag henvist"),
                "inquiry.closed": _("Henvendelse afsluttet"),
                "inquiry.retention_erased": _("Persondata i henvendelser slettet efter opbevaringsperioden"),
                "topic.created_from_inquiry": _("Emne oprettet fra henvendelse"),
                "topic.created_from_principle": _("Principielt spørgsmål fra enkeltsag oprettet som emne"),
                "referral.created": _("Henvisning oprettet"),
                "referral.updated": _("Henvisning ændret"),
                "referral.deactivated": _("Henvisning deaktiveret"),
                "referral.activated": _("Henvisning aktiveret igen"),
            }
        )
        desk.register_panel(
            key="inquiries",
            title=_("Henvendelser"),
            template="dialogue/inquiries/_desk_panel.html",
            context=inquiry_selectors.desk_panel,
            order=25,
        )
