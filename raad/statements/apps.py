from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StatementsConfig(AppConfig):
    name = "raad.statements"
    label = "statements"
    verbose_name = _("Høringer og udtalelser")

    def ready(self) -> None:
        from raad.core import desk as _desk
        from raad.statements import desk_tasks

        _desk.register_tasks(key="statements", collect=desk_tasks.collect)  # its deadlines on the desk (docs/desk.md)
        from raad.statements import search as search_sources

        search_sources.register()  # its public content in the search index (raad.core.search)
        from django.db.models import F, Q

        from raad.core import audit, desk, translations
        from raad.statements import (
            permissions,  # noqa: F401  (registers the permissions)
            selectors,
        )
        from raad.statements.models import Committee, Consultation, FollowUp, Statement, StatementVersion

        translations.register(Committee, ["name"], label=_("Udvalg"), council="municipality__councils")
        translations.register(Consultation, ["subject", "summary"], label=_("Høringer"))
        translations.register(Statement, ["title"], label=_("Udtalelser"))
        # The published text of a statement (its adopted version, or a correction of it after adoption) may
        # carry an easy-read version and translations; a draft version never: the desk does not list it.
        translations.register(
            StatementVersion,
            ["text"],
            label=_("Offentliggjorte udtalelsestekster"),
            council="statement__council",
            only=Q(statement__status=Statement.Status.PUBLISHED)
            & (
                Q(statement__adopted_version=F("pk"))
                | Q(kind=StatementVersion.Kind.CORRECTION, number__gt=F("statement__adopted_version__number"))
            ),
        )
        translations.register(
            FollowUp, ["decision", "how_used"], label=_("Opfølgninger på udtalelser"), council="statement__council"
        )

        desk.register_panel(
            key="consultations",
            title=_("Høringer og udtalelser"),
            template="statements/desk/_panel.html",
            context=selectors.desk_panel,
            order=20,
        )

        audit.register_change_labels(
            {
                "journal": pgettext_lazy("audit change", "Journalpost"),
                "sent_on": pgettext_lazy("audit change", "Sendt den"),
            }
        )
        audit.register_verbs(
            {
                "committee.created": _("Udvalg oprettet"),
                "consultation.registered": _("Høring registreret og journaliseret"),
                "consultation.document_added": _("Høringsdokument tilføjet"),
                "statement.created": _("Udtalelse oprettet"),
                "statement.version_saved": _("Version af udtalelse gemt"),
                "statement.commented": _("Kommentar til udkast"),
                "statement.route_planned": _("Vej til vedtagelse valgt"),
                "statement.placed_on_agenda": _("Udtalelse sat på dagsordenen til beslutning"),
                "written_procedure.opened": _("Skriftlig procedure sendt ud"),
                "written_procedure.answered": _("Svar i skriftlig procedure"),
                "written_procedure.closed": _("Skriftlig procedure afsluttet"),
                "statement.urgent_approved": _("Hastesvar godkendt"),
                "statement.reported_on_agenda": _("Hastesvar sat på dagsordenen"),
                "statement.adopted": _("Udtalelse vedtaget"),
                "statement.minority_added": _("Mindretalsudtalelse tilføjet"),
                "statement.corrected": _("Udtalelse rettet (ny version)"),
                "statement.sent": _("Udtalelse sendt og journaliseret"),
                "statement.published": _("Udtalelse offentliggjort"),
                "statement.follow_up_registered": _("Opfølgning registreret"),
            }
        )

        # Work areas linked from the desk (raad/core/desk.py)
        desk.register_area(
            key="statements",
            title=_("Høringer og udtalelser"),
            url_name="statements:desk",
            permission="statements.view_drafts",
            order=30,
        )
