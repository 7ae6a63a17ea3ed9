"""Demo: the høringer of Holbæk's two other councils (raad/meetings/demo_other_councils.py has their members and
meetings). Each answered one consultation at its September meeting (adopted there, sent, and what the committee
did with it registered), and the Ældreråd has one consultation open now, with its deadline on the desk.
Everything is invented; dates as written for late November 2026, moved by the demo's calendar."""

from __future__ import annotations

from raad.core import mail
from raad.core.models import User
from raad.councils.demo import DemoContext
from raad.councils.models import Council, Purpose
from raad.meetings.models import Decision
from raad.statements import services
from raad.statements.demo import demo_pdf
from raad.statements.models import Committee, Consultation

SOCIAL = "Udvalget for Social og Sundhed"


def load(context: DemoContext) -> None:
    councils = {c.slug: c for c in Council.objects.filter(slug__in=("handicapraadet", "aeldreraadet"))}
    if len(councils) < 2 or Consultation.objects.filter(council__in=councils.values()).exists():
        return
    with mail.suppressed():
        _load(context, councils)


def _load(context: DemoContext, councils: dict[str, Council]) -> None:
    D = context.calendar.date  # noqa: N806 (a date as written, moved with the story)
    t = context.calendar.text
    committee = Committee.objects.get(municipality=context.council.municipality, name=SOCIAL)
    secretary = User.objects.get(username="sekretariat")

    def answered(
        council: Council,
        *,
        item: str,
        subject: str,
        subject_en: str,
        received,
        deadline,
        case: str,
        summary: str,
        text: str,
        sent_on,
        decided_on,
        decision: str,
        how_used: str,
    ) -> None:
        consultation = services.consultation_register(
            council=council,
            subject=t(subject),
            subject_en=t(subject_en),
            committee=committee,
            received_on=received,
            deadline=deadline,
            case_number=case,
            summary=summary,
            link="https://holbaek.dk/politik/hoeringer/",
            by=secretary,
        )
        services.consultation_document_add(
            consultation=consultation,
            title=t(subject),
            filename=f"{case}.pdf",
            data=demo_pdf(t(subject), summary),
            by=secretary,
        )
        statement = services.statement_create(
            council=council,
            kind="response",
            title=t(f"Høringssvar: {subject}"),
            title_en=t(f"Response: {subject_en}"),
            consultation=consultation,
            purpose=Purpose.objects.filter(terms_of_reference__council=council).order_by("number").first(),
            text=text,
            by=secretary,
        )
        services.statement_adopt_at_meeting(
            statement=statement,
            decision=Decision.objects.get(item__meeting__council=council, item__title=t(item)),
            by=secretary,
        )
        services.statement_send(statement=statement, by=secretary, on=sent_on)
        services.follow_up_register(
            statement=statement,
            decided_on=decided_on,
            body=SOCIAL,
            decision=decision,
            how_used=how_used,
            by=secretary,
        )

    answered(
        councils["handicapraadet"],
        item="Høring: budget {year:2027}–{year:2030} på det specialiserede socialområde",
        subject="Budget {year:2027}–{year:2030} på det specialiserede socialområde",
        subject_en="Budget {year:2027}–{year:2030} for specialised social services",
        received=D(2026, 8, 25),
        deadline=D(2026, 9, 14),
        case="00.30.00-S00-7-26",
        summary="Forvaltningen foreslår besparelser på ledsagelse og en ny model for bostøtte.",
        text=(
            "<p>Handicaprådet anbefaler, at ledsageordningen ikke beskæres, og at den nye model for bostøtte "
            "afprøves i ét område, før den indføres i hele kommunen.</p>"
        ),
        sent_on=D(2026, 9, 9),
        decided_on=D(2026, 10, 7),
        decision="Udvalget indstillede budgettet med en forsøgsperiode for den nye bostøttemodel.",
        how_used="Rådets forslag om at afprøve modellen i ét område blev fulgt.",
    )
    answered(
        councils["aeldreraadet"],
        item="Høring: kvalitetsstandard for hjemmepleje {year:2027}",
        subject="Kvalitetsstandard for hjemmepleje {year:2027}",
        subject_en="Quality standard for home care {year:2027}",
        received=D(2026, 8, 31),
        deadline=D(2026, 9, 21),
        case="27.12.00-P22-2-26",
        summary="Standarden beskriver, hvilken hjælp borgere kan få til personlig pleje og praktiske opgaver.",
        text=(
            "<p>Ældrerådet foreslår, at borgeren så vidt muligt møder de samme medarbejdere, og at rengøring "
            "fortsat tilbydes hver anden uge.</p>"
        ),
        sent_on=D(2026, 9, 16),
        decided_on=D(2026, 10, 14),
        decision="Udvalget godkendte kvalitetsstandarden.",
        how_used="Et mål om faste medarbejdere blev skrevet ind i standarden.",
    )
    open_now = services.consultation_register(
        council=councils["aeldreraadet"],
        subject=t("Værdighedspolitik {year:2027}"),
        subject_en=t("Dignity policy {year:2027}"),
        committee=committee,
        received_on=D(2026, 11, 20),
        deadline=D(2026, 12, 18),
        case_number="27.00.00-P22-3-26",
        summary="Forslag til kommunens værdighedspolitik for ældreplejen.",
        link="https://holbaek.dk/politik/hoeringer/",
        by=secretary,
    )
    context.notes.append(
        "Other councils' høringer: one answered each (adopted at the September meeting, sent, follow-up "
        f"registered); Ældrerådet has «{open_now.subject}» open (deadline on the desk)."
    )
