from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingsConfig(AppConfig):
    name = "raad.meetings"
    label = "meetings"
    verbose_name = _("Møder")

    def ready(self) -> None:
        from raad.core import desk as _desk
        from raad.meetings import desk_tasks

        _desk.register_tasks(key="meetings", collect=desk_tasks.collect)  # its deadlines on the desk (docs/desk.md)
        from raad.meetings import search as search_sources

        search_sources.register()  # its public content in the search index (raad.core.search)
        from raad.core import audit, desk
        from raad.meetings import permissions  # noqa: F401  (registers the permissions)

        audit.register_change_labels(
            {
                "after_deadline": pgettext_lazy("audit change", "Efter fristen"),
                "how": pgettext_lazy("audit change", "Godkendelsesform"),
                "items": pgettext_lazy("audit change", "Punkter"),
                "late": pgettext_lazy("audit change", "For sent foreslået"),
                "member": pgettext_lazy("audit change", "Medlem"),
                "no_substitute": pgettext_lazy("audit change", "Uden stedfortræder"),
                "override_reason": pgettext_lazy("audit change", "Begrundelse for at offentliggøre trods fund"),
                "published_over_findings": pgettext_lazy("audit change", "Offentliggjort trods fund"),
                "rule": pgettext_lazy("audit change", "Anvendt regel"),
                "present": pgettext_lazy("audit change", "Til stede"),
                "substitutes_present": pgettext_lazy("audit change", "Stedfortrædere til stede"),
                "supporters": pgettext_lazy("audit change", "Medlemmer, der støtter"),
                "threshold": pgettext_lazy("audit change", "Nødvendigt antal medlemmer"),
                "type": pgettext_lazy("audit change", "Filtype"),
                "votes": pgettext_lazy("audit change", "Stemmer"),
                "what": pgettext_lazy("audit change", "Læst i"),
            }
        )
        # A member's apology and a read of closed items are never shown in public: the minutes freeze who came
        # when they are approved (minutes.approved is not private).
        audit.register_private_verbs(
            [
                "attendance.apology",
                "attendance.apology_withdrawn",
                "attendance.apology_confirmed",
                "meeting.closed_items_read",
            ]
        )
        audit.register_verbs(
            {
                "meeting.planned": _("Møde planlagt"),
                "meeting.updated": _("Møde ændret"),
                "meeting.cancelled": _("Møde aflyst"),
                "meeting.notice_sent": _("Indkaldelse med dagsorden sendt"),
                "meeting.leader_set": _("Mødeleder valgt"),
                "meeting.held": _("Møde afholdt"),
                "meeting.closed_items_read": _("Lukkede punkter læst"),
                "agenda_item.added": _("Dagsordenspunkt tilføjet"),
                "agenda_item.updated": _("Dagsordenspunkt ændret"),
                "agenda_item.moved": _("Dagsordenspunkt flyttet"),
                "agenda_item.proposed": _("Punkt foreslået af et medlem"),
                "agenda_item.refused_individual_case": _("Punkt afvist som enkeltsag"),
                "agenda_item.admission_voted": _("Afstemning om optagelse af et sent punkt"),
                "attachment.added": _("Bilag tilføjet"),
                "attendance.apology": _("Afbud meldt"),
                "attendance.apology_withdrawn": _("Afbud trukket tilbage"),
                "attendance.apology_confirmed": _("Afbud bekræftet uden stedfortræder"),
                "attendance.registered": _("Fremmøde registreret"),
                "conflict.declared": _("Inhabilitet erklæret"),
                "decision.recorded": _("Beslutning registreret"),
                "minority_statement.recorded": _("Mindretalsudtalelse registreret"),
                "minutes.started": _("Referat påbegyndt"),
                "minutes.draft_saved": _("Referatudkast gemt"),
                "minutes.circulated": _("Referat sendt rundt til godkendelse"),
                "minutes.approve": _("Medlem godkendte referatet"),
                "minutes.object": _("Medlem gjorde indsigelse mod referatet"),
                "minutes.approved": _("Referat godkendt"),
                "minutes.corrected": _("Referat rettet (ny version)"),
                "minutes.published": _("Referat offentliggjort"),
                "minutes.unpublished": _("Referat skjult for offentligheden"),
                "calendar_token.renewed": _("Kalenderlink fornyet"),
                "extraordinary_request.created": _("Anmodning om ekstraordinært møde oprettet"),
                "extraordinary_request.supported": _("Anmodning om ekstraordinært møde støttet"),
                "extraordinary_request.threshold_reached": _("Anmodning om ekstraordinært møde har nok støtter"),
                "extraordinary_request.called": _("Ekstraordinært møde indkaldt efter anmodning"),
            }
        )

        # Work areas linked from the desk (raad/core/desk.py)
        desk.register_area(
            key="meetings", title=_("Møder"), url_name="meetings:plan", permission="meetings.view", order=10
        )
