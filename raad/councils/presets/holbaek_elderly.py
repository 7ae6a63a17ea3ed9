"""Ældrerådet i Holbæk Kommune: a preset for an elderly council (retssikkerhedsloven § 30).

The law fixes the frame: the members are elected by a direct election among the citizens of the
municipality aged 60 and over, so the software records the election result (candidates, votes, elected
members and their substitutes in vote order) instead of a nomination. The numbers the law leaves to the
municipality are examples (`example(…)`), shown as "skal bekræftes". The English texts are our translation.
"""

from __future__ import annotations

import datetime
from typing import Any, cast

from raad.councils.presets.holbaek import MUNICIPALITY, RULES, Preset
from raad.councils.presets.values import example

HOLBAEK_SETTINGS = cast(dict[str, Any], RULES["settings"])  # the integration council's, where nothing differs

LEGAL_BASIS = (
    "Ældrerådet har hjemmel i lov om retssikkerhed og administration på det sociale område "
    "(retssikkerhedsloven) § 30: medlemmerne vælges ved direkte valg blandt kommunens borgere, der er fyldt "
    "60 år, og rådet rådgiver kommunalbestyrelsen i ældrepolitiske spørgsmål."
)
LEGAL_BASIS_EN = (
    "The council is established under section 30 of the Danish Act on Legal Protection and Administration in "
    "Social Matters: its members are elected by a direct election among the municipality's citizens aged 60 and "
    "over, and it advises the municipal board on policy for older people."
)

PRESET = Preset(
    {
        "municipality": MUNICIPALITY,
        "established_by": {
            "decided_on": datetime.date(2021, 6, 23),
            "reference": "KB 23.06.2021 (eksempel – skal bekræftes)",
            "title": "Valgregler for ældrerådsvalget",
            "url": "",
        },
        "council": {
            "slug": "aeldreraadet",
            "kind": "elderly",
            "name": "Ældrerådet i Holbæk Kommune",
            "name_en": "Holbæk Municipality Senior Citizens' Council",
            "secretariat_unit": "Kerneområdet Social og Sundhed",
            "secretariat_unit_en": "Core Area Social Affairs and Health",
            "contact_email": "aeldreraadet@holbaek.invalid",
            "contact_phone": "72 36 36 36",
            "contact_address": "Holbæk Kommune\nKanalstræde 2\n4300 Holbæk",
            "contact_hours": "Mandag–torsdag 9–15, fredag 9–13",
            "contact_hours_en": "Monday–Thursday 9–15, Friday 9–13",
            "citizen_languages": [],
        },
        "terms_of_reference": {
            "approved_on": None,
            "introduction": (
                "Ældrerådet rådgiver kommunalbestyrelsen i ældrepolitiske spørgsmål og formidler synspunkter "
                "mellem kommunens ældre borgere og kommunalbestyrelsen."
            ),
            "introduction_en": (
                "The Senior Citizens' Council advises the municipal board on policy for older people and passes "
                "views between the municipality's older citizens and the municipal board."
            ),
            "tasks_introduction": "",
            "limits": "Ældrerådet kan ikke behandle enkeltsager.",
            "limits_en": "The council cannot deal with individual cases.",
            "composition": (
                "Medlemmerne og deres stedfortrædere vælges ved direkte valg blandt kommunens borgere, der er fyldt "
                "60 år. De kandidater, der får flest stemmer, er valgt; de næste er stedfortrædere i "
                "stemmeordenen."
            ),
            "composition_en": (
                "The members and their substitutes are elected by a direct election among the municipality's "
                "citizens aged 60 and over. The candidates with the most votes are elected; the next ones are "
                "substitutes in the order of their votes."
            ),
            "economy": "Kommunalbestyrelsen afholder udgifterne til valget og til rådets virksomhed.",
            "economy_en": "The municipal board pays the costs of the election and of the council's work.",
            "organisation": "Rådet vælger selv sin forperson og næstforperson.",
            "organisation_en": "The council elects its own chair and vice-chair.",
            "secretariat": "Kommunen stiller sekretariatsbistand til rådighed for rådet.",
            "secretariat_en": "The municipality provides the council's secretariat.",
            "legal_basis": LEGAL_BASIS,
            "legal_basis_en": LEGAL_BASIS_EN,
            "legal_basis_url": "https://www.retsinformation.dk/eli/lta/2024/1180#P30",
        },
        "purposes": [
            {
                "number": 1,
                "title": "Rådgive kommunalbestyrelsen i ældrepolitiske spørgsmål",
                "title_en": "Advise the municipal board on policy for older people",
                "description": "",
                "description_en": "",
                "tasks": [
                    (
                        "Afgive høringssvar om forslag, der har betydning for kommunens ældre borgere.",
                        "Respond to consultations on proposals that matter to the municipality's older citizens.",
                    ),
                ],
            },
        ],
        "rules_decision": {
            "decided_on": datetime.date(2021, 6, 23),
            "reference": "KB 23.06.2021, forretningsorden (eksempel – skal bekræftes)",
            "title": "Forretningsorden for Ældrerådet",
            "url": "",
        },
        "rules": {
            "in_force_from": datetime.date(2022, 1, 1),
            "adopted_on": datetime.date(2021, 6, 23),
            "change_summary": "Forretningsorden fra forudindstillingen for ældreråd (retssikkerhedsloven § 30).",
            "change_summary_en": "Rules of procedure from the senior citizens' council preset (section 30).",
            "settings": {
                **HOLBAEK_SETTINGS,
                # Elected seats: every seat is filled by the direct election, none on nomination.
                "max_members": example(9),
                "max_nominated_seats": 0,
                "max_direct_seats": example(9),
                "max_board_member_seats": 0,
                "min_members_warning": example(5),
                "residence_required": True,
                # Substitutes come from the election in vote order, not personal substitutes.
                "uses_substitutes": False,
                "elects_national_representative": False,
                "term_years": 4,
                "min_meetings_per_year": example(10),
                "annual_report_due_month": example(3),
            },
        },
        "terms": None,  # the municipal election periods, computed when read (holbaek.Preset)
    }
)
