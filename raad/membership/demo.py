"""Demo: the whole story of how Holbæk's integration council 2026–2029 was manned, through the services.

A call for nominations, 14 nominations with personal substitutes (one postcode shared with a neighbour
municipality, confirmed by the secretariat), every candidate's confirmation, the board's decision of
28 January 2026 appointing 13 nominees and 2 direct members, the constituent meeting
on 12 February (forperson by secret ballot; næstforperson on paper, tied twice and settled by lot; the
representative to Det Nationale Integrationsråd), one resignation refilled by the member's substitute
(Jonas Petersen, seat 6, by Ali Hassan), and one member reported as moved away. Everyone here is
invented. Back-dated, so no e-mails are queued (`raad.core.mail.suppressed`). The dates are as written for
late November 2026; the demo's calendar (raad/councils/demo.py) moves them with the day the demo is loaded.
"""

from __future__ import annotations

import datetime

from raad.core import mail
from raad.core.roles import Role
from raad.core.services import totp_device_create_confirmed, user_create
from raad.councils.demo import DemoCalendar, DemoContext
from raad.councils.models import Term
from raad.councils.services import staff_assign
from raad.membership import services
from raad.membership.models import Election, Membership, Person, Seat
from raad.membership.services import (
    AppointmentLine,
    CandidateData,
    nominating_body_create,
    seat_create,
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
    ("Nour", "Haddad", "4330", "Hvalsø", None),  # shared postcode: the secretariat confirms the residence
    ("Hanne", "Jørgensen", "4370", "Store Merløse", None),
    ("Tomasz", "Kowalski", "4300", "Holbæk", None),
    ("Olena", "Shevchenko", "4520", "Svinninge", None),
    ("Deniz", "Yılmaz", "4300", "Holbæk", None),
    ("Abdi", "Warsame", "4300", "Holbæk", None),  # direct
    ("Sofie", "Madsen", "4350", "Ugerløse", None),  # direct
]

# The personal substitute nominated with each of the 13 nominees (first, last, postcode, city, login).
SUBSTITUTES = [
    ("Khadija", "Ali", "4300", "Holbæk", None),
    ("Per", "Sørensen", "4340", "Tølløse", None),
    ("Sara", "Lindholm", "4300", "Holbæk", "stedfortraeder"),
    ("Peter", "Holm", "4390", "Vipperød", None),
    ("Yasmin", "Omar", "4300", "Holbæk", None),
    ("Ali", "Hassan", "4450", "Jyderup", None),
    ("Birgit", "Lund", "4300", "Holbæk", None),
    ("Rasmus", "Berg", "4440", "Mørkøv", None),
    ("Layla", "Mansour", "4300", "Holbæk", None),
    ("Anne", "Friis", "4370", "Store Merløse", None),
    ("Marek", "Nowak", "4300", "Holbæk", None),
    ("Iryna", "Bondar", "4520", "Svinninge", None),
    ("Emre", "Kaya", "4300", "Holbæk", None),
]

BIOS = {
    "Amina": "Sygeplejerske og mor til tre. Har boet i Holbæk siden 2009 og er frivillig lektiehjælper.",
    "Lars": "Pensioneret skoleleder og formand for en idrætsforening i Tølløse.",
}

# As written; the calendar moves them (DemoCalendar.day).
DECIDED_ON = datetime.date(2026, 1, 28)
START = datetime.date(2026, 2, 1)
CONSTITUENT = datetime.date(2026, 2, 12)  # the constituent meeting (see raad/meetings/demo.py)


def _data(first, last, postcode, city, login=None) -> CandidateData:
    # A substitute with a login is reached at the login's address (as the meetings demo expects).
    email = f"{login}@demo.invalid" if login else f"{first.lower()}.{last.lower()}@demo.invalid".replace(" ", "")
    return CandidateData(
        first_name=first,
        last_name=last,
        email=email,
        phone="",
        street_address="Demovej 1",
        postcode=postcode,
        city=city,
    )


def load(context: DemoContext) -> None:
    with mail.suppressed():  # the demo describes the past: nobody is mailed
        _load(context)
        # The demo's members and substitutes with a login accepted the duty of confidentiality (R27) on their
        # first login, so the demo logins open the workspace directly.
        for person in Person.objects.filter(user__isnull=False, confidentiality_acknowledged_at__isnull=True):
            services.confidentiality_acknowledge(person=person, by=person.user)


def _load(context: DemoContext) -> None:
    council = context.council
    calendar = context.calendar
    _at = calendar.at
    context.password = DEMO_PASSWORD
    context.logins = _logins()
    if Seat.objects.filter(council=council).exists():
        return
    start = calendar.day(START)
    term = Term.objects.get(council=council, starts_on__lte=start, ends_on__gte=start)
    years = f"{term.starts_on.year}–{term.ends_on.year}"

    secretary = user_create(
        username="sekretariat",
        email="sekretariat@demo.invalid",
        first_name="Camilla",
        last_name="Holt",
        password=DEMO_PASSWORD,
        by=None,
    )
    staff_assign(council=council, user=secretary, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None)
    totp_device_create_confirmed(user=secretary, key_hex=DEMO_TOTP_KEY_HEX, by=None)
    liaison = user_create(
        username="kontaktperson",
        email="kontaktperson@demo.invalid",
        first_name="Henrik",
        last_name="Bach",
        password=DEMO_PASSWORD,
        by=None,
    )
    staff_assign(council=council, user=liaison, role=Role.BOARD_LIAISON, starts_on=term.starts_on, by=None)

    # The seat catalogue: 13 seats on nomination, each with its body, and 2 direct seats.
    bodies = [
        nominating_body_create(
            council=council,
            name=name,
            contact_name="Kontaktperson",
            contact_email=f"kontakt{i}@forening.invalid",
            by=secretary,
        )
        for i, name in enumerate(NOMINATING_BODIES, start=1)
    ]
    seats = [
        seat_create(council=council, number=i, kind=Seat.Kind.NOMINATED, nominating_body=body, by=secretary)
        for i, body in enumerate(bodies, start=1)
    ]
    seats += [seat_create(council=council, number=14 + i, kind=Seat.Kind.DIRECT, by=secretary) for i in range(2)]

    # The call for nominations for the new term, and the bodies' nominations through the public form.
    call = services.nomination_call_open(
        council=council,
        term=term,
        title=f"Indstilling af medlemmer til Integrationsrådet {years}",
        deadline=_at(datetime.date(2026, 1, 12), 12),
        message="Vi ser frem til jeres forslag.",
        now=_at(datetime.date(2025, 11, 20), 9),
        by=secretary,
    )
    nominations = []
    for index, seat in enumerate(seats[:13]):
        first, last, postcode, city, _login = MEMBERS[index]
        nominations.append(
            services.nomination_submit(
                call=call,
                nominating_body=seat.nominating_body,
                seat=seat,
                candidate=_data(first, last, postcode, city),
                substitute=_data(*SUBSTITUTES[index][:4], login=SUBSTITUTES[index][4]),
                motivation=f"{first} er aktiv i foreningslivet i Holbæk.",
                submitted_by_name="Kontaktperson",
                submitted_by_email=f"kontakt{index + 1}@forening.invalid",
                now=_at(datetime.date(2026, 1, 5) + datetime.timedelta(days=index % 5)),
            )
        )
    # A second candidate for seat 5, whom the board did not appoint (the retention job will anonymise her).
    not_appointed = services.nomination_submit(
        call=call,
        nominating_body=seats[4].nominating_body,
        seat=seats[4],
        candidate=_data("Helle", "Vestergaard", "4300", "Holbæk"),
        substitute=_data("Kim", "Dahl", "4300", "Holbæk"),
        motivation="Erfaren frivillig.",
        submitted_by_name="Kontaktperson",
        submitted_by_email="kontakt5@forening.invalid",
        now=_at(datetime.date(2026, 1, 9)),
    )
    for nomination in [*nominations, not_appointed]:
        for who in ("candidate", "substitute"):
            bio = BIOS.get(nomination.candidate.first_name, "") if who == "candidate" else ""
            services.nomination_confirm(
                nomination=nomination, who=who, bio=bio, publish_bio=bool(bio), now=_at(datetime.date(2026, 1, 14))
            )
    # Nour's postcode 4330 is shared with Lejre Kommune: the secretariat checks and confirms it.
    services.person_confirm_residence(person=nominations[8].candidate, resides=True, council=council, by=secretary)

    # The board's decision: 13 nominees (with their substitutes) and 2 direct members.
    direct = []
    for first, last, postcode, city, _login in MEMBERS[13:]:
        direct.append(
            services.person_create(
                first_name=first,
                last_name=last,
                email=f"{first.lower()}.{last.lower()}@demo.invalid",
                street_address="Demovej 2",
                postcode=postcode,
                city=city,
                municipality_code=council.municipality.code,
                by=secretary,
            )
        )
    lines = [AppointmentLine(seat=seat, nomination=n) for seat, n in zip(seats[:13], nominations, strict=True)]
    lines += [AppointmentLine(seat=seat, person=person) for seat, person in zip(seats[13:], direct, strict=True)]
    services.appointment_decision_register(
        council=council,
        term=term,
        decided_on=calendar.day(DECIDED_ON),
        meeting=f"Kommunalbestyrelsens møde {calendar.spoken(DECIDED_ON)}",
        reference_text=f"KB {calendar.day(DECIDED_ON):%d.%m.%Y}, pkt. 7",
        url="",
        starts_on=start,
        lines=lines,
        by=secretary,
    )

    # Logins for the people the demo follows.
    memberships = {
        m.person.first_name: m for m in Membership.objects.filter(seat__council=council).select_related("person")
    }
    for first, *_rest, login in MEMBERS:
        if login:
            _link_login(memberships[first].person, login)
    for first, *_rest, login in SUBSTITUTES:
        if login:
            from raad.membership.models import Substitute

            _link_login(
                Substitute.objects.get(person__first_name=first, membership__seat__council=council).person, login
            )

    _constituent_meeting(council, memberships, secretary, calendar)

    # Jonas resigns at the end of June; his substitute Ali takes the seat (the refill, R19).
    jonas = memberships["Jonas"]
    services.member_resign(membership=jonas, last_day=calendar.date(2026, 6, 30), by=secretary)
    services.substitute_promote(substitute=jonas.substitutes.get(), starts_on=calendar.date(2026, 7, 1), by=secretary)
    # Hanne has told the secretariat she is moving to Roskilde: flagged, to be ended.
    services.member_flag_moved_away(
        membership=memberships["Hanne"],
        flagged_on=calendar.date(2026, 11, 2),
        note=f"Flytter til Roskilde {calendar.spoken(datetime.date(2026, 12, 1), with_year=False)}",
        by=secretary,
    )

    context.notes.append(
        f"\nThe secretariat logs in with a one-time code. Add the key {DEMO_TOTP_KEY_BASE32} to an authenticator "
        "app, or print the current code with:  DEBUG=true .venv/bin/python manage.py demo_code sekretariat"
    )


def _link_login(person, username: str) -> None:
    user = user_create(
        username=username,
        email=f"{username}@demo.invalid",
        first_name=person.first_name,
        last_name=person.last_name,
        password=DEMO_PASSWORD,
        by=None,
    )
    services.person_link_user(person=person, user=user, by=None)


def _constituent_meeting(council, memberships: dict[str, Membership], secretary, calendar: DemoCalendar) -> None:
    """12 February 2026: all 15 members present. Forperson by secret ballot on their own devices;
    næstforperson on paper: 7–7 twice, settled by lot; then the representative to Det Nationale Integrationsråd."""
    members = list(memberships.values())
    amina, lars, mette, ahmad = (memberships[n] for n in ("Amina", "Lars", "Mette", "Ahmad"))

    chair = services.election_open(
        council=council,
        office=Election.Office.CHAIR,
        method=Election.Method.SECRET_DEVICE,
        held_on=calendar.day(CONSTITUENT),
        candidates=[amina, lars],
        voters_present=15,
        by=secretary,
    )
    first_round = chair.rounds.get()
    by_member = {c.membership_id: c for c in chair.candidates.all()}
    for index, member in enumerate(members):
        choice = by_member[amina.pk] if index < 9 else by_member[lars.pk] if index < 14 else None
        services.ballot_cast(round=first_round, membership=member, choice=choice, by=member.person.user)
    services.round_close(round=first_round, by=secretary)

    vice = services.election_open(
        council=council,
        office=Election.Office.VICE_CHAIR,
        method=Election.Method.PAPER,
        held_on=calendar.day(CONSTITUENT),
        candidates=[lars, mette],
        voters_present=15,
        by=secretary,
    )
    by_member = {c.membership_id: c for c in vice.candidates.all()}
    counts = {by_member[lars.pk].pk: 7, by_member[mette.pk].pk: 7}
    services.round_close(round=vice.rounds.get(number=1), paper_counts=counts, blank=1, by=secretary)
    services.round_close(round=vice.rounds.get(number=2), paper_counts=counts, blank=1, by=secretary)
    services.lot_draw_record(
        round=vice.rounds.get(number=2),
        drawn_by="Camilla Holt (sekretariatet), i mødets påsyn",
        result=by_member[lars.pk],
        drawn_at=calendar.at(CONSTITUENT, 18),
        by=secretary,
    )

    representative = services.election_open(
        council=council,
        office=Election.Office.NATIONAL_REPRESENTATIVE,
        method=Election.Method.PAPER,
        held_on=calendar.day(CONSTITUENT),
        candidates=[ahmad],
        voters_present=15,
        by=secretary,
    )
    only = representative.candidates.get()
    services.round_close(round=representative.rounds.get(), paper_counts={only.pk: 13}, blank=2, by=secretary)
    # Reported to Det Nationale Integrationsråd the week after (R10).
    services.election_report_record(
        election=representative, reported_on=calendar.day(CONSTITUENT + datetime.timedelta(days=7)), by=secretary
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
