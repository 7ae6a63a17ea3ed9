from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CommunityConfig(AppConfig):
    """Arrangementer, foreningsliv, frivillighed og medier: the council in the community."""

    name = "raad.community"
    label = "community"
    verbose_name = _("Arrangementer og foreningsliv")

    def ready(self) -> None:
        from raad.community import desk_tasks
        from raad.core import desk as _desk

        _desk.register_tasks(key="community", collect=desk_tasks.collect)  # its deadlines on the desk (docs/desk.md)
        from raad.community import search as search_sources

        search_sources.register()  # its public content in the search index (raad.core.search)
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

    def _ready_volunteering_and_media(self) -> None:
        """Volunteering and local media: permissions, translatable opportunities, the desk panel, audit verbs."""
        from raad.community import permissions_volunteering_media  # noqa: F401  (registers the permissions)
        from raad.community.models import VolunteerOpportunity
        from raad.community.selectors import media as media_selectors
        from raad.core import audit, desk, translations

        translations.register(VolunteerOpportunity, ["title", "description"], label=_("Frivillige job"))
        desk.register_panel(
            key="media_volunteering",
            title=_("Medier og frivillighed"),
            template="community/media/_desk_panel.html",
            context=media_selectors.desk_panel,
            order=45,
        )
        audit.register_verbs(
            {
                "volunteering_strategy.recorded": _("Frivillighedsstrategi registreret"),
                "volunteering_strategy.updated": _("Frivillighedsstrategi ændret"),
                "volunteering_goal.added": _("Mål i frivillighedsstrategien tilføjet"),
                "volunteering_goal.updated": _("Mål i frivillighedsstrategien ændret"),
                "volunteering_contribution.recorded": _("Bidrag til frivillighedsstrategien registreret"),
                "volunteering_contribution.updated": _("Bidrag til frivillighedsstrategien ændret"),
                "volunteer_opportunity.created": _("Frivilligt job oprettet"),
                "volunteer_opportunity.updated": _("Frivilligt job ændret"),
                "media_outlet.added": _("Medie tilføjet medielisten"),
                "media_outlet.updated": _("Medie på medielisten ændret"),
                "press_release.drafted": _("Pressemeddelelse skrevet"),
                "press_release.updated": _("Pressemeddelelse ændret"),
                "press_release.approved": _("Pressemeddelelse godkendt af forpersonen"),
                "press_release.sent": _("Pressemeddelelse sendt og offentliggjort"),
                "media_coverage.recorded": _("Medieomtale registreret"),
                "media_coverage.updated": _("Medieomtale ændret"),
            }
        )
        audit.register_change_labels({"outlets": pgettext_lazy("audit change", "Sendt til medier")})
