"""Demo story: the referral catalogue and citizens' inquiries in Danish, English, Arabic and Ukrainian.

Some are individual cases referred to the right municipal service (R9), some are general and feed the topics
numbered 1 and 2 (created by the topics story, which runs before this one; without them none are attached),
one invitation is answered, two wait for the secretariat's triage. Every contact detail is invented.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from raad.core.translations import translation_set
from raad.councils.demo import DemoContext
from raad.dialogue.models import ReferralService, Topic
from raad.dialogue.services import inquiries, referrals

INVENTED = "Opdigtede kontaktoplysninger (demo)."

# (name, description, phone, opening hours, {language: (name, opening hours)})
CATALOGUE = [
    (
        "Jobcenter Holbæk",
        "Job, uddannelse, ydelser og selvforsørgelses- og hjemrejseprogrammet.",
        "72 00 00 01",
        "Mandag–onsdag kl. 9–14, torsdag kl. 9–17",
        {
            "en": ("Holbæk Job Centre", "Monday–Wednesday 9–14, Thursday 9–17"),
            "ar": ("مركز العمل في هولبك", "الاثنين–الأربعاء ٩–١٤، الخميس ٩–١٧"),
            "uk": ("Центр зайнятості Гольбек", "Понеділок–середа 9–14, четвер 9–17"),
        },
    ),
    (
        "Borgerservice",
        "Pas, kørekort, sundhedskort, folkeregister og hjælp til digital post.",
        "72 00 00 02",
        "Mandag–fredag kl. 10–14",
        {
            "en": ("Citizen Service", "Monday–Friday 10–14"),
            "ar": ("خدمة المواطنين", "الاثنين–الجمعة ١٠–١٤"),
            "uk": ("Служба обслуговування громадян", "Понеділок–п'ятниця 10–14"),
        },
    ),
    (
        "Familieafdelingen",
        "Råd og støtte til børnefamilier.",
        "72 00 00 03",
        "Mandag–torsdag kl. 9–15, fredag kl. 9–12",
        {
            "en": ("Family Department", "Monday–Thursday 9–15, Friday 9–12"),
            "ar": ("قسم شؤون الأسرة", "الاثنين–الخميس ٩–١٥، الجمعة ٩–١٢"),
            "uk": ("Відділ у справах сімей", "Понеділок–четвер 9–15, п'ятниця 9–12"),
        },
    ),
    (
        "Sprogcenter Holbæk",
        "Danskuddannelse for voksne, også om aftenen.",
        "72 00 00 04",
        "Mandag–torsdag kl. 8–15",
        {
            "en": ("Holbæk Language Centre", "Monday–Thursday 8–15"),
            "ar": ("مركز اللغة في هولبك", "الاثنين–الخميس ٨–١٥"),
            "uk": ("Мовний центр Гольбек", "Понеділок–четвер 8–15"),
        },
    ),
    (
        "Boligsocial helper",
        "Hjælp med husleje, naboer og boligen i de almene boligområder.",
        "72 00 00 05",
        "Tirsdag og torsdag kl. 10–13",
        {
            "en": ("Social housing helper", "Tuesday and Thursday 10–13"),
            "ar": ("مساعد الإسكان الاجتماعي", "الثلاثاء والخميس ١٠–١٣"),
            "uk": ("Соціальний помічник з житлових питань", "Вівторок і четвер 10–13"),
        },
    ),
]

# (language, kind, text, name, e-mail, consent, what the secretariat does: ("refer", slug) / ("topic", number) /
# ("answer", reply) / None)
INQUIRIES = [
    (
        "da",
        "idea",
        "Mange i vores forening arbejder om dagen. Kunne rådet foreslå, at sprogcentret får flere hold om aftenen?",
        "",
        "",
        True,
        ("topic", 1),
    ),
    (
        "ar",
        "concern",
        "كثير من النساء في حيّنا لا يستطعن حضور دروس اللغة الدنماركية لعدم توفر رعاية للأطفال. نرجو أن يناقش المجلس هذا الموضوع.",
        "",
        "amal@demo.invalid",
        False,
        ("topic", 1),
    ),
    (
        "uk",
        "concern",
        "Багатьом українським родинам важко знайти інформацію про школу та дитячий садок українською мовою.",
        "",
        "",
        True,
        ("topic", 2),
    ),
    (
        "en",
        "question",
        "Does the council plan to meet with the international community at the hospital and the businesses in Holbæk?",
        "",
        "",
        False,
        ("topic", 2),
    ),
    (
        "ar",
        "question",
        "انتهى عقد عملي وأحتاج مساعدة في التقديم على إعانة البطالة. ماذا أفعل؟",
        "",
        "khaled@demo.invalid",
        False,
        ("refer", "jobcenter-holbaek"),
    ),
    (
        "uk",
        "question",
        "Мені потрібна допомога з продовженням дозволу на проживання та з цифровою поштою.",
        "",
        "olena@demo.invalid",
        False,
        ("refer", "borgerservice"),
    ),
    (
        "da",
        "concern",
        "Vores udlejer vil ikke reparere fugten i lejligheden, og vi har små børn. Hvem kan hjælpe os?",
        "",
        "",
        False,
        ("refer", "boligsocial-helper"),
    ),
    (
        "da",
        "invitation",
        "Foreningen Fællesskab i Holbæk inviterer rådet til vores sommerfest i Ladegårdsparken. Alle er velkomne.",
        "Foreningen Fællesskab i Holbæk (opdigtet)",
        "forening@demo.invalid",
        False,
        ("answer", "Tak for invitationen. Forpersonen og et medlem kommer gerne og fortæller om rådets arbejde."),
    ),
    (
        "en",
        "idea",
        "It would help newcomers if the municipality's welcome letter also came in English and Ukrainian.",
        "",
        "",
        False,
        None,
    ),
    (
        "da",
        "question",
        "Hvordan kan man blive medlem af integrationsrådet, og hvornår er der valg?",
        "",
        "",
        False,
        None,
    ),
]


def load(context: DemoContext) -> None:
    council = context.council
    if ReferralService.objects.filter(municipality_id=council.municipality_id).exists():
        return
    secretary = get_user_model().objects.filter(username="sekretariat").first()
    catalogue = {}
    for position, (name, description, phone, hours, translated) in enumerate(CATALOGUE, start=1):
        referral = referrals.referral_create(
            council=council,
            data={
                "name": name,
                "description": f"{description} {INVENTED}",
                "phone": phone,
                "email": f"{referral_mailbox(name)}@demo.invalid",
                "opening_hours": hours,
                "position": position,
            },
            by=secretary,
        )
        for language, (translated_name, translated_hours) in translated.items():
            for field, text in (("name", translated_name), ("opening_hours", translated_hours)):
                translation_set(
                    obj=referral,
                    field=field,
                    language=language,
                    text=text,
                    status="draft",
                    actor=secretary,
                    council_id=council.pk,
                )
        catalogue[referral.slug] = referral
    topics = {topic.number: topic for topic in Topic.objects.filter(council=council, number__in=(1, 2))}
    referred = attached = 0
    for language, kind, text, name, email, consent, then in INQUIRIES:
        inquiry = inquiries.inquiry_submit(
            council=council,
            kind=kind,
            text=text,
            language=language,
            reply_by="email" if email else "none",
            name=name,
            email=email,
            consent_publish=consent,
        )
        if then is None:
            continue
        action, value = then
        if action == "refer":
            inquiries.inquiry_refer(inquiry=inquiry, referral=catalogue[value], by=secretary)
            referred += 1
        elif action == "topic" and value in topics:
            inquiries.inquiry_classify_general(inquiry=inquiry, topic=topics[value], by=secretary)
            attached += 1
        elif action == "answer":
            inquiries.inquiry_close(inquiry=inquiry, reply=value, by=secretary)
    context.notes.append(
        f"Henvendelser: {len(INQUIRIES)} inquiries in Danish, English, Arabic and Ukrainian ({referred} individual cases "
        f"referred, {attached} attached to topics); referral catalogue of {len(CATALOGUE)} services (invented contact "
        "data). Form: /raad/integrationsraadet/skriv/  Triage: /arbejdsrum/integrationsraadet/henvendelser/"
    )


def referral_mailbox(name: str) -> str:
    return name.lower().replace(" ", "-").replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
