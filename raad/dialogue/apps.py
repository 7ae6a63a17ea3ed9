from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DialogueConfig(AppConfig):
    name = "raad.dialogue"
    label = "dialogue"
    verbose_name = _("Dialog med borgerne")

    def ready(self) -> None:
        from raad.core import desk as _desk
        from raad.dialogue import desk_tasks

        _desk.register_tasks(key="dialogue", collect=desk_tasks.collect)  # its deadlines on the desk (docs/desk.md)
        from raad.dialogue import search as search_sources

        search_sources.register()  # its public content in the search index (raad.core.search)
        from raad.core import audit, desk, translations
        from raad.dialogue import permissions  # noqa: F401  (registers the permissions)
        from raad.dialogue.models import ReferralService, Topic
        from raad.dialogue.selectors import inquiries as inquiry_selectors
        from raad.dialogue.selectors import topics as topic_selectors

        translations.register(
            ReferralService,
            ["name", "description", "opening_hours"],
            label=_("Henvisninger"),
            council="municipality__councils",
        )
        translations.register(Topic, ["title", "summary", "outcome"], label=_("Emner"))

        desk.register_panel(
            key="inquiries",
            title=_("Henvendelser"),
            template="dialogue/inquiries/_desk_panel.html",
            context=inquiry_selectors.desk_panel,
            order=25,
        )
        desk.register_panel(
            key="topics",
            title=_("Emner fra dialogen"),
            template="dialogue/topics/_desk_panel.html",
            context=topic_selectors.desk_panel,
            order=30,
        )

        # A citizen's inquiry as it arrives is shown nowhere in public. Its handling is not private: a public
        # topic counts the inquiries taken up as it and quotes those whose writers consented.
        audit.register_private_verbs(["inquiry.received"])
        audit.register_verbs(
            {
                # Inquiries and the referral catalogue
                "inquiry.received": _("Henvendelse modtaget"),
                "inquiry.classified_general": _("Henvendelse taget op som emne"),
                "inquiry.referred": _("Enkeltsag henvist"),
                "inquiry.closed": _("Henvendelse afsluttet"),
                "inquiry.retention_erased": _("Persondata i henvendelser slettet efter opbevaringsperioden"),
                "referral.created": _("Henvisning oprettet"),
                "referral.updated": _("Henvisning ændret"),
                "referral.deactivated": _("Henvisning deaktiveret"),
                "referral.activated": _("Henvisning aktiveret igen"),
                # Topics
                "topic.created": _("Emne oprettet"),
                "topic.created_from_inquiry": _("Emne oprettet fra henvendelse"),
                "topic.created_from_principle": _("Principielt spørgsmål fra enkeltsag oprettet som emne"),
                "topic.updated": _("Emne ændret"),
                "topic.placed_on_agenda": _("Emne sat på dagsordenen"),
                "topic.agenda_item_linked": _("Emne knyttet til et dagsordenspunkt"),
                "topic.discussed": _("Emne drøftet i rådet"),
                "topic.statement_linked": _("Udtalelse knyttet til emne"),
                "topic.followed_up": _("Opfølgning på emne registreret"),
                "topic.closed": _("Emne afsluttet"),
                # The dialogue log
                "dialogue_entry.recorded": _("Dialog skrevet i dialogloggen"),
                "dialogue_entry.updated": _("Indførsel i dialogloggen ændret"),
                "dialogue_entry.topic_added": _("Emne oprettet fra dialogloggen"),
            }
        )
        audit.register_change_labels(
            {
                "topic": pgettext_lazy("audit change", "Emne"),
                "details_erased": pgettext_lazy("audit change", "Henvendelser uden kontaktoplysninger (antal)"),
                "individual_texts_erased": pgettext_lazy("audit change", "Enkeltsager uden tekst (antal)"),
            }
        )

        # Work areas linked from the desk (raad/core/desk.py)
        desk.register_area(
            key="inquiries",
            title=_("Henvendelser"),
            url_name="dialogue:inquiries",
            permission="dialogue.triage_inquiries",
            order=40,
        )
        desk.register_area(
            key="topics", title=_("Emner"), url_name="dialogue:topics", permission="dialogue.view_topics", order=42
        )
        desk.register_area(
            key="dialogue_log", title=_("Dialoglog"), url_name="dialogue:log", permission="dialogue.view_log", order=44
        )
        desk.register_area(
            key="referrals",
            title=_("Henvisninger"),
            url_name="dialogue:referrals",
            permission="dialogue.triage_inquiries",
            order=46,
        )
