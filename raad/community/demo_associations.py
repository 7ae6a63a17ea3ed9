"""Demo story: a handful of fictional Holbæk associations in the council's register, one request waiting for
the secretariat. The events story may create some of the same associations: both use get_or_create by
(council, name). All associations and people are invented."""

from __future__ import annotations

from django.utils import timezone

from raad.community.models import Association

LISTED = (
    {
        "name": "Dansk-Syrisk Kulturforening Holbæk",
        "purpose": "Vi skaber møder mellem syriske og danske holbækkere gennem mad, musik og samtale.",
        "activities": "Fællesspisning hver måned, sprogcafé, kulturaftener og hjælp til nye familier.",
        "languages": ["da", "ar"],
        "website": "https://dansk-syrisk.example.dk",
        "contact_name": "Rami Haddad",
        "contact_email": "rami.haddad@example.dk",
        "contact_phone": "20 11 22 33",
        "contact_public": True,
    },
    {
        "name": "Ukrainsk Forening i Holbæk",
        "purpose": "Fællesskab og støtte for ukrainere i Holbæk Kommune.",
        "activities": "Lørdagsskole for børn, dansktræning for voksne, juleaften for familier.",
        "languages": ["uk", "da", "ru"],
        "website": "",
        "contact_name": "Olena Kovalenko",
        "contact_email": "olena.k@example.dk",
        "contact_phone": "",
        "contact_public": False,
    },
    {
        "name": "Kvindenetværket Holbæk",
        "purpose": "Et netværk for kvinder med forskellig baggrund, der vil lære hinanden og byen at kende.",
        "activities": "Gåture, strikkecafé, besøg på arbejdspladser og foredrag om job og uddannelse.",
        "languages": ["da", "ar", "so", "fa"],
        "website": "https://kvindenetvaerket.example.dk",
        "contact_name": "Hanne Sørensen",
        "contact_email": "hanne@example.dk",
        "contact_phone": "30 44 55 66",
        "contact_public": True,
    },
    {
        "name": "Lektiecaféen på Holbæk Bibliotek",
        "purpose": "Frivillige hjælper børn og unge med lektierne.",
        "activities": "Lektiehjælp tirsdag og torsdag kl. 15–17.",
        "languages": ["da", "en", "ar", "uk"],
        "website": "",
        "contact_name": "Jonas Friis",
        "contact_email": "jonas.friis@example.dk",
        "contact_phone": "",
        "contact_public": False,
    },
    {
        "name": "Holbæk Boldklub, integrationsholdet",
        "purpose": "Fodbold for alle: ingen kontingent det første halve år for nye borgere.",
        "activities": "Træning for børn og voksne, sommerstævne og forældrekaffe.",
        "languages": ["da", "en", "ar", "ti"],
        "website": "https://boldklub.example.dk",
        "contact_name": "Mikkel Andersen",
        "contact_email": "mikkel@example.dk",
        "contact_phone": "40 12 34 56",
        "contact_public": True,
    },
)

PENDING = {
    "name": "Afghansk Kulturforening Vestsjælland",
    "purpose": "Vi vil bevare afghansk kultur og hjælpe nye familier med at finde vej i Danmark.",
    "activities": "Nytårsfest (nowruz), dari-undervisning for børn, rådgivning om foreningsliv.",
    "languages": ["prs", "fa", "da"],
    "website": "",
    "contact_name": "Farid Ahmadi",
    "contact_email": "farid.ahmadi@example.dk",
    "contact_phone": "",
    "contact_public": False,
}


def load(context) -> None:
    council = context.council
    if Association.objects.filter(council=council, name=PENDING["name"]).exists():
        return
    now = timezone.now()
    for values in LISTED:
        defaults = {k: v for k, v in values.items() if k != "name"}
        Association.objects.get_or_create(
            council=council,
            name=values["name"],
            defaults={**defaults, "status": Association.Status.LISTED, "decided_at": now},
        )
    defaults = {k: v for k, v in PENDING.items() if k != "name"}
    Association.objects.get_or_create(
        council=council,
        name=PENDING["name"],
        defaults={**defaults, "status": Association.Status.PENDING, "language": "da", "requested_publicly": True},
    )
    context.notes.append(
        f"Associations: {len(LISTED)} in the public directory, one request from {PENDING['name']} waiting."
    )
