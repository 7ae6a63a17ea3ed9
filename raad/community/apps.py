from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CommunityConfig(AppConfig):
    """Arrangementer, foreningsliv, frivillighed og medier: the council in the community."""

    name = "raad.community"
    label = "community"
    verbose_name = _("Arrangementer og foreningsliv")

    def ready(self) -> None:
        from raad.community.models import Association, Event
        from raad.core import desk, translations

        translations.register(Event, ["title", "description"], label=_("Arrangementer"))
        translations.register(Association, ["purpose", "activities"], label=_("Foreninger"))
        self._ready_events()
        self._ready_associations()
        self._ready_volunteering_and_media()

        # Work areas linked from the desk (raad/core/desk.py)
        for key, title, url_name, permission, order in (
            ("events", _("Arrangementer"), "events_workspace", "community.plan_events", 50),
            ("associations", _("Foreninger"), "associations_register", "community.manage_associations", 52),
            ("volunteering", _("Frivillighed"), "volunteering", "community.view_volunteering", 54),
            ("press", _("Presse og medier"), "press", "community.view_press", 56),
        ):
            desk.register_area(
                key=key, title=title, url_name=f"community:{url_name}", permission=permission, order=order
            )

    def _ready_events(self) -> None:
        """Events: permissions, the desk panel, the journal's verbs."""
        from raad.community import permissions_events  # noqa: F401  (registers the permissions)
        from raad.community.selectors import events as selectors
        from raad.core import audit, desk

        desk.register_panel(
            key="events",
            title=_("Kommende arrangementer"),
            template="community/events/_desk_panel.html",
            context=selectors.desk_panel,
            order=38,
        )
        audit.register_verbs(
            {
                "event.created": _("Arrangement oprettet"),
                "event.updated": _("Arrangement ændret"),
                "event.moved": _("Arrangement flyttet"),
                "event.published": _("Arrangement offentliggjort"),
                "event.cancelled": _("Arrangement aflyst"),
                "event.registration_received": _("Tilmelding til arrangement modtaget"),
                "event.registration_promoted": _("Tilmelding fik plads fra ventelisten"),
                "event.registration_cancelled": _("Tilmelding afmeldt"),
                "event.registrations_erased": _("Persondata i tilmeldinger slettet efter opbevaringsperioden"),
                "event.attendance_recorded": _("Fremmøde registreret"),
                "event.reported": _("Beretning om arrangement skrevet"),
                "event.photo_added": _("Foto fra arrangement tilføjet"),
                "event.photo_consent_withdrawn": _("Samtykke til foto trukket tilbage"),
            }
        )
        audit.register_change_labels(
            {"registrations": pgettext_lazy("audit change", "Tilmeldinger uden persondata (antal)")}
        )
