from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CouncilsConfig(AppConfig):
    name = "raad.councils"
    label = "councils"
    verbose_name = _("Råd")

    def ready(self) -> None:
        from raad.core import desk as _desk
        from raad.councils import desk_tasks

        _desk.register_tasks(key="councils", collect=desk_tasks.collect)  # its deadlines on the desk (docs/desk.md)
        from raad.councils import search as search_sources

        search_sources.register()  # its public content in the search index (raad.core.search)
        from raad.core import audit, desk, roles, translations, workspace
        from raad.councils import permissions  # noqa: F401  (registers the permissions)
        from raad.councils.models import (
            Council,
            Purpose,
            PurposeTask,
            RulesChange,
            RulesOfProcedure,
            TermsOfReference,
        )
        from raad.councils.selectors import (
            annual_report_panel,
            council_by_slug,
            default_council,
            staff_council_ids,
            staff_roles,
            staff_roles_by_council,
        )

        roles.register_provider(staff_roles, staff_council_ids)
        roles.register_bulk_provider(staff_roles_by_council)
        translations.register(Council, ["name", "secretariat_unit", "contact_hours"], label=_("Råd"), council="pk")
        translations.register(TermsOfReference, TermsOfReference.TEXT_FIELDS, label=_("Kommissorier"))
        translations.register(
            Purpose, ["title", "description"], label=_("Formål i kommissoriet"), council="terms_of_reference__council"
        )
        translations.register(
            PurposeTask, ["text"], label=_("Opgaver i kommissoriet"), council="purpose__terms_of_reference__council"
        )
        translations.register(RulesOfProcedure, ["change_summary"], label=_("Forretningsordener"))
        translations.register(RulesChange, ["change_summary"], label=_("Ændringer af forretningsorden"))
        workspace.register_councils(by_slug=council_by_slug, default=default_council)
        desk.register_panel(
            key="annual_report",
            title=_("Årsberetning"),
            template="councils/desk/_annual_report.html",
            context=annual_report_panel,
            order=60,
        )
        audit.register_change_labels(
            {
                "tasks": pgettext_lazy("audit change", "Opgaver"),
                "voted_on": pgettext_lazy("audit change", "Afstemt den"),
            }
        )
        audit.register_verbs(
            {
                "municipality.created": _("Kommune oprettet"),
                "board_decision.recorded": _("Beslutning i kommunalbestyrelsen registreret"),
                "council.created": _("Råd oprettet"),
                "council.contact_updated": _("Kontaktoplysninger ændret"),
                "council.citizen_languages_changed": _("Sprog på borgersiderne ændret"),
                "terms_of_reference.created": _("Kommissorium oprettet"),
                "terms_of_reference.updated": _("Kommissorium ændret"),
                "purpose.updated": _("Formål ændret"),
                "rules_of_procedure.adopted": _("Ny version af forretningsorden"),
                "term.created": _("Valgperiode oprettet"),
                "council.archived": _("Råd arkiveret"),
                "rules_change.proposed": _("Ændring af forretningsorden foreslået"),
                "rules_change.council_voted": _("Rådet har stemt om ændring af forretningsorden"),
                "rules_change.board_adopted": _("Ændring af forretningsorden vedtaget af kommunalbestyrelsen"),
                "staff.assigned": _("Tilknyttet rådet"),
                "room.created": _("Lokale oprettet"),
                "room.updated": _("Lokale ændret"),
                "room.deactivated": _("Lokale taget ud af brug"),
                "room.activated": _("Lokale taget i brug igen"),
            }
        )

        # Work areas linked from the desk (raad/core/desk.py)
        desk.register_area(
            key="rooms", title=_("Lokaler"), url_name="councils:rooms", permission="councils.manage_rooms", order=60
        )
