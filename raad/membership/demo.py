"""Demo: 15 fictional members of Holbæk's integration council, a chair and a vice-chair, substitutes,
and demo logins for every role. Everyone here is invented."""

from __future__ import annotations

import datetime

from raad.core.roles import Role
from raad.core.services import totp_device_create_confirmed, user_create
from raad.councils.models import Term
from raad.councils.services import board_decision_record, staff_assign
from raad.membership.models import Membership, Seat
from raad.membership.services import (
    member_appoint,
    membership_set_role,
    nominating_body_create,
    person_create,
    seat_create,
    substitute_appoint,
)

DEMO_PASSWORD = "demo-holbaek-2026"
# Base32 JBSWY3DPEHPK3PXP: the secretariat's demo authenticator (add it to any authenticator app).
DEMO_TOTP_KEY_HEX = "48656c6c6f21deadbeef"
DEMO_TOTP_KEY_BASE32 = "JBSWY3DPEHPK3PXP"

NOMINATING_BODIES = [
    "Dansk Flygtningehjælp Frivillignetværk Holbæk",
    "Røde Kors Holbæk",
    "DGI Midt- og Vestsjælland",
    "Almene boligorganisationer i Holbæk Kommune",
    "Erhvervsforum Holbæk",
    "3F Midt- og Vestsjælland",
    "Sprogcenter Holbæk",
    "Skolebestyrelserne i Holbæk Kommune",
    "Frivilligcenter Holbæk",
    "Foreningen Kulturmødet Holbæk",
    "Ungdomsrådet i Holbæk",
    "Bibliotekerne i Holbæk",
    "Kvindenetværket Holbæk",
]

# (first, last, postcode, city, login)
MEMBERS = [
    ("Amina", "Yusuf", "4300", "Holbæk", "forperson"),
    ("Lars", "Nielsen", "4340", "Tølløse", "naestforperson"),
    ("Ahmad", "Rahimi", "4300", "Holbæk", "medlem"),
    ("Mette", "Kristensen", "4390", "Vipperød", None),
    ("Fatima", "Al-Sayed", "4300", "Holbæk", None),
    ("Jonas", "Petersen", "4450", "Jyderup", None),
    ("Zainab", "Hussein", "4300", "Holbæk", None),
    ("Mikkel", "Andersen", "4440", "Mørkøv", None),
    ("Nour", "Haddad", "4300", "Holbæk", None),
    ("Hanne", "Jørgensen", "4370", "Store Merløse", None),
    ("Tomasz", "Kowalski", "4300", "Holbæk", None),
    ("Olena", "Shevchenko", "4520", "Svinninge", None),
    ("Deniz", "Yılmaz", "4300", "Holbæk", None),
    ("Abdi", "Warsame", "4300", "Holbæk", None),  # direct
    ("Sofie", "Madsen", "4350", "Ugerløse", None),  # direct
]

BIOS = {
    "Amina": (
        "Sygeplejerske og mor til tre. Har boet i Holbæk siden 2009 og er frivillig lektiehjælper.",
        "Nurse and mother of three. Has lived in Holbæk since 2009 and volunteers as a homework helper.",
    ),
    "Lars": (
        "Pensioneret skoleleder og formand for en idrætsforening i Tølløse.",
        "Retired head teacher and chair of a sports club in Tølløse.",
    ),
}


def load(state: dict) -> None:
    council = state["council"]
    if Seat.objects.filter(council=council).exists():
        state["password"] = DEMO_PASSWORD
        state["logins"] = _logins()
        return
    municipality = council.municipality
    term = Term.objects.get(council=council, starts_on=datetime.date(2026, 1, 1))
    decision = board_decision_record(
        municipality=municipality,
        decided_on=datetime.date(2026, 1, 28),
        reference="KB 28.01.2026, pkt. 7",
        title="Udpegning af medlemmer til Integrationsrådet 2026–2029",
        by=None,
    )
    start = datetime.date(2026, 2, 1)
    bodies = [nominating_body_create(council=council, name=name, contact_email=f"kontakt{i}@forening.invalid", by=None)
              for i, name in enumerate(NOMINATING_BODIES, start=1)]
    seats = [seat_create(council=council, number=i, kind=Seat.Kind.NOMINATED, nominating_body=body, by=None)
             for i, body in enumerate(bodies, start=1)]
    seats += [seat_create(council=council, number=14 + i, kind=Seat.Kind.DIRECT, by=None) for i in range(2)]

    memberships: dict[str, Membership] = {}
    for seat, (first, last, postcode, city, login) in zip(seats, MEMBERS, strict=True):
        user = None
        if login:
            user = user_create(username=login, email=f"{login}@demo.invalid", first_name=first, last_name=last,
                               password=DEMO_PASSWORD, by=None)
        bio, bio_en = BIOS.get(first, ("", ""))
        person = person_create(
            first_name=first, last_name=last, email=f"{first.lower()}.{last.lower()}@demo.invalid".replace(" ", ""),
            postcode=postcode, city=city, resides_in_municipality=True, bio=bio, bio_en=bio_en,
            publish_bio=bool(bio), user=user, by=None,
        )
        memberships[first] = member_appoint(person=person, seat=seat, term=term, decision=decision, starts_on=start, by=None)

    membership_set_role(membership=memberships["Amina"], role=Membership.Role.CHAIR, by=None)
    membership_set_role(membership=memberships["Lars"], role=Membership.Role.VICE_CHAIR, by=None)

    substitute_user = user_create(username="stedfortraeder", email="stedfortraeder@demo.invalid",
                                  first_name="Sara", last_name="Lindholm", password=DEMO_PASSWORD, by=None)
    for member, (first, last, user) in {
        "Ahmad": ("Sara", "Lindholm", substitute_user),
        "Fatima": ("Yasmin", "Omar", None),
        "Mette": ("Peter", "Holm", None),
    }.items():
        person = person_create(first_name=first, last_name=last, postcode="4300", city="Holbæk",
                               resides_in_municipality=True, user=user, by=None)
        substitute_appoint(membership=memberships[member], person=person, decision=decision, starts_on=start, by=None)

    secretary = user_create(username="sekretariat", email="sekretariat@demo.invalid", first_name="Camilla",
                            last_name="Holt", password=DEMO_PASSWORD, by=None)
    staff_assign(council=council, user=secretary, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None)
    totp_device_create_confirmed(user=secretary, key_hex=DEMO_TOTP_KEY_HEX, by=None)
    liaison = user_create(username="kontaktperson", email="kontaktperson@demo.invalid", first_name="Henrik",
                          last_name="Bach", password=DEMO_PASSWORD, by=None)
    staff_assign(council=council, user=liaison, role=Role.BOARD_LIAISON, starts_on=datetime.date(2026, 1, 1), by=None)

    state["password"] = DEMO_PASSWORD
    state["logins"] = _logins()
    state["notes"].append(
        f"\nThe secretariat logs in with a one-time code. Add the key {DEMO_TOTP_KEY_BASE32} to an authenticator "
        "app, or print the current code with:  .venv/bin/python manage.py demo_code sekretariat"
    )


def _logins() -> list[tuple[str, str]]:
    return [
        ("sekretariat", "Sekretariat (tofaktor: engangskode)"),
        ("forperson", "Forperson – Amina Yusuf"),
        ("naestforperson", "Næstforperson – Lars Nielsen"),
        ("medlem", "Medlem – Ahmad Rahimi"),
        ("stedfortraeder", "Stedfortræder – Sara Lindholm"),
        ("kontaktperson", "Kommunalbestyrelsens kontaktperson – Henrik Bach"),
    ]
