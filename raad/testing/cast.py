"""The named cast every test of Råd uses: Holbæk's integration council and the people around it.

Everyone is invented, and everything is built through the services (as the demo and real life do):

| who | login | role |
|---|---|---|
| Camilla Holt | `sekretariat` | the secretariat (since 1 July 2022) |
| Amina Yusuf | `forperson` | member, seat 1, chair |
| Lars Nielsen | `naestforperson` | member, seat 2, vice-chair |
| Ahmad Rahimi | `medlem` | member, seat 3 |
| Sara Lindholm | `stedfortraeder` | Ahmad's personal substitute |
| Henrik Bach | `kontaktperson` | the board's liaison (kommunalbestyrelsens kontaktperson, since 1 January 2026) |
| Mariam Khalil | `borger` | a citizen with a login and no role in the council |

The other members (seats 4 to 15, no login) are Mette Kristensen, Fatima Al-Sayed, Jonas Petersen, Zainab
Hussein, Mikkel Andersen, Nour Haddad, Hanne Jørgensen, Tomasz Kowalski, Olena Shevchenko, Deniz Yılmaz, Abdi
Warsame and Sofie Madsen: `build_cast(members=n)` seats the first n (3 to 15). Members are appointed by the
board's decision of 28 January 2026 for the term 2026–2029 from 1 February 2026. Each person's address is
`<first name in lower case>@test.invalid` (`sekretariat@test.invalid`, `henrik@test.invalid` …).

```python
from raad.testing.cast import build_cast

cast = build_cast()                 # or the `cast` fixture (root conftest.py)
cast.chair.person.first_name        # "Amina"
cast.users["medlem"]                # Ahmad's login
```
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

PASSWORD = "test-password-holbaek-1"
TERM_START = datetime.date(2026, 1, 1)
DECIDED_ON = datetime.date(2026, 1, 28)
START = datetime.date(2026, 2, 1)

# (first, last, postcode, city) of the 15 members, seat 1 first; the first three have logins.
MEMBERS = [
    ("Amina", "Yusuf", "4300", "Holbæk"),
    ("Lars", "Nielsen", "4340", "Tølløse"),
    ("Ahmad", "Rahimi", "4300", "Holbæk"),
    ("Mette", "Kristensen", "4390", "Vipperød"),
    ("Fatima", "Al-Sayed", "4300", "Holbæk"),
    ("Jonas", "Petersen", "4450", "Jyderup"),
    ("Zainab", "Hussein", "4300", "Holbæk"),
    ("Mikkel", "Andersen", "4440", "Mørkøv"),
    ("Nour", "Haddad", "4300", "Holbæk"),
    ("Hanne", "Jørgensen", "4370", "Store Merløse"),
    ("Tomasz", "Kowalski", "4300", "Holbæk"),
    ("Olena", "Shevchenko", "4520", "Svinninge"),
    ("Deniz", "Yılmaz", "4300", "Holbæk"),
    ("Abdi", "Warsame", "4300", "Holbæk"),
    ("Sofie", "Madsen", "4350", "Ugerløse"),
]
MEMBER_LOGINS = ["forperson", "naestforperson", "medlem"]
SECRETARY = ("sekretariat", "Camilla", "Holt")
LIAISON = ("kontaktperson", "Henrik", "Bach")
SUBSTITUTE = ("stedfortraeder", "Sara", "Lindholm")
CITIZEN = ("borger", "Mariam", "Khalil")


@dataclass
class Cast:
    council: Any
    term: Any
    decision: Any
    secretary: Any
    liaison: Any
    citizen: Any
    members: list = field(default_factory=list)  # Memberships, seat 1 first
    substitute: Any = None  # Sara Lindholm's Substitute record (for Ahmad, `medlem`)
    users: dict = field(default_factory=dict)  # login name -> User

    @property
    def chair(self):
        return self.members[0]

    @property
    def vice_chair(self):
        return self.members[1]

    @property
    def member(self):
        return self.members[2]


# --------------------------------------------------------------------------------------- the pieces


def make_council():
    """Integrationsrådet i Holbæk Kommune from the shipped preset (terms 2022 and 2026, rules in force)."""
    from raad.councils.presets import PRESETS
    from raad.councils.services import council_setup_from_preset

    council, _created = council_setup_from_preset(preset=PRESETS["holbaek"])
    return council


def make_decision(council, *, decided_on: datetime.date = DECIDED_ON, reference: str = "KB 28.01.2026, pkt. 7"):
    """The board's decision that appoints the members."""
    from raad.councils.services import board_decision_record

    return board_decision_record(
        municipality=council.municipality, decided_on=decided_on, reference=reference, title="Udpegning", by=None
    )


def make_user(username: str, first: str, last: str, *, email: str | None = None):
    from raad.core.services import user_create

    return user_create(
        username=username,
        email=email or f"{username if username == 'sekretariat' else first.lower()}@test.invalid",
        first_name=first,
        last_name=last,
        password=PASSWORD,
        by=None,
    )


def make_person(first: str, last: str = "Hansen", postcode: str = "4300", city: str = "", **extra):
    """A person (not a member yet), e-mail `<first>@test.invalid` unless given."""
    from raad.membership.services import person_create

    extra.setdefault("email", f"{first.lower()}@test.invalid")
    extra.setdefault("municipality_code", "0316")
    return person_create(first_name=first, last_name=last, postcode=postcode, city=city, by=None, **extra)


def make_seats(council, nominated: int = 13, direct: int = 2) -> list:
    """Seats 1..nominated, each with its own nominating body, then the direct seats."""
    from raad.membership.models import Seat
    from raad.membership.services import nominating_body_create, seat_create

    seats = []
    for number in range(1, nominated + 1):
        body = nominating_body_create(
            council=council, name=f"Forening {number}", contact_email=f"forening{number}@test.invalid", by=None
        )
        seats.append(
            seat_create(council=council, number=number, kind=Seat.Kind.NOMINATED, nominating_body=body, by=None)
        )
    for number in range(nominated + 1, nominated + direct + 1):
        seats.append(seat_create(council=council, number=number, kind=Seat.Kind.DIRECT, by=None))
    return seats


def make_nomination(seat, person, term=None):
    """A confirmed nomination of `person` for `seat` from the seat's nominating body, as received on paper
    (R2: a nominated seat is filled only from a nomination). Built directly, without the call's e-mails:
    `None` for a seat that is not nominated, so `member_appoint(..., nomination=make_nomination(seat, person))`
    fits every seat."""
    from django.utils import timezone

    from raad.councils.models import Term
    from raad.membership.models import Nomination, NominationCall, Seat

    if seat.kind != Seat.Kind.NOMINATED:
        return None
    term = term or Term.objects.filter(council_id=seat.council_id).order_by("-starts_on").first()
    call, _created = NominationCall.objects.get_or_create(
        council_id=seat.council_id,
        term=term,
        seat=None,
        title="Indstillinger (test)",
        defaults={"deadline": datetime.datetime(term.starts_on.year, 1, 1, tzinfo=datetime.UTC)},
    )
    return Nomination.objects.create(
        call=call,
        nominating_body_id=seat.nominating_body_id,
        seat=seat,
        candidate=person,
        submitted_by_name="Forening",
        submitted_by_email="forening@test.invalid",
        status=Nomination.Status.CONFIRMED,
        candidate_confirmed_at=timezone.now(),
    )


def make_secretary(council):
    """Camilla Holt, `sekretariat`, in the council's secretariat since 1 July 2022."""
    from raad.core.roles import Role
    from raad.councils.services import staff_assign

    user = make_user(*SECRETARY)
    staff_assign(council=council, user=user, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None)
    return user


def make_liaison(council):
    """Henrik Bach, `kontaktperson`, the board's liaison since 1 January 2026."""
    from raad.core.roles import Role
    from raad.councils.services import staff_assign

    user = make_user(*LIAISON)
    staff_assign(council=council, user=user, role=Role.BOARD_LIAISON, starts_on=TERM_START, by=None)
    return user


# ------------------------------------------------------------------------------------------ the cast


def build_cast(*, members: int = 10, council=None) -> Cast:
    """The council (from the preset unless given) with `members` members in office from 1 February 2026."""
    from raad.councils.models import Term
    from raad.membership.models import Membership
    from raad.membership.services import member_appoint, membership_set_role, substitute_appoint

    if not 3 <= members <= len(MEMBERS):
        raise ValueError(f"the cast has 3 to {len(MEMBERS)} members, not {members}")
    council = council or make_council()
    term = Term.objects.get(council=council, starts_on=TERM_START)
    decision = make_decision(council)
    secretary = make_secretary(council)
    cast = Cast(
        council=council,
        term=term,
        decision=decision,
        secretary=secretary,
        liaison=make_liaison(council),
        citizen=make_user(*CITIZEN),
    )
    for user in (cast.secretary, cast.liaison, cast.citizen):
        cast.users[user.username] = user
    nominated = min(members, 13)
    seats = make_seats(council, nominated=nominated, direct=members - nominated)
    for index, ((first, last, postcode, city), seat) in enumerate(zip(MEMBERS, seats, strict=False)):
        user = None
        if index < len(MEMBER_LOGINS):
            user = make_user(MEMBER_LOGINS[index], first, last)
            cast.users[user.username] = user
        person = make_person(first, last, postcode, city, user=user, resides_in_municipality=True)
        cast.members.append(
            member_appoint(
                person=person,
                seat=seat,
                term=term,
                decision=decision,
                starts_on=START,
                nomination=make_nomination(seat, person, term),
                by=None,
            )
        )
    membership_set_role(membership=cast.members[0], role=Membership.Role.CHAIR, by=None)
    membership_set_role(membership=cast.members[1], role=Membership.Role.VICE_CHAIR, by=None)
    username, first, last = SUBSTITUTE
    sub_user = make_user(username, first, last)
    cast.users[username] = sub_user
    cast.substitute = substitute_appoint(
        membership=cast.members[2],
        person=make_person(first, last, user=sub_user, resides_in_municipality=True),
        decision=decision,
        starts_on=START,
        by=None,
    )
    # Everyone with a login has accepted the duty of confidentiality (R27), as on their first login.
    from raad.membership.models import Person
    from raad.membership.services import confidentiality_acknowledge

    for person in Person.objects.filter(user__isnull=False):
        confidentiality_acknowledge(person=person, by=person.user)
    return cast


def login_for(first_name: str):
    """A login for the member (in office or not) with this first name: their own, or a new one (user name
    the first name in lower case), linked through the service."""
    from raad.membership.models import Membership
    from raad.membership.services import confidentiality_acknowledge, person_link_user

    person = Membership.objects.select_related("person__user").get(person__first_name=first_name).person
    if person.user is None:
        user = make_user(first_name.lower(), person.first_name, person.last_name, email=person.email or None)
        person_link_user(person=person, user=user, by=None)
        confidentiality_acknowledge(person=person, by=user)  # as on their first login (R27)
        return user
    return person.user


def log_in_verified(client, user):
    """Log `user` in with a verified second factor (the workspace requires it for the secretariat)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, confirmed=True, name="test"
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
