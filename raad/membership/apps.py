from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MembershipConfig(AppConfig):
    name = "raad.membership"
    label = "membership"
    verbose_name = _("Bemanding og udpegning")

    def ready(self) -> None:
        from raad.core import audit, desk, roles, translations
        from raad.membership import (
            desk_tasks,
            permissions,  # noqa: F401  (registers the permissions)
        )
        from raad.membership.models import Person
        from raad.membership.selectors import (
            chair_vacancy_panel,
            member_council_ids,
            member_roles,
            member_roles_by_council,
            renewal_panel,
        )

        desk.register_tasks(key="membership", collect=desk_tasks.collect)  # its deadlines on the desk (docs/desk.md)
        roles.register_provider(member_roles, member_council_ids)
        roles.register_bulk_provider(member_roles_by_council)
        translations.register(
            Person, ["bio"], label=_("Medlemmernes præsentationer"), council="memberships__seat__council"
        )
        desk.register_panel(
            key="chair_vacancy",
            title=_("Ledig forpersonspost"),
            template="membership/chair_vacancy_panel.html",
            context=chair_vacancy_panel,
            order=10,
        )
        desk.register_panel(
            key="term_renewal",
            title=_("Udpegning til næste valgperiode"),
            template="membership/desk/_renewal.html",
            context=renewal_panel,
            order=15,
        )
        audit.register_change_labels(
            {
                "blank": pgettext_lazy("audit change", "Blanke stemmer"),
                "bodies": pgettext_lazy("audit change", "Organisationer"),
                "counts": pgettext_lazy("audit change", "Stemmetal"),
                "replaces": pgettext_lazy("audit change", "Afløser"),
                "retention_months": pgettext_lazy("audit change", "Opbevaringsperiode (måneder)"),
                "substitutes": pgettext_lazy("audit change", "Stedfortrædere i stemmeordenen"),
                "voter": pgettext_lazy("audit change", "Har stemt"),
            }
        )
        audit.register_verbs(
            {
                "nominating_body.created": _("Indstillingsberettiget organisation oprettet"),
                "nominating_body.updated": _("Indstillingsberettiget organisation ændret"),
                "seat.created": _("Plads oprettet"),
                "seat.nominating_body_changed": _("Indstillende organisation for en plads ændret"),
                "person.created": _("Person oprettet"),
                "person.user_linked": _("Person knyttet til en brugerkonto"),
                "person.confidentiality_acknowledged": _("Tavshedspligt accepteret"),
                "person.residence_confirmed": _("Bopæl afklaret"),
                "member.appointed": _("Medlem udpeget"),
                "direct_election.recorded": _("Valgresultat registreret"),
                "member.term_ended": _("Medlemskab ophørt med valgperioden"),
                "member.resigned": _("Medlem udtrådt efter eget ønske"),
                "member.moved_away": _("Medlem udtrådt ved fraflytning"),
                "member.deceased": _("Medlem afgået ved døden"),
                "member.replaced": _("Medlemskab afløst af en ny udpegning"),
                "member.moved_away_flagged": _("Fraflytning meldt"),
                "member.role_changed": _("Rolle i rådet ændret"),
                "substitute.appointed": _("Stedfortræder udpeget"),
                "substitute.promoted": _("Stedfortræder indtrådt som medlem"),
                "nomination_call.opened": _("Indkaldelse af indstillinger sendt"),
                "nomination.submitted": _("Indstilling modtaget"),
                "nomination.submitter_confirmed": _("Indsenderens e-mailadresse bekræftet"),
                "nomination.confirmed_by_candidate": _("Indstilling bekræftet af kandidaten"),
                "nomination.confirmed_by_substitute": _("Indstilling bekræftet af stedfortræderkandidaten"),
                "nomination.withdrawn": _("Indstilling trukket tilbage"),
                "nomination.anonymised": _("Indstilling anonymiseret efter opbevaringsperioden"),
                "election.opened": _("Valg åbnet"),
                "election.ballot_cast": _("Stemme afgivet ved valg"),
                "election.round_counted": _("Valgrunde optalt"),
                "election.lot_drawn": _("Lodtrækning ved valg"),
                "election.decided": _("Valg afgjort"),
                "election.reported": _("Repræsentant indberettet til Det Nationale Integrationsråd"),
            }
        )

        # Work areas linked from the desk (raad/core/desk.py)
        desk.register_area(
            key="membership",
            title=_("Bemanding"),
            url_name="membership:seats",
            permission="membership.manage",
            order=20,
        )
