"""Demo: the council's events (arrangementer). A language café with the library (three evenings), "Integrationens
dag" with associations (full, with a waiting list), a dialogue evening in Arabic and Danish with interpreters,
and one past event with an account and the number of participants. Registrants are invented people with
`@demo.invalid` addresses; every figure is invented.

The associations below are the co-organisers these events need (status listed). The associations slice adds
more in its own demo module; it gets or creates by name, so the two never clash. Idempotent: does nothing if
the council has events."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from raad.community.models import Association, Event
from raad.community.services import events as services
from raad.core import mail
from raad.core.translations import translation_set
from raad.councils.demo import CPH, DemoContext
from raad.councils.demo_rooms import LIBRARY, TOWN_HALL, ensure_rooms
from raad.councils.models import Purpose

# --- Co-organisers: associations of the associations story (demo_associations.py runs first) --------------
SYRIAN = "Dansk-Syrisk Kulturforening Holbæk"
WOMEN = "Kvindenetværket Holbæk"
UKRAINIAN = "Ukrainsk Forening i Holbæk"
HOMEWORK_CAFE = "Lektiecaféen på Holbæk Bibliotek"


def _associations(council) -> dict[str, Association]:
    return {
        a.name: a
        for a in Association.objects.filter(council=council, name__in=[SYRIAN, WOMEN, UKRAINIAN, HOMEWORK_CAFE])
    }


REGISTRANTS = [
    ("Hanne Mortensen", "hanne", "da", 2, "", False, False),
    ("Yusuf Ahmadi", "yusuf", "ar", 3, "ar", False, True),
    ("Olena Kovalenko", "olena", "uk", 1, "uk", False, False),
    ("Bent Sørensen", "bent", "da", 2, "", True, False),
    ("Hodan Warsame", "hodan", "da", 4, "so", False, True),
    ("Karin Møller", "karin", "da", 1, "", False, False),
]


def load(context: DemoContext) -> None:
    council = context.council
    calendar = context.calendar
    if Event.objects.filter(council=council).exists():
        return
    secretary = get_user_model().objects.filter(username="sekretariat").first()
    rooms = ensure_rooms(council.municipality_id)
    associations = _associations(council)
    purposes = {p.number: p for p in Purpose.objects.filter(terms_of_reference__council=council)}

    def at(year, month, day, hour, minute=0):
        day_moved = calendar.date(year, month, day)
        return datetime.datetime.combine(day_moved, datetime.time(hour, minute), tzinfo=CPH)

    def plan(title, description, start, hours, *, room=None, published=True, **extra):
        data = {
            "title": title,
            "description": description,
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=hours),
            "room": rooms.get(room) if room else None,
            "purposes": [purposes[n] for n in extra.pop("purposes", (1,)) if n in purposes],
            **extra,
        }
        event = services.event_create(council=council, data=data, by=secretary)
        if published:
            event = services.event_publish(event=event, by=secretary)
        return event

    def register(event, people, *, waiting=False):
        for name, first, language, seats, interpreter, step_free, childcare in people:
            services.registration_create(
                event=event,
                name=name,
                email=f"{first}@demo.invalid",
                seats=seats,
                language=language,
                interpreter_language=interpreter,
                needs_step_free=step_free,
                needs_childcare=childcare,
                waiting_list=waiting,
            )

    with mail.suppressed():
        # A language café with the library: three Tuesday evenings, no registration needed.
        for year, month, day in ((2026, 12, 1), (2027, 1, 5), (2027, 2, 2)):
            plan(
                "Sprogcafé på biblioteket",
                "Øv dansk over en kop kaffe med frivillige fra biblioteket. Alle niveauer er velkomne, og du "
                "behøver ikke melde dig til.",
                at(year, month, day, 17),
                2,
                room=LIBRARY,
                languages=["da", "ar", "uk"],
                co_organisers=[associations[HOMEWORK_CAFE]],
                purposes=(1, 3),
            )
        # Integrationens dag: full, with a waiting list.
        day = plan(
            "Integrationens dag",
            "Foreninger, skoler og kommunen viser, hvad de laver for at byde nye borgere velkommen. Mad fra "
            "mange lande, musik og børneaktiviteter.",
            at(2026, 12, 12, 11),
            5,
            room=TOWN_HALL,
            languages=["da", "ar", "uk", "so"],
            interpreters="Tolk mellem dansk og arabisk, ukrainsk og somali",
            co_organisers=[associations[SYRIAN], associations[WOMEN], associations[UKRAINIAN]],
            registration_required=True,
            capacity=12,
            registration_deadline=at(2026, 12, 10, 12),
            purposes=(1, 3, 4),
        )
        register(day, REGISTRANTS[:5])  # 2+3+1+2+4 = 12 seats: full
        register(day, REGISTRANTS[5:], waiting=True)
        # A dialogue evening in Arabic and Danish with interpreters.
        evening = plan(
            "Dialogaften: Sådan fungerer folkeskolen",
            "Rådet og skolelederne fortæller om skolestart, forældremøder og lektiehjælp. Stil dine spørgsmål "
            "på arabisk eller dansk: der er tolk.",
            at(2026, 12, 8, 18),
            2,
            place="Ahorngården, beboerhuset",
            address="Ahornvej 4, 4300 Holbæk",
            accessibility_note="Niveaufri adgang fra parkeringspladsen.",
            languages=["da", "ar"],
            interpreters="Tolk mellem arabisk og dansk",
            co_organisers=[associations[WOMEN]],
            registration_required=True,
            capacity=40,
            purposes=(2,),
        )
        register(evening, REGISTRANTS[1:3])
        for field, text in (
            ("title", "أمسية حوار: كيف تعمل المدرسة الدنماركية"),
            (
                "description",
                "يحدثكم المجلس ومديرو المدارس عن بدء الدراسة واجتماعات أولياء الأمور والمساعدة في الواجبات. "
                "اطرحوا أسئلتكم بالعربية أو الدنماركية: يوجد مترجم.",
            ),
        ):
            translation_set(
                obj=evening,
                field=field,
                language="ar",
                text=text,
                status="reviewed",
                actor=secretary,
                council_id=council.pk,
            )
        # A past event with an account and the number of participants.
        past = plan(
            "Fællesspisning i Ahorngården",
            "Vi spiser sammen og taler om, hvad rådet skal tage op i det nye år.",
            at(2026, 10, 22, 17, 30),
            3,
            place="Ahorngården, beboerhuset",
            address="Ahornvej 4, 4300 Holbæk",
            languages=["da", "ar", "so"],
            co_organisers=[associations[SYRIAN], associations[UKRAINIAN]],
            purposes=(3,),
        )
        services.event_report(
            event=past,
            participant_count=46,
            account="46 naboer spiste sammen. Mange talte om fritidsjob til unge og om lektiehjælp; rådet har "
            "taget begge emner med (antallet er opfundet til demoen).",
            by=secretary,
        )
    context.notes.append(
        "Events: 6 (a language café three times, Integrationens dag full with a waiting list, a dialogue evening "
        f"in Danish and Arabic with interpreters, a past shared meal with its account): /raad/{council.slug}/arrangementer/"
    )
