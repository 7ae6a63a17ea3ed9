"""What the events slice registers when the app is ready: permissions, the desk panel, the journal's verbs."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def ready() -> None:
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
