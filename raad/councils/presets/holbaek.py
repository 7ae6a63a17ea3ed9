"""Integrationsrådet i Holbæk Kommune, from its kommissorium (approved 22 June 2022).

The English texts are our translation. The rules of procedure are the Holbæk preset of `rules.md`.
"""

from __future__ import annotations

import datetime

MUNICIPALITY = {"name": "Holbæk Kommune", "code": "0316", "website": "https://holbaek.dk"}

ESTABLISHED_BY = {
    "decided_on": datetime.date(2022, 6, 22),
    "reference": "KB 22.06.2022",
    "title": "Godkendelse af kommissorium for Integrationsrådet",
    "url": "",
}

COUNCIL = {
    "slug": "integrationsraadet",
    "kind": "integration",
    "name": "Integrationsrådet i Holbæk Kommune",
    "name_en": "Holbæk Municipality Integration Council",
    "secretariat_unit": "Kerneområdet Arbejdsmarked, Uddannelse og Borgerservice",
    "secretariat_unit_en": "Core Area Labour Market, Education and Citizen Services",
    "contact_email": "integrationsraadet@holbaek.invalid",
    "contact_phone": "72 36 36 36",
    "contact_address": "Holbæk Kommune\nKanalstræde 2\n4300 Holbæk",
    "contact_hours": "Mandag–torsdag 9–15, fredag 9–13",
    "contact_hours_en": "Monday–Thursday 9–15, Friday 9–13",
    # The community languages of its citizen pages (besides Danish and English): each needs its catalogue.
    "citizen_languages": ["ar", "uk"],
}

TERMS_OF_REFERENCE = {
    "approved_on": datetime.date(2022, 6, 22),
    "introduction": (
        "Integrationsrådet rådgiver og informerer kommunalbestyrelsen om forhold af betydning for den "
        "lokale integrationsindsats."
    ),
    "introduction_en": (
        "The Integration Council advises and informs the municipal board on matters that affect local integration work."
    ),
    "tasks_introduction": (
        "Integrationsrådet skal rådgive og informere kommunalbestyrelsen om forhold af betydning for den "
        "lokale integrationsindsats.\n\n"
        "Integrationsrådets opgaver tager udgangspunkt i rådets formål og kommunens integrationsstrategi."
    ),
    "tasks_introduction_en": (
        "The Integration Council shall advise and inform the municipal board on matters that affect local "
        "integration work.\n\n"
        "The council's tasks are based on its purposes and on the municipality's integration strategy."
    ),
    "limits": "Integrationsrådet kan ikke behandle enkeltsager.",
    "limits_en": "The Integration Council cannot deal with individual cases.",
    "composition": (
        "Intentionen bag integrationsrådets sammensætning er at skabe et bredt sammensat råd, der via "
        "medlemmernes personlige erfaringer, engagement eller faglige viden kan bidrage til "
        "integrationsindsatsen. Der peges på kandidater, som har interesse for og meget gerne indsigt i "
        "integration i Holbæk Kommune. Det er forventningen, at rådet er synligt og proaktivt med viden og "
        "holdninger, samt at rådets medlemmer tager aktivt del i rådets møder og aktiviteter.\n\n"
        "Integrationsrådet i Holbæk Kommune består af op til 15 medlemmer med bopæl i kommunen. Op til 13 "
        "medlemmer udpeges af kommunalbestyrelsen efter indstilling, og 2 udpeges direkte af "
        "kommunalbestyrelsen. Integrationsrådets sammensætning af medlemmerne fremgår af Integrationsrådets "
        "forretningsorden."
    ),
    "composition_en": (
        "The council is meant to be broadly composed, so that its members can contribute to integration "
        "work through their personal experience, commitment or professional knowledge. Candidates are "
        "proposed who are interested in, and preferably have insight into, integration in Holbæk "
        "Municipality. The council is expected to be visible and proactive with knowledge and views, and "
        "its members to take an active part in its meetings and activities.\n\n"
        "The Integration Council of Holbæk Municipality has up to 15 members who live in the municipality. "
        "Up to 13 members are appointed by the municipal board on nomination, and 2 are appointed directly "
        "by the municipal board. The composition is set out in the council's rules of procedure."
    ),
    "economy": (
        "Medlemskab af integrationsrådet er ulønnet. Kommunalbestyrelsen afholder udgifterne til rådets "
        "virksomhed, ligesom lokaler stilles til rådighed for møder."
    ),
    "economy_en": (
        "Membership of the council is unpaid. The municipal board pays the costs of the council's work and "
        "provides rooms for its meetings."
    ),
    "organisation": (
        "Integrationsrådet drives med inspiration fra andre kommuners arbejde på integrationsområdet. "
        "Integrationsrådets arbejde defineres nærmere i en forretningsorden for integrationsrådet for "
        "Holbæk Kommune, som er skrevet på baggrund af standardforretningsordenen for integrationsråd "
        "udarbejdet af Udlændinge- og Integrationsministeriet. Forretningsordenen vedtages af "
        "kommunalbestyrelsen.\n\n"
        "Forpersonen og næstforpersonen for integrationsrådet udpeges blandt rådets medlemmer på "
        "integrationsrådets konstituerende møde."
    ),
    "organisation_en": (
        "The council draws inspiration from other municipalities' integration work. Its work is defined in "
        "more detail in rules of procedure for the council, based on the standard rules of procedure for "
        "integration councils drawn up by the Ministry of Immigration and Integration. The rules of "
        "procedure are adopted by the municipal board.\n\n"
        "The chair (forperson) and vice-chair (næstforperson) are elected among the members at the "
        "council's constituent meeting."
    ),
    "secretariat": (
        "Integrationsrådet får sekretariatsbetjening fra kerneområdet Arbejdsmarked, Uddannelse og "
        "Borgerservice. Sekretariatsbetjeningen ydes med udgangspunkt i fælles retningslinjer for "
        "sekretariatsbetjening af råd i Holbæk Kommune."
    ),
    "secretariat_en": (
        "The council's secretariat is provided by the core area Labour Market, Education and Citizen "
        "Services, following the municipality's common guidelines for serving councils."
    ),
    "legal_basis": (
        "Integrationsrådet har hjemmel i integrationslovens § 42, som affattet i § 3, nr. 6, i ændringslov "
        "nr. 2623 af 28. december 2021."
    ),
    "legal_basis_en": (
        "The council is established under section 42 of the Danish Integration Act, as worded by section 3, "
        "no. 6, of amending act no. 2623 of 28 December 2021."
    ),
    "legal_basis_url": "https://www.retsinformation.dk/eli/lta/2021/2623",
}

PURPOSES = [
    {
        "number": 1,
        "title": "Medvirke til at kommunens integrationsindsats er effektiv og sammenhængende",
        "title_en": "Help make the municipality's integration work effective and coherent",
        "description": "",
        "description_en": "",
        "tasks": [
            (
                "Følge Holbæk Kommunes integrationsindsats og drøfte udfordringer og muligheder med "
                "kommunalbestyrelsen.",
                "Follow Holbæk Municipality's integration work and discuss challenges and opportunities with "
                "the municipal board.",
            ),
            (
                "Afgive høringssvar og komme med kommentarer til udvalg og kommunalbestyrelsen, hvor rådet "
                "skønner, at det er relevant.",
                "Give consultation responses and comment to committees and the municipal board where the "
                "council finds it relevant.",
            ),
        ],
    },
    {
        "number": 2,
        "title": "Bidrage til at fremme lige muligheder for borgere med anden etnisk baggrund end dansk",
        "title_en": "Help promote equal opportunities for citizens with an ethnic background other than Danish",
        "description": "",
        "description_en": "",
        "tasks": [
            (
                "Være i fortsat dialog med lokale borgere, fagprofessionelle og virksomheder samt offentlige "
                "myndigheder for at blive orienteret om integrationsmæssige udfordringer, behov og ønsker.",
                "Stay in dialogue with local citizens, professionals, businesses and public authorities to "
                "learn about challenges, needs and wishes in integration.",
            ),
            (
                "Videreformidle disse udfordringer, behov og ønsker, hvor det skønnes relevant.",
                "Pass these challenges, needs and wishes on where relevant.",
            ),
            (
                "Være talerør for borgere med anden etnisk baggrund end dansk.",
                "Be a voice for citizens with an ethnic background other than Danish.",
            ),
        ],
    },
    {
        "number": 3,
        "title": "Medvirke til at styrke dialogen mellem alle borgere i Holbæk Kommune – uanset oprindelse",
        "title_en": "Help strengthen dialogue between all citizens of Holbæk Municipality, whatever their origin",
        "description": (
            "Rådets medlemmer fungerer som brobyggere mellem borgere og kommune. Medlemmerne skal fremme "
            "gensidig samtale, forståelse og åbenhed mellem alle borgere – uanset etnicitet – i tråd med "
            "ambitionerne fra Holbæk i Fællesskab."
        ),
        "description_en": (
            "The members act as bridge-builders between citizens and the municipality. They promote mutual "
            "conversation, understanding and openness between all citizens, whatever their ethnicity, in "
            "line with the ambitions of Holbæk i Fællesskab."
        ),
        "tasks": [
            ("Afholde arrangementer med integrationssigte.", "Hold events that serve integration."),
            (
                "Bidrage til, at aspekter af integration tages op af de lokale medier.",
                "Help local media take up aspects of integration.",
            ),
        ],
    },
    {
        "number": 4,
        "title": "Medvirke til at forankre dialog og integration via frivillighed og foreningsliv",
        "title_en": "Help root dialogue and integration in volunteering and associations",
        "description": (
            "Kommunens frivillighedsstrategi ønsker, at frivilligt engagement bidrager til livet i kommunen "
            "og styrker sammenhængskraften mellem borgere, foreninger og kommunen."
        ),
        "description_en": (
            "The municipality's volunteering strategy wants voluntary engagement to add to life in the "
            "municipality and strengthen the bonds between citizens, associations and the municipality."
        ),
        "tasks": [
            (
                "Bidrage til at understøtte kommunens frivillighedsstrategi.",
                "Help support the municipality's volunteering strategy.",
            ),
        ],
    },
]

RULES_DECISION = {
    "decided_on": datetime.date(2022, 6, 22),
    "reference": "KB 22.06.2022, pkt. 14",
    "title": "Forretningsorden for Integrationsrådet",
    "url": "",
}

RULES = {
    "in_force_from": datetime.date(2022, 7, 1),
    "adopted_on": datetime.date(2022, 6, 22),
    "change_summary": "Første forretningsorden, skrevet på baggrund af ministeriets standardforretningsorden.",
    "change_summary_en": "First rules of procedure, based on the ministry's standard rules.",
    "settings": {
        "max_members": 15,
        "max_nominated_seats": 13,
        "max_direct_seats": 2,
        "max_board_member_seats": 0,
        "min_members_warning": 7,
        "residence_required": True,
        "uses_substitutes": True,
        "substitutes_only_when_absent": True,
        "term_years": 4,
        "term_renewal_warning_days": 180,
        "continue_until_successors": True,
        "elects_national_representative": True,
        "election_majority": "plurality",
        "min_meetings_per_year": 6,
        "extraordinary_numerator": 1,
        "extraordinary_denominator": 3,
        "meetings_public": False,
        "member_item_deadline_days": 10,
        "notice_deadline_days": 7,
        "quorum_numerator": 1,
        "quorum_denominator": 2,
        "recused_count_toward_quorum": False,
        "tie_rule": "motion_falls",
        "liaison_attends_as_guest": False,
        "minutes_approval": "circulation",
        "minutes_circulation_days": 7,
        "minutes_draft_days": 7,
        "consultation_first_reminder_days": 7,
        "consultation_second_reminder_days": 2,
        "written_procedure_days": 5,
        "urgent_procedure_allowed": True,
        "publish_statements": True,
        "annual_report_due_month": 3,
        "candidate_retention_months": 6,
        "inquiry_retention_months": 12,
        "individual_case_retention_months": 3,
        "event_reminder_days": 2,
        "event_registration_retention_days": 30,
        "inquiry_triage_days": 10,
        "claim_decision_days": 14,
    },
}

FIRST_TERM_STARTS = datetime.date(2022, 1, 1)
TERM_YEARS = 4  # the municipal election periods: 2022–2025, 2026–2029, 2030–2033 …


def election_terms(until: datetime.date) -> list[dict]:
    """Every election period from the council's first up to the one that includes `until`."""
    terms = []
    start = FIRST_TERM_STARTS
    while start <= until:
        end = datetime.date(start.year + TERM_YEARS - 1, 12, 31)
        terms.append({"name": f"Valgperiode {start.year}–{end.year}", "starts_on": start, "ends_on": end})
        start = datetime.date(start.year + TERM_YEARS, 1, 1)
    return terms


class Preset(dict):
    """A preset whose terms are read when the council is set up: up to the election period in progress
    on that day, so a council set up in 2031 has its term 2030–2033 (and a demo then is in its term)."""

    def __getitem__(self, key: str):
        if key == "terms":
            from django.utils import timezone

            return election_terms(timezone.localdate())
        return super().__getitem__(key)


PRESET = Preset(
    {
        "municipality": MUNICIPALITY,
        "established_by": ESTABLISHED_BY,
        "council": COUNCIL,
        "terms_of_reference": TERMS_OF_REFERENCE,
        "purposes": PURPOSES,
        "rules_decision": RULES_DECISION,
        "rules": RULES,
        "terms": None,  # computed when read (above)
    }
)
