from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "raad.membership"
    label = "membership"
    verbose_name = _("Bemanding og udpegning")

    def ready(self) -> None:
        from raad.core import audit, roles
        from raad.membership import permissions  # noqa: F401  (registers the permissions)
        from raad.membership.selectors import member_council_ids, member_roles

        roles.register_provider(member_roles, member_council_ids)
        audit.register_verbs(
            {
                "person.created": _("Person oprettet"),
                "person.user_linked": _("Person knyttet til en brugerkonto"),
                "person.residence_confirmed": _("Bopæl i kommunen bekræftet"),
                "seat.created": _("Plads oprettet"),
                "seat.nominating_body_changed": _("Pladsens indstillende organisation ændret"),
                "nominating_body.created": _("Indstillingsberettiget organisation oprettet"),
                "nominating_body.updated": _("Indstillingsberettiget organisation ændret"),
                "nomination_call.opened": _("Indkaldelse af indstillinger sendt"),
                "nomination.submitted": _("Indstilling modtaget"),
                "nomination.confirmed_by_candidate": _("Indstilling bekræftet af kandidaten"),
                "nomination.confirmed_by_substitute": _("Indstilling bekræftet af stedfortræderen"),
                "nomination.anonymised": _("Indstilling anonymiseret"),
                "member.appointed": _("Medlem udpeget"),
                "member.role_changed": _("Medlems rolle ændret"),
                "member.moved_away_flagged": _("Medlem meldt fraflyttet"),
                "member.resigned": _("Medlem udtrådt"),
                "member.moved_away": _("Medlem udtrådt ved fraflytning"),
                "member.deceased": _("Medlem afgået ved døden"),
                "member.term_ended": _("Medlemskab sluttet med valgperioden"),
                "member.replaced": _("Medlem erstattet"),
                "substitute.appointed": _("Stedfortræder udpeget"),
                "substitute.promoted": _("Stedfortræder indtrådt som medlem"),
                "election.opened": _("Valg åbnet"),
                "election.ballot_cast": _("Stemme afgivet"),
                "election.round_counted": _("Valgrunde optalt"),
                "election.lot_drawn": _("Lodtrækning foretaget"),
                "election.decided": _("Valg afgjort"),
            }
        )
