from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CommunityConfig(AppConfig):
    """Arrangementer, foreningsliv, frivillighed og medier: the council in the community."""

    name = "raad.community"
    label = "community"
    verbose_name = _("Arrangementer og foreningsliv")

    def ready(self) -> None:
        from raad.community import search as search_sources

        search_sources.register()  # its public content in the search index (raad.core.search)
        from raad.community.models import Association, Event
        from raad.core import translations

        translations.register(Event, ["title", "description"], label=_("Arrangementer"))
        translations.register(Association, ["purpose", "activities"], label=_("Foreninger"))
        self._ready_associations()
        self._ready_volunteering_and_media()

        from raad.community import events_setup
        from raad.core import desk

        events_setup.ready()

        # Work areas linked from the desk (raad/core/desk.py)
        desk.register_area(
            key="events",
            title=_("Arrangementer"),
            url_name="community:events_workspace",
            permission="community.plan_events",
            order=50,
        )
        desk.register_area(
            key="associations",
            title=_("Foreninger"),
            url_name="community:associations_register",
            permission="community.manage_associations",
            order=52,
        )
        desk.register_area(
            key="volunteering",
            title=_("Frivillighed"),
            url_name="community:volunteering",
            permission="community.view_volunteering",
            order=54,
        )
        desk.register_area(
            key="press",
            title=_("Presse og medier"),
            url_name="community:press",
            permission="community.view_press",
            order=56,
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
