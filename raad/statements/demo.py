"""Demo: consultations from Holbæk's committees and the council's answers, through each of the three routes.

Everything is invented for the demo (names, case numbers, dates, texts), though the subjects are the kind
the council meets: the integration policy, the budget, the tender for Danish language teaching, the
housing allocation of refugees. One answer went out late, one statement is the council's own initiative,
and follow-up ("hvad skete der så?") is registered on some. Two consultations are still open: one with a
draft in progress and members' comments, one not started. Idempotent: does nothing if there is data.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from raad.councils.demo import DemoContext
from raad.councils.models import Purpose
from raad.meetings.models import Decision
from raad.membership.models import Membership
from raad.statements import services
from raad.statements.models import Committee, Consultation

COMMITTEES = [
    ("Kommunalbestyrelsen", "The Municipal Board", "kommunalbestyrelsen@holbaek.invalid"),
    ("Økonomiudvalget", "The Finance Committee", "oekonomiudvalget@holbaek.invalid"),
    (
        "Udvalget for Erhverv og Beskæftigelse",
        "The Committee for Business and Employment",
        "erhverv.beskaeftigelse@holbaek.invalid",
    ),
    ("Udvalget for Social og Sundhed", "The Committee for Social Affairs and Health", "social.sundhed@holbaek.invalid"),
    ("Udvalget for Børn og Unge", "The Committee for Children and Young People", "boern.unge@holbaek.invalid"),
    ("Udvalget for Plan og Boliger", "The Committee for Planning and Housing", "plan.boliger@holbaek.invalid"),
]

POLICY_TEXT = """Integrationsrådet takker for muligheden for at give høringssvar til udkastet til Integrationspolitik {year:2027}–{year:2030}.

Rådet støtter politikkens tre spor: sprog, arbejde og fællesskab. Vi vil særligt fremhæve, at politikken tager udgangspunkt i borgernes egne ressourcer, og at den ser frivillige foreninger som en del af indsatsen.

Rådet anbefaler, at politikken suppleres med konkrete mål for, hvor mange borgere der deltager i sprogcaféer og lektiehjælp, og at målene følges op hvert år i rådets årsberetning.

Rådet foreslår desuden, at kommunen afsætter midler til tolkning ved forældremøder i dagtilbud og skoler, så alle forældre kan deltage i deres børns hverdag.

Rådet deltager gerne i arbejdet med at føre politikken ud i livet."""

POLICY_DRAFT = """Integrationsrådet takker for muligheden for at give høringssvar.

Rådet støtter politikkens tre spor: sprog, arbejde og fællesskab.

Rådet anbefaler, at politikken suppleres med konkrete mål for sprogcaféer og lektiehjælp.

Rådet deltager gerne i arbejdet med at føre politikken ud i livet."""

BUDGET_TEXT = """Integrationsrådet har drøftet budgetforslaget for {year:2027}–{year:2030} og har følgende bemærkninger.

Rådet er bekymret for forslaget om at reducere tilskuddet til frivillige foreningers integrationsarbejde med 400.000 kr. om året. Foreningerne når borgere, som kommunen ellers har svært ved at nå, og tilskuddet udløser mange frivillige timer.

Rådet anbefaler, at besparelsen ikke gennemføres, eller at den i det mindste udskydes, indtil der foreligger en evaluering af indsatsen.

Rådet støtter forslaget om at videreføre brobyggerfunktionen i boligområderne."""

TENDER_TEXT = """Forpersonen og næstforpersonen har på rådets vegne behandlet høringen om udbud af danskuddannelse, fordi høringsfristen lå før rådets næste møde.

Rådet lægger vægt på, at undervisningen fortsat kan foregå om aftenen og i weekenden, så borgere i arbejde kan deltage, og at der også fremover er undervisning i Jyderup og Svinninge og ikke kun i Holbæk by.

Rådet anbefaler, at kvalitetskravene i udbuddet vægtes højere end prisen, og at kursisternes egne erfaringer indgår i evalueringen af tilbuddene.

Svaret forelægges rådet på det næste møde."""

HOUSING_TEXT = """Integrationsrådet har behandlet forslaget til boligplaceringsplan for {year:2027}.

Rådet støtter, at nye borgere placeres i hele kommunen, men anbefaler, at der tages hensyn til adgangen til offentlig transport, sprogskole og arbejdspladser, når boligerne vælges.

Rådet anbefaler også, at familier med børn så vidt muligt får en permanent bolig inden skolestart, så børnene ikke skal skifte skole flere gange."""

OWN_TEXT = """Integrationsrådet vil med denne udtalelse gøre Udvalget for Børn og Unge opmærksom på, at mange unge med anden etnisk baggrund end dansk har svært ved at finde deres første fritidsjob.

Rådet har i dialog med unge, foreninger og virksomheder hørt, at netværk betyder mere end ansøgninger, og at mange unge ikke kender nogen, der kan anbefale dem.

Rådet anbefaler, at kommunen samarbejder med lokale virksomheder og foreninger om en fritidsjobordning med mentorer, og at ordningen evalueres efter et år.

Rådet stiller gerne medlemmer til rådighed som brobyggere."""

VOLUNTEER_V1 = """Integrationsrådet støtter forslaget til frivillighedsstrategi.

Rådet anbefaler, at strategien nævner integrationsforeningerne."""

VOLUNTEER_V2 = """Integrationsrådet støtter forslaget til frivillighedsstrategi {year:2027} og glæder sig over, at frivilligt engagement ses som en vej til fællesskab.

Rådet anbefaler, at strategien nævner integrationsforeningerne og deres arbejde med lektiehjælp, sprogcaféer og idræt.

Rådet foreslår et fælles frivilligcenter, hvor nye foreninger kan få hjælp til at søge midler."""


def demo_pdf(title: str, body: str) -> bytes:
    """A consultation document for the demo (both statements stories use it)."""
    from raad.core.pdf import html_to_pdf

    html = (
        f'<html lang="da"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<h1>{title}</h1><p>Holbæk Kommune – høringsmateriale (demo)</p><p>{body}</p></body></html>"
    )
    return html_to_pdf(html, lang="da")


def load(context: DemoContext) -> None:
    council = context.council
    D = context.calendar.date  # noqa: N806 (a date as written, moved with the story)
    t = context.calendar.text
    if Consultation.objects.filter(council=council).exists():
        return
    User = get_user_model()
    secretary = User.objects.get(username="sekretariat")
    chair = User.objects.get(username="forperson")
    vice = User.objects.get(username="naestforperson")
    member = User.objects.get(username="medlem")
    committees = {}
    for name, name_en, email in COMMITTEES:
        committees[name] = Committee.objects.filter(
            municipality=council.municipality, name=name
        ).first() or services.committee_create(
            municipality=council.municipality, name=name, name_en=name_en, email=email, by=None
        )
    purposes = {p.number: p for p in Purpose.objects.filter(terms_of_reference__council=council)}
    members = {
        m.person.first_name: m for m in Membership.objects.filter(seat__council=council).select_related("person")
    }

    def consultation(subject, subject_en, committee, received, deadline, case, summary, doc_title):
        case = f"{case[:-2]}{received.year % 100:02d}"  # the case number's year is the year it came in
        c = services.consultation_register(
            council=council,
            subject=subject,
            subject_en=subject_en,
            committee=committees[committee],
            received_on=received,
            deadline=deadline,
            case_number=case,
            summary=summary,
            link="https://holbaek.dk/politik/hoeringer/",
            by=secretary,
        )
        services.consultation_document_add(
            consultation=c, title=doc_title, filename=f"{case}.pdf", data=demo_pdf(doc_title, summary), by=secretary
        )
        return c

    def decision(title):
        """The demo meetings decided these items (raad/meetings/demo.py); the secretariat registers them."""
        return Decision.objects.get(item__meeting__council=council, item__title=t(title))

    # 1. The integration policy: adopted at the meeting on 19 March, with the minority statement recorded
    #    there, and follow-up.
    policy = consultation(
        t("Integrationspolitik {year:2027}–{year:2030}"),
        t("Integration policy {year:2027}–{year:2030}"),
        "Udvalget for Erhverv og Beskæftigelse",
        D(2026, 3, 2),
        D(2026, 4, 6),
        "27.00.00-P22-1-26",
        "Forvaltningen har udarbejdet et udkast til en ny integrationspolitik med tre spor: sprog, arbejde og fællesskab.",
        t("Udkast til Integrationspolitik {year:2027}–{year:2030}"),
    )
    s1 = services.statement_create(
        council=council,
        kind="response",
        title=t("Høringssvar om Integrationspolitik {year:2027}–{year:2030}"),
        title_en=t("Response on the integration policy {year:2027}–{year:2030}"),
        consultation=policy,
        purpose=purposes.get(1),
        rapporteur=chair,
        text=t(POLICY_DRAFT),
        by=secretary,
    )
    services.draft_comment_add(statement=s1, text="Vi bør nævne tolkning ved forældremøder.", by=member)
    services.statement_version_save(statement=s1, text=t(POLICY_TEXT), note="Mål og tolkning tilføjet", by=chair)
    services.statement_adopt_at_meeting(
        statement=s1, decision=decision("Høringssvar om Integrationspolitik {year:2027}–{year:2030}"), by=secretary
    )
    services.statement_send(statement=s1, by=secretary, on=D(2026, 3, 26))
    services.follow_up_register(
        statement=s1,
        decided_on=D(2026, 5, 13),
        body="Kommunalbestyrelsen",
        decision=t("Kommunalbestyrelsen vedtog Integrationspolitik {year:2027}–{year:2030}."),
        decision_en=t("The municipal board adopted the integration policy {year:2027}–{year:2030}."),
        how_used="Rådets forslag om årlige mål for sprogcaféer og lektiehjælp blev skrevet ind i politikken. Forslaget om tolkning indgår i budgetforhandlingerne.",
        how_used_en="The council's proposal of yearly targets for language cafés and homework help was written into the policy. Interpreting is part of the budget negotiations.",
        link="https://holbaek.dk/politik/dagsordener-og-referater/",
        by=secretary,
    )

    # 2. The budget: adopted by written procedure (short deadline in August).
    budget = consultation(
        t("Budget {year:2027}–{year:2030}"),
        t("Budget {year:2027}–{year:2030}"),
        "Økonomiudvalget",
        D(2026, 8, 20),
        D(2026, 9, 3),
        "00.30.00-S00-4-26",
        t("Økonomiudvalget sender budgetforslaget for {year:2027}–{year:2030} i høring hos kommunens råd og nævn."),
        t("Budgetforslag {year:2027}–{year:2030}, høringsmateriale"),
    )
    s2 = services.statement_create(
        council=council,
        kind="response",
        title=t("Høringssvar om budget {year:2027}–{year:2030}"),
        title_en=t("Response on the budget {year:2027}–{year:2030}"),
        consultation=budget,
        purpose=purposes.get(4),
        rapporteur=secretary,
        text=t(BUDGET_TEXT),
        by=secretary,
    )
    procedure = services.written_procedure_open(statement=s2, by=secretary, on=D(2026, 8, 24))
    services.written_answer_give(procedure=procedure, user=member, answer="agree", on=D(2026, 8, 24))
    services.written_answer_give(procedure=procedure, user=chair, answer="agree", on=D(2026, 8, 25))
    services.written_answer_give(
        procedure=procedure,
        user=vice,
        answer="comment",
        comment="Enig, men nævn gerne brobyggerne i Tølløse.",
        on=D(2026, 8, 25),
    )
    by_mail = [
        ("Mette", "agree"),
        ("Fatima", "agree"),
        ("Zainab", "agree"),
        ("Nour", "agree"),
        ("Hanne", "agree"),
        ("Tomasz", "agree"),
        ("Olena", "disagree"),
    ]
    for name, answer in by_mail:
        services.written_answer_give(
            procedure=procedure, user=secretary, membership=members[name], answer=answer, on=D(2026, 8, 27)
        )
    services.written_procedure_close(procedure=procedure, by=secretary, on=D(2026, 8, 30))
    services.statement_send(statement=s2, by=secretary, on=D(2026, 9, 1))
    services.follow_up_register(
        statement=s2,
        decided_on=D(2026, 10, 8),
        body="Kommunalbestyrelsen (budgetvedtagelse)",
        decision="Budgettet blev vedtaget. Besparelsen på tilskuddet til foreningernes integrationsarbejde blev halveret til 200.000 kr.",
        decision_en="The budget was adopted. The cut to associations' integration grants was halved to DKK 200,000.",
        how_used="Budgetaftalen henviser til høringssvarene fra Integrationsrådet og Frivilligrådet.",
        how_used_en="The budget agreement refers to the responses of the Integration Council and the Volunteer Council.",
        by=secretary,
    )

    # 3. The language-school tender: urgent procedure, the deadline falling before the next meeting (R24);
    #    the report to the council goes on the agenda of 10 December.
    tender = consultation(
        t("Udbud af danskuddannelse {year:2027}"),
        t("Tender for Danish language teaching {year:2027}"),
        "Udvalget for Erhverv og Beskæftigelse",
        D(2026, 11, 2),
        D(2026, 11, 13),
        "82.06.00-G01-2-26",
        "Kommunen skal udbyde danskuddannelse for voksne udlændinge. Udvalget beder om bemærkninger til kravspecifikationen.",
        "Kravspecifikation for danskuddannelse",
    )
    s3 = services.statement_create(
        council=council,
        kind="response",
        title="Høringssvar om udbud af danskuddannelse",
        title_en="Response on the tender for Danish language teaching",
        consultation=tender,
        purpose=purposes.get(2),
        rapporteur=secretary,
        text=t(TENDER_TEXT),
        by=secretary,
    )
    services.statement_plan_route(statement=s3, route="urgent", by=secretary)
    services.urgent_approve(statement=s3, user=chair, on=D(2026, 11, 10))
    services.urgent_approve(statement=s3, user=vice, on=D(2026, 11, 11))
    services.statement_send(statement=s3, by=secretary, on=D(2026, 11, 12))

    # 4. The housing allocation plan: a short deadline in August; adopted at the meeting on 27 August and
    #    sent after the deadline with a reason.
    housing = consultation(
        t("Boligplaceringsplan {year:2027}"),
        t("Housing allocation plan {year:2027}"),
        "Udvalget for Plan og Boliger",
        D(2026, 8, 14),
        D(2026, 8, 24),
        "03.02.00-P20-1-26",
        t("Planen beskriver, hvordan kommunen finder boliger til flygtninge, som kommunen modtager i {year:2027}."),
        t("Forslag til boligplaceringsplan {year:2027}"),
    )
    s4 = services.statement_create(
        council=council,
        kind="response",
        title=t("Høringssvar om boligplaceringsplan {year:2027}"),
        title_en=t("Response on the housing allocation plan {year:2027}"),
        consultation=housing,
        purpose=purposes.get(1),
        rapporteur=vice,
        text=t(HOUSING_TEXT),
        by=secretary,
    )
    services.statement_adopt_at_meeting(
        statement=s4, decision=decision("Høringssvar om boligplaceringsplan {year:2027}"), by=secretary
    )
    services.statement_send(
        statement=s4,
        by=secretary,
        on=D(2026, 8, 28),
        late_reason=t(
            "Høringsfristen lå før rådets ordinære møde {date:2026-08-27}. Forvaltningen blev orienteret og har accepteret at modtage svaret efter mødet."
        ),
    )
    services.follow_up_register(
        statement=s4,
        decided_on=D(2026, 9, 9),
        body="Udvalget for Plan og Boliger",
        decision="Udvalget godkendte boligplaceringsplanen med en tilføjelse om skolestart.",
        decision_en="The committee approved the plan with an addition about school start.",
        how_used="Rådets anbefaling om permanent bolig før skolestart blev tilføjet planen.",
        how_used_en="The council's recommendation about a permanent home before school start was added to the plan.",
        by=secretary,
    )

    # 5. Own initiative: an udtalelse to the committee for children and young people.
    s5 = services.statement_create(
        council=council,
        kind="statement",
        title="Udtalelse om fritidsjob til unge",
        title_en="Statement on spare-time jobs for young people",
        recipient=committees["Udvalget for Børn og Unge"],
        purpose=purposes.get(2),
        rapporteur=member,
        case_number="15.00.00-A00-3-26",
        text=t(OWN_TEXT),
        by=secretary,
    )
    services.statement_adopt_at_meeting(
        statement=s5, decision=decision("Udtalelse om fritidsjob til unge"), by=secretary
    )
    services.statement_send(statement=s5, by=secretary, on=D(2026, 5, 22))

    # 6. Still open: the volunteering strategy (draft in progress) and the employment plan (not started).
    volunteer = consultation(
        t("Frivillighedsstrategi {year:2027}"),
        t("Volunteering strategy {year:2027}"),
        "Udvalget for Social og Sundhed",
        D(2026, 11, 16),
        D(2026, 12, 11),
        "18.00.00-P22-2-26",
        "Udvalget sender forslaget til ny frivillighedsstrategi i høring.",
        t("Forslag til frivillighedsstrategi {year:2027}"),
    )
    s6 = services.statement_create(
        council=council,
        kind="response",
        title=t("Høringssvar om frivillighedsstrategi {year:2027}"),
        consultation=volunteer,
        purpose=purposes.get(4),
        rapporteur=chair,
        text=t(VOLUNTEER_V1),
        by=chair,
    )
    services.draft_comment_add(
        statement=s6,
        text="Husk idrætsforeningerne.",
        proposed_text="… deres arbejde med lektiehjælp, sprogcaféer og idræt.",
        by=member,
    )
    services.statement_version_save(
        statement=s6, text=t(VOLUNTEER_V2), note="Idræt og frivilligcenter tilføjet", by=chair
    )
    # One click: the response goes on the agenda of the next meeting before the deadline (10 December).
    services.statement_plan_route(statement=s6, route="meeting", by=secretary)
    consultation(
        t("Lokal beskæftigelsesplan {year:2027}"),
        t("Local employment plan {year:2027}"),
        "Udvalget for Erhverv og Beskæftigelse",
        D(2026, 11, 23),
        D(2026, 12, 18),
        "15.00.00-P15-1-26",
        t(
            "Beskæftigelsesplanen sætter mål for jobcentrets indsats i {year:2027}, herunder for borgere på selvforsørgelses- og hjemrejseprogrammet."
        ),
        t("Udkast til beskæftigelsesplan {year:2027}"),
    )
    context.notes.append(
        "Høringer og udtalelser: 6 consultations and 6 statements (meeting, written and urgent route; one late; "
        "one own initiative). Public archive: /raad/integrationsraadet/hoeringssvar/  Workspace: /arbejdsrum/integrationsraadet/hoeringer/"
    )
