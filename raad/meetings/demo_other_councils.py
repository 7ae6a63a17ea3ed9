"""Demo: Holbæk's two other councils, set up from their presets beside the integration council, each with a
few months of work: the Handicapråd (members nominated by Danske Handicaporganisationer Holbæk and from the
municipal board, retssikkerhedsloven § 37 a) and the Ældreråd (members from the direct election's result,
retssikkerhedsloven § 30). Two held meetings with agenda, decisions and minutes, and the next one planned.
The secretariat's demo login serves all three councils. Everything is invented.

Dates are as written for late November 2026; the demo's calendar (raad/councils/demo.py) moves them."""

from __future__ import annotations

import datetime

from raad.core import mail
from raad.core.models import User
from raad.core.roles import Role
from raad.councils.demo import DemoCalendar, DemoContext
from raad.councils.models import Council, Term
from raad.councils.presets import PRESETS
from raad.councils.services import council_setup_from_preset, staff_assign
from raad.meetings import services
from raad.meetings.models import Meeting, Minutes
from raad.membership import services as membership
from raad.membership.models import Seat
from raad.membership.selectors import memberships_in_force

ADDRESS = "Kanalstræde 2, 4300 Holbæk"
PLACE = "Holbæk Rådhus, mødelokale 3"

DH = "Danske Handicaporganisationer Holbæk"
HANDICAP_NOMINATED = [  # (first, last, postcode, city, organisation, the personal substitute)
    ("Birthe", "Skov", "4300", "Holbæk", "Dansk Blindesamfund, Holbæk", ("Finn", "Dalsgaard", "4300", "Holbæk")),
    ("Morten", "Friis", "4340", "Tølløse", "Scleroseforeningen, Holbæk", ("Anni", "Brandt", "4340", "Tølløse")),
    ("Lene", "Kirkegaard", "4450", "Jyderup", "LEV Holbæk", ("Per", "Thorsen", "4450", "Jyderup")),
]
HANDICAP_BOARD = [("Jesper", "Lauritsen", "4300", "Holbæk"), ("Tove", "Bjerre", "4420", "Regstrup")]

ELDERLY_RESULT = [  # the count of the ældrerådsvalg held with the municipal election (name, votes)
    ("Grethe Mikkelsen", 2841),
    ("Ole Sandberg", 2510),
    ("Ruth Holm", 2217),
    ("Niels Ebbesen", 1984),
    ("Hanne Vinther", 1762),
    ("Aksel Dam", 1530),
    ("Karen Lykke", 1311),
    ("Svend Aagaard", 987),
    ("Bodil Frost", 854),
    ("Erik Malling", 402),
]
ELDERLY_SEATS = 7

MEETINGS = {
    "handicapraadet": [
        (
            datetime.date(2026, 3, 10),
            [
                ("Konstituering og mødeplan for {year:2026}", "Rådet konstituerede sig og godkendte mødeplanen."),
                (
                    "Tilgængelighed på Holbæk Station og i bybusserne",
                    "Rådet beder forvaltningen om en status på niveaufri adgang.",
                ),
            ],
        ),
        (
            datetime.date(2026, 9, 8),
            [
                (
                    "Høring: budget {year:2027}–{year:2030} på det specialiserede socialområde",
                    "Rådet afgiver høringssvar.",
                ),
                ("Handicappolitikken: opfølgning", "Rådet tog orienteringen til efterretning."),
            ],
        ),
    ],
    "aeldreraadet": [
        (
            datetime.date(2026, 2, 17),
            [
                ("Konstituering og mødeplan for {year:2026}", "Rådet konstituerede sig og godkendte mødeplanen."),
                ("Madservice til hjemmeboende ældre", "Rådet ønsker en smagsprøve og en dialog med leverandøren."),
            ],
        ),
        (
            datetime.date(2026, 9, 15),
            [
                ("Høring: kvalitetsstandard for hjemmepleje {year:2027}", "Rådet afgiver høringssvar."),
                ("Aktivitetscentrene i Tølløse og Svinninge", "Rådet besøger begge centre i efteråret."),
            ],
        ),
    ],
}
NEXT_MEETING = {"handicapraadet": datetime.date(2026, 12, 15), "aeldreraadet": datetime.date(2026, 12, 17)}


def load(context: DemoContext) -> None:
    if Council.objects.filter(slug__in=("handicapraadet", "aeldreraadet")).exists():
        return
    secretary = User.objects.filter(username="sekretariat").first()
    with mail.suppressed():
        handicap, _created = council_setup_from_preset(preset=PRESETS["holbaek-handicap"], by=secretary)
        elderly, _created = council_setup_from_preset(preset=PRESETS["holbaek-aeldre"], by=secretary)
        for council in (handicap, elderly):
            if secretary is not None:
                staff_assign(
                    council=council,
                    user=secretary,
                    role=Role.SECRETARIAT,
                    starts_on=datetime.date(2022, 1, 1),
                    by=None,
                )
        _handicap_members(handicap, secretary, context.calendar)
        _elderly_election(elderly, secretary, context.calendar)
        for council in (handicap, elderly):
            _meetings(council, secretary, context.calendar)
    context.logins = [
        (username, "Sekretariat for alle tre råd (tofaktor: engangskode)" if username == "sekretariat" else role)
        for username, role in context.logins
    ]
    context.notes.append(
        "Other councils: Handicaprådet (5 members: 3 nominated by DH Holbæk, 2 from the board) and Ældrerådet "
        f"({ELDERLY_SEATS} elected, {len(ELDERLY_RESULT) - ELDERLY_SEATS} substitutes in vote order), "
        "each with 2 held meetings and the next planned; the secretariat serves all three."
    )


def _term(council: Council, calendar: DemoCalendar) -> Term:
    start = calendar.date(2026, 2, 1)
    return Term.objects.get(council=council, starts_on__lte=start, ends_on__gte=start)


def _handicap_members(council: Council, secretary, calendar: DemoCalendar) -> None:
    term = _term(council, calendar)
    body = membership.nominating_body_create(
        council=council, name=DH, contact_name="Kontaktperson", contact_email="dh@forening.invalid", by=secretary
    )
    seats = [
        membership.seat_create(council=council, number=i, kind=Seat.Kind.NOMINATED, nominating_body=body, by=secretary)
        for i in range(1, 4)
    ]
    board_seats = [
        membership.seat_create(council=council, number=i, kind=Seat.Kind.BOARD_MEMBER, by=secretary) for i in (4, 5)
    ]
    call = membership.nomination_call_open(
        council=council,
        term=term,
        title=f"Indstilling af medlemmer til Handicaprådet {term.starts_on.year}–{term.ends_on.year}",
        deadline=calendar.at(datetime.date(2026, 1, 12), 12),
        now=calendar.at(datetime.date(2025, 11, 20), 9),
        by=secretary,
    )
    lines = []
    for seat, (first, last, postcode, city, organisation, substitute) in zip(seats, HANDICAP_NOMINATED, strict=True):
        nomination = membership.nomination_submit(
            call=call,
            nominating_body=body,
            seat=seat,
            candidate=_candidate(first, last, postcode, city),
            substitute=_candidate(*substitute),
            motivation=f"{first} er udpeget af {organisation}.",
            submitted_by_name="Kontaktperson",
            submitted_by_email="dh@forening.invalid",
            now=calendar.at(datetime.date(2026, 1, 5)),
        )
        membership.nomination_confirm(
            nomination=nomination, who="candidate", now=calendar.at(datetime.date(2026, 1, 7))
        )
        lines.append(membership.AppointmentLine(seat=seat, nomination=nomination))
    for seat, (first, last, postcode, city) in zip(board_seats, HANDICAP_BOARD, strict=True):
        lines.append(membership.AppointmentLine(seat=seat, new_person=_candidate(first, last, postcode, city)))
    membership.appointment_decision_register(
        council=council,
        term=term,
        decided_on=calendar.date(2026, 1, 28),
        meeting=f"Kommunalbestyrelsens møde {calendar.spoken(datetime.date(2026, 1, 28))}",
        reference_text=f"KB {calendar.date(2026, 1, 28):%d.%m.%Y}, pkt. 9",
        starts_on=calendar.date(2026, 2, 1),
        lines=lines,
        by=secretary,
    )


def _candidate(first: str, last: str, postcode: str, city: str) -> membership.CandidateData:
    return membership.CandidateData(
        first_name=first,
        last_name=last,
        email=f"{first.lower()}.{last.lower()}@demo.invalid",
        phone="",
        street_address="Demovej 3",
        postcode=postcode,
        city=city,
    )


def _elderly_election(council: Council, secretary, calendar: DemoCalendar) -> None:
    membership.direct_election_record(
        council=council,
        term=_term(council, calendar),
        held_on=calendar.date(2025, 11, 18),
        seats=ELDERLY_SEATS,
        candidates=[membership.CandidateResult(name, votes) for name, votes in ELDERLY_RESULT],
        reference_text=f"Valgbestyrelsens opgørelse {calendar.date(2025, 11, 19):%d.%m.%Y}",
        starts_on=calendar.date(2026, 1, 5),
        by=secretary,
    )


def _meetings(council: Council, secretary, calendar: DemoCalendar) -> None:
    previous = None
    for written, items in MEETINGS[council.slug]:
        day = calendar.day(written)
        meeting = services.meeting_plan(
            council=council,
            starts_at=calendar.at(written, 14),
            ends_at=calendar.at(written, 16),
            place=PLACE,
            address=ADDRESS,
            by=secretary,
        )
        made = [
            (
                services.item_add(
                    meeting=meeting,
                    kind="decision",
                    title=calendar.text(title),
                    case_presentation="<p>Sekretariatet har forberedt punktet.</p>",
                    proposed_decision="Rådet drøfter punktet og beslutter.",
                    by=secretary,
                ),
                decision,
            )
            for title, decision in items
        ]
        services.meeting_send_notice(
            meeting=meeting, by=secretary, now=calendar.at(written - datetime.timedelta(days=8), 12)
        )
        members = list(memberships_in_force(council, day))
        services.attendance_register(
            meeting=meeting, present=[m.pk for m in members], substitutes_present=[], by=secretary
        )
        for item, text in made:
            services.item_decide(
                item=item,
                text=text,
                votes_for=len(members),
                by=secretary,
                now=calendar.at(written, 15),
            )
        services.meeting_mark_held(meeting=meeting, by=secretary)
        minutes = services.minutes_start(meeting=meeting, by=secretary)
        services.minutes_save_draft(
            minutes=minutes,
            revision=minutes.revision,
            introduction="Forpersonen bød velkommen. Dagsordenen blev godkendt.",
            entries={},
            by=secretary,
        )
        if previous is not None:
            earlier = Minutes.objects.get(meeting=previous)
            services.minutes_approve(
                minutes=earlier,
                how=Minutes.Approval.NEXT_MEETING,
                at_meeting=meeting,
                by=secretary,
                now=calendar.at(written, 16),
            )
            services.minutes_publish(minutes=earlier, by=secretary, now=calendar.at(written, 17))
        previous = meeting
    upcoming = services.meeting_plan(
        council=council,
        kind=Meeting.Kind.ORDINARY,
        starts_at=calendar.at(NEXT_MEETING[council.slug], 14),
        place=PLACE,
        address=ADDRESS,
        by=secretary,
    )
    services.item_add(
        meeting=upcoming,
        kind="discussion",
        title=f"Mødeplan for {calendar.year(2027)}",
        case_presentation="<p>Forslag til mødeplan.</p>",
        by=secretary,
    )
