from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CoreConfig(AppConfig):
    name = "raad.core"
    label = "core"
    verbose_name = _("Fælles")

    def ready(self) -> None:
        from raad.core import audit, desk, mail

        desk.register_panel(
            key="outbox",
            title=_("Udgående e-mails"),
            template="core/includes/outbox_panel.html",
            context=mail.outbox_panel,
            order=90,
        )

        audit.register_verbs(
            {
                "user.created": _("Bruger oprettet"),
                "user.two_factor_enabled": _("Tofaktorgodkendelse slået til"),
                "user.language_set": _("Sprog i e-mails valgt"),
                "user.sso_login": _("Logget ind med kommunens login"),
                "user.sso_refused": _("Login med kommunens login afvist"),
                "user.sso_bound": _("Knyttet til sit login fra kommunen"),
                "user.sso_unbound": _("Ikke længere knyttet til sit login fra kommunen"),
                "translation.saved": _("Oversættelse gemt"),
                "translation.removed": _("Oversættelse fjernet"),
                "desk_feed.created": _("Privat kalenderlink til opgaver oprettet"),
                "desk_feed.revoked": _("Privat kalenderlink til opgaver tilbagekaldt"),
            }
        )
        audit.register_change_labels(
            {
                "provider": pgettext_lazy("audit change", "Loginudbyder"),
                "amr": pgettext_lazy("audit change", "Loginmetode (amr)"),
                "acr": pgettext_lazy("audit change", "Sikringsniveau (acr)"),
                "second_factor_by_provider": pgettext_lazy("audit change", "Tofaktor bekræftet af udbyderen"),
                "claim": pgettext_lazy("audit change", "Genkendt på"),
                "reason": pgettext_lazy("audit change", "Begrundelse"),
            }
        )
