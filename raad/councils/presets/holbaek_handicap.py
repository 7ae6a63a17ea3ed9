"""Handicaprådet i Holbæk Kommune: a preset for a disability council (retssikkerhedsloven § 37 a).

The law fixes the frame: the municipal board sets up a disability council with members from the local
disability organisations (nominated by Danske Handicaporganisationer's local branch) and from the municipal
board, for the board's election period. The numbers below that the law leaves to the municipality are
examples (`example(…)`): the setup and the rules page show them as "skal bekræftes" until the board adopts
its own rules of procedure. The English texts are our translation.
"""

from __future__ import annotations

import datetime
from typing import Any, cast

from raad.councils.presets.holbaek import MUNICIPALITY, RULES, Preset
from raad.councils.presets.values import example

HOLBAEK_SETTINGS = cast(dict[str, Any], RULES["settings"])  # the integration council's, where nothing differs

LEGAL_BASIS = (
    "Handicaprådet har hjemmel i lov om retssikkerhed og administration på det sociale område "
    "(retssikkerhedsloven) § 37 a: kommunalbestyrelsen nedsætter et handicapråd med medlemmer fra de lokale "
    "handicaporganisationer, indstillet af Danske Handicaporganisationers lokalafdeling, og fra "
    "kommunalbestyrelsen."
)
LEGAL_BASIS_EN = (
    "The council is established under section 37 a of the Danish Act on Legal Protection and Administration in "
    "Social Matters: the municipal board sets up a disability council with members from the local disability "
    "organisations, nominated by the local branch of Danske Handicaporganisationer, and from the municipal board."
)

PRESET = Preset(
    {
        "municipality": MUNICIPALITY,
        "established_by": {
            "decided_on": datetime.date(2022, 1, 26),
            "reference": "KB 26.01.2022 (eksempel – skal bekræftes)",
            "title": "Nedsættelse af Handicaprådet for valgperioden",
            "url": "",
        },
        "council": {
            "slug": "handicapraadet",
            "kind": "disability",
            "name": "Handicaprådet i Holbæk Kommune",
            "name_en": "Holbæk Municipality Disability Council",
            "secretariat_unit": "Kerneområdet Social og Sundhed",
            "secretariat_unit_en": "Core Area Social Affairs and Health",
            "contact_email": "handicapraadet@holbaek.invalid",
            "contact_phone": "72 36 36 36",
            "contact_address": "Holbæk Kommune\nKanalstræde 2\n4300 Holbæk",
            "contact_hours": "Mandag–torsdag 9–15, fredag 9–13",
            "contact_hours_en": "Monday–Thursday 9–15, Friday 9–13",
            "citizen_languages": [],
        },
        "terms_of_reference": {
            "approved_on": None,
            "introduction": (
                "Handicaprådet rådgiver kommunalbestyrelsen i handicappolitiske spørgsmål og formidler synspunkter "
                "mellem borgerne og kommunalbestyrelsen om lokale forhold for mennesker med handicap."
            ),
            "introduction_en": (
                "The Disability Council advises the municipal board on disability policy and passes views between "
                "citizens and the municipal board on local conditions for people with disabilities."
            ),
            "tasks_introduction": "",
            "limits": "Handicaprådet kan ikke behandle enkeltsager.",
            "limits_en": "The Disability Council cannot deal with individual cases.",
            "composition": (
                "Rådet består af medlemmer indstillet af Danske Handicaporganisationers lokalafdeling og af "
                "medlemmer af kommunalbestyrelsen. Antallet af pladser fremgår af forretningsordenen."
            ),
            "composition_en": (
                "The council has members nominated by the local branch of Danske Handicaporganisationer and "
                "members of the municipal board. The number of seats is set out in the rules of procedure."
            ),
            "economy": "Kommunalbestyrelsen afholder udgifterne til rådets virksomhed.",
            "economy_en": "The municipal board pays the costs of the council's work.",
            "organisation": "Rådet vælger selv sin forperson og næstforperson.",
            "organisation_en": "The council elects its own chair and vice-chair.",
            "secretariat": "Kommunen stiller sekretariatsbistand til rådighed for rådet.",
            "secretariat_en": "The municipality provides the council's secretariat.",
            "legal_basis": LEGAL_BASIS,
            "legal_basis_en": LEGAL_BASIS_EN,
            "legal_basis_url": "https://www.retsinformation.dk/eli/lta/2024/1180#P37a",
        },
        "purposes": [
            {
                "number": 1,
                "title": "Rådgive kommunalbestyrelsen i handicappolitiske spørgsmål",
                "title_en": "Advise the municipal board on disability policy",
                "description": "",
                "description_en": "",
                "tasks": [
                    (
                        "Afgive høringssvar om kommunens budget og initiativer, der har betydning for mennesker "
                        "med handicap.",
                        "Respond to consultations on the municipal budget and initiatives that matter to people "
                        "with disabilities.",
                    ),
                ],
            },
            {
                "number": 2,
                "title": "Formidle synspunkter mellem borgerne og kommunalbestyrelsen",
                "title_en": "Pass views between citizens and the municipal board",
                "description": "",
                "description_en": "",
                "tasks": [("Holde dialogmøder med borgere og organisationer.", "Hold dialogue meetings.")],
            },
        ],
        "rules_decision": {
            "decided_on": datetime.date(2022, 1, 26),
            "reference": "KB 26.01.2022, forretningsorden (eksempel – skal bekræftes)",
            "title": "Forretningsorden for Handicaprådet",
            "url": "",
        },
        "rules": {
            "in_force_from": datetime.date(2022, 2, 1),
            "adopted_on": datetime.date(2022, 1, 26),
            "change_summary": "Forretningsorden fra forudindstillingen for handicapråd (retssikkerhedsloven § 37 a).",
            "change_summary_en": "Rules of procedure from the disability council preset (section 37 a).",
            "settings": {
                **HOLBAEK_SETTINGS,
                "max_members": example(10),
                "max_nominated_seats": example(5),
                "max_direct_seats": 0,
                "max_board_member_seats": example(5),
                "min_members_warning": example(6),
                "residence_required": False,
                "uses_substitutes": True,
                "elects_national_representative": False,
                "min_meetings_per_year": example(6),
                "annual_report_due_month": example(3),
            },
        },
        "terms": None,  # the municipal election periods, computed when read (holbaek.Preset)
    }
)
