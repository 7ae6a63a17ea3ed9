"""Demo: this term's meetings so far. A constituent meeting, ordinary meetings with integration topics
(language school, employment, housing, associations, events), one closed item, approved and published
minutes, minutes out for approval, and the next meeting with its agenda. Everything is invented.

Dates and years are as written for late November 2026; the demo's calendar (raad/councils/demo.py) moves
them with the day the demo is loaded, and a text's "{year:2027}" or "{date:2026-04-06}" moves with them."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from raad.core import mail
from raad.core.models import User
from raad.councils.demo import DemoCalendar, DemoContext
from raad.councils.models import Purpose, Room
from raad.meetings import services
from raad.meetings.models import Meeting, Minutes
from raad.membership.selectors import memberships_in_force

ROOM = "Holbæk Rådhus, mødelokale 1"  # raad.councils.demo_rooms
PLACE = "Holbæk Rådhus, mødelokale 2"
ADDRESS = "Kanalstræde 2, 4300 Holbæk"
ACCESS = "Niveaufri adgang fra Kanalstræde, elevator til 1. sal, teleslynge i lokalet. Handicapparkering ved indgangen."


def _at(day: datetime.date, hour: int = 17) -> datetime.datetime:
    """`day` as the demo uses it (already moved by the calendar)."""
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=timezone.get_default_timezone())


def _text(calendar: DemoCalendar, text: str) -> str:
    return calendar.text(text)


def _pdf(text: str) -> bytes:
    from raad.core.pdf import html_to_pdf

    return html_to_pdf(f"<html lang='da'><body><h1>{text}</h1><p>Demobilag.</p></body></html>", lang="da", title=text)


# (date, kind, items) — each item: (kind, title, case presentation, proposed decision, purposes, closed, decision)
PAST_MEETINGS = [
    (
        datetime.date(2026, 2, 12),
        Meeting.Kind.CONSTITUENT,
        [
            (
                "information",
                "Velkomst og præsentation af medlemmerne",
                "<p>Sekretariatet byder velkommen til den nye valgperiode. Medlemmerne præsenterer sig og fortæller, "
                "hvilke organisationer de kommer fra.</p>",
                "Rådet tager orienteringen til efterretning.",
                [4],
                False,
                "Medlemmerne præsenterede sig.",
            ),
            (
                "decision",
                "Valg af forperson og næstforperson",
                "<p>Rådet vælger blandt medlemmerne en forperson og en næstforperson (kommissoriet, Organisering).</p>",
                "Rådet vælger forperson og næstforperson.",
                [],
                False,
                "Amina Yusuf blev valgt som forperson og Lars Nielsen som næstforperson.",
            ),
            (
                "decision",
                "Mødeplan for {year:2026}",
                "<p>Forslag om seks ordinære møder i {year:2026}, torsdage kl. 17.</p>",
                "Rådet godkender mødeplanen.",
                [],
                False,
                "Mødeplanen blev godkendt.",
            ),
        ],
    ),
    (
        datetime.date(2026, 3, 19),
        Meeting.Kind.ORDINARY,
        [
            (
                "discussion",
                "Danskundervisning for udearbejdende",
                "<p>Sprogcenter Holbæk orienterer om ventelister til aftenhold og om et forsøg med undervisning på "
                "arbejdspladser. Rådet drøfter, hvordan flere kan gennemføre danskuddannelsen ved siden af arbejdet.</p>",
                "Rådet drøfter sagen og kommer med input til sprogcentret.",
                [1, 2],
                False,
                "Rådet anbefaler flere aftenhold og et forsøg med undervisning på to store arbejdspladser.",
            ),
            (
                "decision",
                "Beskæftigelse for flygtningekvinder",
                "<p>Jobcentret har bedt om rådets syn på en ny indsats med mentorer og virksomhedspraktik for kvinder, "
                "der har været i Danmark under fem år.</p>",
                "Rådet støtter indsatsen og anbefaler, at frivillige mentorer inddrages.",
                [2],
                False,
                "Rådet støtter indsatsen og anbefaler, at frivillige mentorer inddrages.",
            ),
            (
                "decision",
                "Høringssvar om Integrationspolitik {year:2027}–{year:2030}",
                "<p>Udvalget for Erhverv og Beskæftigelse har sendt udkastet til en ny integrationspolitik i høring "
                "med frist {date:2026-04-06}. Forpersonen har som ordfører skrevet et udkast til høringssvar, som findes i "
                "rådets arbejdsrum.</p>",
                "Rådet vedtager høringssvaret.",
                [1],
                False,
                "Rådet vedtog høringssvaret.",
            ),
            (
                "decision",
                "Ansøgning om tilskud fra en forening",
                "<p>Lukket punkt: ansøgningen indeholder oplysninger om foreningens økonomi og enkelte medlemmer.</p>",
                "Sekretariatet indstiller, at ansøgningen imødekommes med 15.000 kr.",
                [4],
                True,
                "Ansøgningen blev imødekommet med 15.000 kr.",
            ),
        ],
    ),
    (
        datetime.date(2026, 5, 21),
        Meeting.Kind.ORDINARY,
        [
            (
                "decision",
                "Høring: boligsocial helhedsplan for Holbæk Øst",
                "<p>Kommunen og boligorganisationerne har sendt udkast til ny helhedsplan i høring. Rådet kan afgive "
                "høringssvar om bl.a. fritidsjob, lektiehjælp og beboerdemokrati.</p>",
                "Rådet afgiver høringssvar med fokus på unges fritidsjob og lektiehjælp.",
                [1, 3],
                False,
                "Rådet afgiver høringssvar som indstillet.",
            ),
            (
                "decision",
                "Udtalelse om fritidsjob til unge",
                "<p>Rådet har på eget initiativ drøftet unges adgang til fritidsjob. Et udkast til udtalelse til "
                "Udvalget for Børn og Unge findes i rådets arbejdsrum.</p>",
                "Rådet vedtager udtalelsen.",
                [2],
                False,
                "Rådet vedtog udtalelsen.",
            ),
            (
                "decision",
                "Foreningslivets integrationspulje {year:2026}",
                "<p>Forslag til kriterier for fordeling af puljen til foreninger, der inkluderer nye borgere.</p>",
                "Rådet godkender kriterierne.",
                [4],
                False,
                "Kriterierne blev godkendt.",
            ),
        ],
    ),
    (
        datetime.date(2026, 8, 27),
        Meeting.Kind.ORDINARY,
        [
            (
                "decision",
                "Mangfoldighedsdag på Holbæk Havn",
                "<p>Forslag om at rådet holder en mangfoldighedsdag i september med foreninger, madboder og musik. "
                "Budget 40.000 kr. fra rådets midler.</p>",
                "Rådet holder arrangementet som beskrevet.",
                [3, 4],
                False,
                "Rådet holder mangfoldighedsdagen den {date:2026-09-19}.",
            ),
            (
                "decision",
                "Høringssvar om boligplaceringsplan {year:2027}",
                "<p>Udvalget for Plan og Boliger har sendt forslaget til boligplaceringsplan i høring med frist "
                "{date:2026-08-24}. Forvaltningen har accepteret at modtage rådets svar efter dette møde. Næstforpersonen "
                "har som ordfører skrevet et udkast, som findes i rådets arbejdsrum.</p>",
                "Rådet vedtager høringssvaret.",
                [1],
                False,
                "Rådet vedtog høringssvaret.",
            ),
            (
                "information",
                "Orientering fra sekretariatet",
                "<p>Status på rådets økonomi og kommende høringer.</p>",
                "Rådet tager orienteringen til efterretning.",
                [],
                False,
                "Taget til efterretning.",
            ),
        ],
    ),
    (
        datetime.date(2026, 10, 1),
        Meeting.Kind.ORDINARY,
        [
            (
                "discussion",
                "Evaluering af mangfoldighedsdagen",
                "<p>Ca. 600 besøgende og 22 foreninger deltog. Rådet drøfter erfaringerne.</p>",
                "Rådet drøfter evalueringen.",
                [3],
                False,
                "Rådet ønsker at gentage arrangementet i {year:2027}.",
            ),
            (
                "decision",
                "Input til kommunens budget {year:2027} på integrationsområdet",
                "<p>Rådet kan give input til budgetforhandlingerne om danskundervisning og beskæftigelse.</p>",
                "Rådet sender input til Økonomiudvalget.",
                [1, 2],
                False,
                "Rådet sender input som drøftet.",
            ),
        ],
    ),
]

# Dissent recorded word for word (R22) with the decision on these items; two members voted against.
MINORITY_STATEMENTS = {
    "Høringssvar om Integrationspolitik {year:2027}–{year:2030}": (
        "Mindretallet kan ikke støtte forslaget om nye midler til tolkning, før det er afklaret, hvor i budgettet "
        "pengene skal findes."
    ),
    "Høring: boligsocial helhedsplan for Holbæk Øst": (
        "Vi mener, at høringssvaret også bør nævne behovet for flere almene familieboliger i Tølløse."
    ),
}

NEXT_MEETING_ITEMS = [
    ("information", "Godkendelse af dagsorden", "", "Dagsordenen godkendes.", [], False),
    (
        "discussion",
        "Mødeplan og temaer for {year:2027}",
        "<p>Forslag til seks møder og temaer for {year:2027}.</p>",
        "Rådet drøfter forslaget.",
        [],
        False,
    ),
]


def load(context: DemoContext) -> None:
    council = context.council
    calendar = context.calendar
    if Meeting.objects.filter(council=council).exists():
        return
    secretary = User.objects.filter(username="sekretariat").first()
    purposes = {p.number: p for p in Purpose.objects.filter(terms_of_reference__council=council)}
    with mail.suppressed():
        previous = None
        for day, kind, items in PAST_MEETINGS:
            meeting = _held_meeting(council, secretary, purposes, calendar, calendar.day(day), kind, items)
            if previous is not None:
                _approve_at(previous, meeting, secretary)
            previous = meeting
        # The minutes of the last meeting were approved by circulation; the others at the next meeting.
        next_meeting = services.meeting_plan(
            council=council,
            starts_at=_at(calendar.date(2026, 12, 10)),
            **_where(council),
            accessibility_note=ACCESS,
            by=secretary,
        )
        for kind, title, text, proposal, numbers, closed in NEXT_MEETING_ITEMS:
            services.item_add(
                meeting=next_meeting,
                kind=kind,
                title=_text(calendar, title),
                case_presentation=_text(calendar, text),
                proposed_decision=proposal,
                is_closed=closed,
                purposes=[purposes[n] for n in numbers if n in purposes],
                by=secretary,
            )
        member = (
            memberships_in_force(council, calendar.date(2026, 11, 20)).filter(person__user__username="medlem").first()
        )
        if member is not None:
            services.item_propose(
                meeting=next_meeting,
                membership=member,
                kind="discussion",
                title="Lektiehjælp på biblioteket for børn af nye borgere",
                case_presentation="<p>Forslag om at rådet undersøger, om bibliotekerne og "
                "frivillige kan tilbyde lektiehjælp to dage om ugen.</p>",
                individual_case=False,
                by=None,
                now=_at(calendar.date(2026, 11, 20), 10),
            )
        last = previous
        minutes = Minutes.objects.get(meeting=last)
        services.minutes_circulate(minutes=minutes, by=secretary, now=_at(calendar.date(2026, 10, 6), 10))
        members = list(memberships_in_force(council, calendar.date(2026, 10, 1)))
        for membership in members[:9]:
            services.minutes_respond(minutes=minutes, membership=membership, kind="approve", by=None)
    constituent, october, upcoming = (
        calendar.date(2026, 2, 12),
        calendar.date(2026, 10, 1),
        calendar.date(2026, 12, 10),
    )
    context.notes.append(
        f"Meetings: 5 held this term (constituent {constituent:%-d %B %Y}), minutes published for four, "
        f"the {october:%B} minutes out for approval, and the next meeting on {upcoming:%-d %B %Y} with its agenda."
    )


def _where(council) -> dict:
    """The town hall's meeting room from the catalogue (the rooms story), else the place typed in."""
    room = Room.objects.filter(municipality_id=council.municipality_id, name=ROOM).first()
    return {"room": room} if room is not None else {"place": PLACE, "address": ADDRESS}


def _held_meeting(council, secretary, purposes, calendar: DemoCalendar, day, kind, items) -> Meeting:
    meeting = services.meeting_plan(
        council=council,
        kind=kind,
        starts_at=_at(day),
        ends_at=_at(day, 19),
        **_where(council),
        accessibility_note=ACCESS,
        by=secretary,
    )
    made = []
    for item_kind, written_title, text, proposal, numbers, closed, decision in items:
        title = _text(calendar, written_title)
        item = services.item_add(
            meeting=meeting,
            kind=item_kind,
            title=title,
            case_presentation=_text(calendar, text),
            proposed_decision=proposal,
            is_closed=closed,
            purposes=[purposes[n] for n in numbers if n in purposes],
            by=secretary,
        )
        if item.position == 1 and kind == Meeting.Kind.ORDINARY:
            services.attachment_add(
                item=item,
                title="Notat fra sekretariatet",
                upload=SimpleUploadedFile("notat.pdf", _pdf(title)),
                by=secretary,
            )
        made.append((item, _text(calendar, decision)))
    services.meeting_send_notice(meeting=meeting, by=secretary, now=_at(day - datetime.timedelta(days=8), 12))
    rows = memberships_in_force(council, day)
    members = list(rows)
    absent = members[4] if len(members) > 4 else None  # Fatima sends an apology; her substitute comes
    if absent is not None:
        services.apology_send(meeting=meeting, membership=absent, by=None, now=_at(day - datetime.timedelta(days=3), 9))
    present = [m.pk for m in members if m != absent and m != members[-1]]
    services.attendance_register(
        meeting=meeting, present=present, substitutes_present=[absent.pk] if absent is not None else [], by=secretary
    )
    minorities = {_text(calendar, title): text for title, text in MINORITY_STATEMENTS.items()}
    for item, text in made:
        if item.kind == "decision":
            voters = len(present) + (1 if absent is not None else 0)
            if "forening" in item.title.lower() and not item.is_closed:
                services.conflict_declare(
                    item=item, membership=members[9], reason="Formand for en forening, der kan søge puljen", by=None
                )
                voters -= 1
            minority = minorities.get(item.title)
            against = 2 if minority else 0
            decision = services.item_decide(
                item=item,
                text=text,
                votes_for=voters - against - 1,
                votes_against=against,
                abstentions=1,
                by=secretary,
                now=_at(day, 18),
            )
            if minority:
                services.minority_statement_add(
                    decision=decision, members="Jonas Petersen og Mikkel Andersen", text=minority, by=None
                )
        else:
            services.item_decide(item=item, text=text, by=secretary, now=_at(day, 18))
    services.meeting_mark_held(meeting=meeting, by=secretary)
    minutes = services.minutes_start(meeting=meeting, by=secretary)
    services.minutes_save_draft(
        minutes=minutes,
        revision=minutes.revision,
        introduction="Forpersonen bød velkommen. Dagsordenen blev godkendt.",
        entries={},
        by=secretary,
    )
    return meeting


def _approve_at(previous: Meeting, meeting: Meeting, secretary) -> None:
    minutes = Minutes.objects.get(meeting=previous)
    day = timezone.localtime(meeting.starts_at)
    services.minutes_approve(
        minutes=minutes, how=Minutes.Approval.NEXT_MEETING, at_meeting=meeting, by=secretary, now=day
    )
    services.minutes_publish(minutes=minutes, by=secretary, now=day + datetime.timedelta(days=1))
