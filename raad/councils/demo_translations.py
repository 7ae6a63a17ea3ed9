"""Demo story: the citizen pages' content in Arabic and Ukrainian, and easy-read Danish (let dansk) versions
of the main texts. All written by the project as DRAFTS (status draft) for a professional translator to
review through the workflow in docs/translations.md; the easy-read texts are ours too (LIX shown while
editing). Each text was checked against the Danish of the Holbæk preset (councils/presets/holbaek.py).

Written through `translations.translation_set`, so each text is journalled once and carries the source hash
of the Danish it was made from; idempotent: an unchanged text is left alone, so a second `load_demo` changes
nothing. Story order: last in DEMO_STORIES (the statements demo must have published its statements)."""

from __future__ import annotations

from raad.core import translations
from raad.councils.demo import DemoContext
from raad.councils.models import Purpose, TermsOfReference

DRAFT = translations.DRAFT

COUNCIL_NAME = {
    "ar": "مجلس الاندماج في بلدية هولبيك",
    "uk": "Інтеграційна рада муніципалітету Гольбек",
}

TERMS = {
    "introduction": {
        "ar": "يقدّم مجلس الاندماج المشورة والمعلومات إلى المجلس البلدي حول الأمور المهمة لجهود الاندماج المحلية.",
        "uk": "Інтеграційна рада консультує та інформує муніципальну раду з питань, важливих для місцевої "
        "інтеграційної роботи.",
        translations.EASY_READ: "Integrationsrådet giver gode råd til politikerne i byrådet. Rådet fortæller, "
        "hvad der er vigtigt for integration i Holbæk.",
    },
    "tasks_introduction": {
        "ar": "يقدّم مجلس الاندماج المشورة والمعلومات إلى المجلس البلدي حول الأمور المهمة لجهود الاندماج المحلية."
        "\n\nتنطلق مهام المجلس من أهدافه ومن استراتيجية البلدية للاندماج.",
        "uk": "Інтеграційна рада консультує та інформує муніципальну раду з питань, важливих для місцевої "
        "інтеграційної роботи.\n\nЗавдання ради ґрунтуються на її цілях та на інтеграційній стратегії "
        "муніципалітету.",
        translations.EASY_READ: "Rådet giver råd til byrådet om integration. Rådet arbejder ud fra sine fire "
        "mål. Og ud fra kommunens plan for integration.",
    },
    "limits": {
        "ar": "لا يستطيع مجلس الاندماج معالجة القضايا الفردية.",
        "uk": "Інтеграційна рада не може розглядати індивідуальні справи.",
        translations.EASY_READ: "Rådet kan ikke hjælpe med din egen sag. Har du brug for hjælp til din egen "
        "sag? Så se, hvor i kommunen du kan få hjælp.",
    },
}

PURPOSES = {
    1: {
        "title": {
            "ar": "المساهمة في جعل جهود البلدية في مجال الاندماج فعّالة ومترابطة",
            "uk": "Сприяти тому, щоб інтеграційна робота муніципалітету була ефективною та узгодженою",
            translations.EASY_READ: "Rådet hjælper kommunen med at gøre arbejdet med integration godt og "
            "sammenhængende.",
        },
    },
    2: {
        "title": {
            "ar": "المساهمة في تعزيز تكافؤ الفرص للمواطنين من أصول عرقية غير دنماركية",
            "uk": "Сприяти рівним можливостям для мешканців з етнічним походженням, відмінним від данського",
            translations.EASY_READ: "Rådet arbejder for lige muligheder for alle. Også for dem, der har rødder "
            "i et andet land.",
        },
    },
    3: {
        "title": {
            "ar": "المساهمة في تعزيز الحوار بين جميع المواطنين في بلدية هولبيك بغضّ النظر عن أصولهم",
            "uk": "Сприяти зміцненню діалогу між усіма мешканцями муніципалітету Гольбек незалежно від походження",
            translations.EASY_READ: "Rådet vil have, at alle i Holbæk taler sammen. Uanset hvor de kommer fra.",
        },
        "description": {
            "ar": "يعمل أعضاء المجلس كجسور بين المواطنين والبلدية. ويعزّز الأعضاء الحوار المتبادل والتفاهم "
            "والانفتاح بين جميع المواطنين، بغضّ النظر عن أصلهم العرقي، انسجامًا مع طموحات مبادرة "
            "«هولبيك معًا» (Holbæk i Fællesskab).",
            "uk": "Члени ради є мостом між мешканцями та муніципалітетом. Вони сприяють взаємній розмові, "
            "розумінню та відкритості між усіма мешканцями незалежно від етнічного походження, відповідно до "
            "цілей ініціативи «Гольбек разом» (Holbæk i Fællesskab).",
            translations.EASY_READ: "Medlemmerne bygger bro. De hjælper borgere og kommune med at tale sammen. "
            "De vil have, at alle forstår hinanden.",
        },
    },
    4: {
        "title": {
            "ar": "المساهمة في ترسيخ الحوار والاندماج من خلال العمل التطوعي والحياة الجمعوية",
            "uk": "Сприяти закріпленню діалогу та інтеграції через волонтерство та громадські об'єднання",
            translations.EASY_READ: "Rådet vil have, at flere er med i foreninger og frivilligt arbejde.",
        },
        "description": {
            "ar": "تهدف استراتيجية البلدية للعمل التطوعي إلى أن يساهم الالتزام التطوعي في الحياة في البلدية "
            "وأن يعزّز الترابط بين المواطنين والجمعيات والبلدية.",
            "uk": "Стратегія волонтерства муніципалітету прагне, щоб волонтерська діяльність збагачувала життя "
            "муніципалітету та зміцнювала зв'язки між мешканцями, об'єднаннями та муніципалітетом.",
            translations.EASY_READ: "Kommunen vil gerne have flere frivillige. Frivillige gør livet i kommunen "
            "bedre. De binder borgere, foreninger og kommune sammen.",
        },
    },
}

# The easy-read version of one published statement (the statements demo's own-initiative statement, as adopted).
STATEMENT_TITLE = "Udtalelse om fritidsjob til unge"
STATEMENT_EASY_READ = (
    "Mange unge har svært ved at få deres første fritidsjob. Det gælder især unge, hvis familie kommer fra et "
    "andet land.\n\n"
    "Rådet har talt med unge, foreninger og virksomheder. De siger: Det hjælper at kende nogen. En ansøgning "
    "alene er ikke nok.\n\n"
    "Rådet foreslår: Kommunen, virksomheder og foreninger laver en ordning sammen. Unge får en mentor, der "
    "hjælper dem. Efter et år ser kommunen på, om ordningen virker.\n\n"
    "Medlemmer af rådet vil gerne hjælpe."
)


def _write(obj, fields: dict[str, dict[str, str]], council_id: int) -> None:
    for field, by_language in fields.items():
        for language, text in by_language.items():
            translations.translation_set(
                obj=obj, field=field, language=language, text=text, status=DRAFT, council_id=council_id
            )


def load(context: DemoContext) -> None:
    council = context.council
    terms = TermsOfReference.objects.get(council=council)
    purposes = {purpose.number: purpose for purpose in Purpose.objects.filter(terms_of_reference=terms)}
    _write(council, {"name": COUNCIL_NAME}, council.pk)
    _write(terms, TERMS, council.pk)
    for number, fields in PURPOSES.items():
        _write(purposes[number], fields, council.pk)
    # Statements are not imported (councils must not import the apps built on it): the published text is
    # found through the registry, as the translation desk finds it.
    published = _published_statement_text(council, STATEMENT_TITLE)
    if published is not None:
        _write(published, {"text": {translations.EASY_READ: STATEMENT_EASY_READ}}, council.pk)


def _published_statement_text(council, title: str):
    """The published text (adopted version) of the council's statement `title`, or None."""
    from raad.core import translation_desk

    entry = translation_desk.registered_by_key("statements.statementversion")
    if entry is None:
        return None
    return translation_desk.council_queryset(entry, council).filter(statement__title=title).first()
