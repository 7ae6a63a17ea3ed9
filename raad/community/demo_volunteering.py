"""Demo: Holbæk's volunteering strategy as the council records it, the council's contributions, and two volunteer
opportunities (one from an association in the register, one from another organiser).

The strategy's title, summary and goals are invented examples ("eksempel"), not Holbæk Kommune's real strategy;
every association and place name is invented. Associations are found or created by (council, name), as the other
community stories do. Idempotent: does nothing if the council has a strategy."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from raad.community.models import Association, VolunteeringContribution, VolunteeringStrategy
from raad.community.services import volunteering as services
from raad.councils.demo import DemoContext
from raad.councils.models import Purpose
from raad.dialogue.models import DialogueEntry

K = VolunteeringContribution.Kind

GOALS = [
    (1, "Flere unge med flygtninge- og indvandrerbaggrund bliver frivillige (eksempel)"),
    (2, "Foreningerne når nye grupper af borgere (eksempel)"),
    (3, "Frivillige og kommunen samarbejder om at tage godt imod nye borgere (eksempel)"),
]


def load(context: DemoContext) -> None:
    council, calendar = context.council, context.calendar
    D = calendar.date  # noqa: N806 (a date as written, moved with the story)
    if VolunteeringStrategy.objects.filter(council=council).exists():
        return
    secretary = get_user_model().objects.filter(username="sekretariat").first()
    purposes = {p.number: p for p in Purpose.objects.filter(terms_of_reference__council=council)}
    strategy = services.strategy_save(
        council=council,
        title="Frivillighedsstrategi for Holbæk Kommune (eksempel)",
        adopted_on=D(2025, 6, 18),
        summary="Eksempel: Kommunen vil styrke fællesskaber, hvor borgere, foreninger og kommunen løfter sammen, "
        "og gøre det let at blive frivillig, uanset hvor man kommer fra.",
        by=secretary,
    )
    goals = {
        number: services.goal_add(strategy=strategy, number=number, title=title, by=secretary)
        for number, title in GOALS
    }
    dialogue = DialogueEntry.objects.filter(council=council, counterpart="associations").order_by("held_on").first()
    services.contribution_record(
        council=council,
        goal=goals[2],
        what="Dialogmøde med foreningerne om, hvordan de når borgere, der er nye i kommunen.",
        done_on=dialogue.held_on if dialogue else D(2026, 3, 10),
        kind=K.DIALOGUE,
        dialogue_entry=dialogue,
        purposes=[purposes[n] for n in (3,) if n in purposes],
        by=secretary,
    )
    services.contribution_record(
        council=council,
        goal=goals[1],
        what="Rådet fortalte om frivilligt arbejde på ungdomsuddannelserne sammen med to foreninger.",
        done_on=D(2026, 9, 22),
        kind=K.OTHER,
        purposes=[purposes[n] for n in (3, 4) if n in purposes],
        by=secretary,
    )
    # The homework café of the associations story (demo_associations.py runs first), listed if it is new here.
    club, _created = Association.objects.get_or_create(
        council=council, name="Lektiecaféen på Holbæk Bibliotek", defaults={"status": Association.Status.LISTED}
    )
    today = calendar.today
    services.opportunity_create(
        council=council,
        association=club,
        title="Frivillig lektiehjælper",
        description="Hjælp børn og unge med lektier og dansk en eftermiddag om ugen. Du behøver ikke være lærer, "
        "bare have lyst og tålmodighed.",
        place="Holbæk Bibliotek",
        languages=["da", "ar", "uk"],
        contact_email="lektiecafe@eksempel.invalid",
        starts_on=today - datetime.timedelta(days=14),
        ends_on=today + datetime.timedelta(days=75),
        internal_note="Foreningen spurgte selv, om rådet ville dele opslaget.",
        by=secretary,
    )
    services.opportunity_create(
        council=council,
        organiser="Grundejerforeningen Strandparken (opdigtet)",
        title="Hjælpere til fællesspisning",
        description="Vi søger frivillige til at lave mad og dække bord, når nye og gamle naboer spiser sammen den "
        "første fredag i måneden.",
        place="Fælleshuset, Strandparken (opdigtet)",
        languages=["da", "en"],
        contact_email="faellesspisning@eksempel.invalid",
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=40),
        by=secretary,
    )
    context.notes.append("Frivillighed: strategi (eksempel) med 3 mål, 2 bidrag og 2 frivillige job.")
