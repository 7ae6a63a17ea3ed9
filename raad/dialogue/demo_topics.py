"""Demo: the council's topics and its dialogue log ("I sagde – vi gjorde").

Two topics with the whole chain: raised by young people and associations, discussed at a held meeting of the
meetings demo, answered with a published statement of the statements demo, and followed up by the board
(topic 1: spare-time jobs for young people; topic 2: a permanent home before school start). One topic is
still open (homework help at the library). The dialogue log has eight entries: associations, the jobcenter,
a school, a business. Every name of an association, school or business is invented. Topics 1 and 2 are the
full-chain topics (the inquiries demo attaches inquiries to them). Idempotent: does nothing if there is data.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from raad.core import mail
from raad.councils.demo import DemoContext
from raad.councils.models import Purpose
from raad.dialogue.models import DialogueEntry, Topic
from raad.dialogue.services import log as log_services
from raad.dialogue.services import topics as services
from raad.meetings.models import AgendaItem, Meeting
from raad.membership.models import Person
from raad.statements.models import Statement

C = DialogueEntry.Counterpart

LOG = [
    # (date as written, counterpart, organisation, participants' first names, learned, follow-up, topic numbers)
    (
        (2026, 2, 24),
        C.ASSOCIATIONS,
        "Foreningen Sammen i Holbæk",
        ["Amina", "Ahmad"],
        "Unge i foreningen fortæller, at de sender mange ansøgninger om fritidsjob uden at få svar. Flere "
        "kender ingen, der kan give dem en anbefaling.",
        "Rådet tager emnet op og taler med jobcentret og erhvervslivet.",
        [1],
    ),
    (
        (2026, 3, 10),
        C.AUTHORITIES,
        "Jobcenter Holbæk",
        ["Lars"],
        "Jobcentret har en ordning med mentorer for unge, men få virksomheder kender den. Unge under 18 år "
        "er ikke jobcentrets målgruppe.",
        "Sekretariatet beder om tal for ordningen.",
        [1],
    ),
    (
        (2026, 3, 31),
        C.BUSINESSES,
        "Isefjord Rengøring ApS",
        ["Ahmad"],
        "Virksomheden vil gerne ansætte unge på fritidsbasis, men oplever sproget som en barriere i "
        "sikkerhedsinstruktionen.",
        "Rådet foreslår korte instruktioner på flere sprog.",
        [1],
    ),
    (
        (2026, 1, 20),
        C.PROFESSIONALS,
        "Boligsociale medarbejdere i Holbæk Øst",
        ["Amina", "Lars"],
        "Familier, der flytter mellem midlertidige boliger, må skifte skole flere gange det første år. "
        "Børnene mister kammerater og lærere.",
        "Rådet tager det med i høringssvaret om integrationspolitikken.",
        [2],
    ),
    (
        (2026, 2, 5),
        C.PROFESSIONALS,
        "Kildebakkeskolen",
        ["Ahmad"],
        "Skolens modtagelsesklasse ser, at børn, der starter midt i året efter en flytning, har sværere ved "
        "at falde til. Forældremøder med tolk hjælper.",
        "",
        [2],
    ),
    (
        (2026, 9, 15),
        C.ASSOCIATIONS,
        "Ukrainsk Kulturforening Holbæk",
        ["Amina"],
        "Foreningen efterlyser lektiehjælp for børn, der lige er kommet til Danmark. Forældrene kan ikke "
        "hjælpe med danske lektier.",
        "Forslaget om lektiehjælp på biblioteket er sat på næste møde.",
        [3],
    ),
    (
        (2026, 10, 22),
        C.CITIZENS,
        "",
        ["Lars", "Ahmad"],
        "Ved borgermødet i Jyderup fortalte flere forældre, at de ikke vidste, hvor de kunne få hjælp til "
        "lektier. Ingen navne er noteret.",
        "",
        [3],
    ),
    (
        (2026, 11, 3),
        C.ASSOCIATIONS,
        "Holbæk Idrætsforening af 1911",
        ["Amina"],
        "Klubben vil gerne have flere piger med anden baggrund end dansk og spørger, om rådet kan hjælpe "
        "med at nå familierne.",
        "Rådet inviterer klubben til et møde i det nye år.",
        [],
    ),
]


def load(context: DemoContext) -> None:
    council = context.council
    calendar = context.calendar
    D = calendar.date  # noqa: N806 (a date as written, moved with the story)
    if Topic.objects.filter(council=council).exists():
        return
    secretary = get_user_model().objects.filter(username="sekretariat").first()
    purposes = {p.number: p for p in Purpose.objects.filter(terms_of_reference__council=council)}

    def purposes_of(*numbers):
        return [purposes[n] for n in numbers if n in purposes]

    def held_item(title: str) -> AgendaItem | None:
        return (
            AgendaItem.objects.filter(meeting__council=council, meeting__status=Meeting.Status.HELD, title=title)
            .order_by("-meeting__starts_at")
            .first()
        )

    with mail.suppressed():
        jobs = services.topic_create(
            council=council,
            title="Fritidsjob til unge",
            summary="Unge fortæller, at det er svært at få et første fritidsjob uden netværk. Rådet vil have "
            "kommunen og erhvervslivet til at åbne flere døre.",
            purposes=purposes_of(1, 2),
            published=True,
            raised_elsewhere_count=14,
            by=secretary,
        )
        home = services.topic_create(
            council=council,
            title="Fast bolig, før børnene starter i skole",
            summary="Familier flytter mellem midlertidige boliger, og børnene må skifte skole flere gange. "
            "Rådet vil have, at familier med skolebørn får en fast bolig før skolestart.",
            purposes=purposes_of(1),
            published=True,
            raised_elsewhere_count=9,
            by=secretary,
        )
        homework = services.topic_create(
            council=council,
            title="Lektiehjælp for børn, der lige er kommet til Danmark",
            summary="Forældre og foreninger efterlyser lektiehjælp, fx på biblioteket med frivillige.",
            purposes=purposes_of(2, 3),
            published=True,
            raised_elsewhere_count=6,
            by=secretary,
        )
        chains = [
            (
                jobs,
                "Udtalelse om fritidsjob til unge",
                "Udvalget for Børn og Unge har bedt forvaltningen om en plan for fritidsjob sammen med lokale "
                "virksomheder. Jobcentret informerer nu virksomhederne om mentorordningen.",
                (2026, 6, 17),
            ),
            (
                home,
                calendar.text("Høringssvar om Integrationspolitik {year:2027}–{year:2030}"),
                "Kommunalbestyrelsen tilføjede rådets anbefaling til integrationspolitikken: familier med "
                "skolebørn skal så vidt muligt have en fast bolig, før børnene starter i skole.",
                (2026, 5, 13),
            ),
        ]
        # (topic, the title of both the statement and the held meeting's item it was adopted under, the outcome)
        for topic, title, outcome, (y, m, d) in chains:
            item = held_item(title)
            if item is not None:
                services.topic_agenda_item_link(topic=topic, item=item, by=secretary)
            statement = Statement.objects.filter(council=council, title=title).first()
            if statement is not None and statement.status != Statement.Status.DRAFT:
                services.topic_statement_link(topic=topic, statement=statement, by=secretary)
            services.topic_outcome_register(topic=topic, outcome=outcome, outcome_on=D(y, m, d), by=secretary)

        people = {p.first_name: p for p in Person.objects.filter(memberships__seat__council=council).distinct()}
        by_number = {1: jobs, 2: home, 3: homework}
        for (y, m, d), counterpart, organisation, names, learned, follow_up, numbers in LOG:
            log_services.dialogue_entry_record(
                council=council,
                held_on=D(y, m, d),
                counterpart=counterpart,
                organisation=organisation,
                participants=[people[n] for n in names if n in people],
                learned=learned,
                follow_up=follow_up,
                topics=[by_number[n] for n in numbers],
                by=secretary,
            )
    context.notes.append(
        "Topics: 2 with the whole chain (meeting, published statement, the board's follow-up), 1 open; "
        f"a dialogue log of {len(LOG)} entries (/raad/{council.slug}/emner/)."
    )
