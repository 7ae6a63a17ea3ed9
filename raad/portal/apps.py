from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "raad.portal"
    label = "portal"
    verbose_name = _("Offentligt websted")

    def ready(self) -> None:
        from raad.core import audit

        audit.register_verbs(
            {
                "subscription.created": _("tilmeldt nyheder på e-mail (ikke bekræftet)"),
                "subscription.confirmed": _("abonnement på nyheder bekræftet"),
                "subscription.unsubscribed": _("afmeldt nyheder; e-mailadressen slettet"),
                "subscription.replaced": _("abonnement erstattet af et nyt; e-mailadressen slettet"),
                "subscription.expired": _("ubekræftede abonnementer slettet"),
            }
        )
        audit.register_change_labels({"expired_subscriptions": _("antal slettede, ubekræftede abonnementer")})
