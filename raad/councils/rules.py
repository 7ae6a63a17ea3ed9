"""The rules of procedure as pure functions: no database, no request.

`SECTIONS` is the one place that says which paragraph (§ and stk.) of the forretningsorden holds which
setting. The readable rules on the public site and every error message that cites a rule are built
from it, so the citation always matches the text a citizen reads.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

Values = Mapping[str, Any]


def _yes(flag: bool, yes: str, no: str) -> str:
    return yes if flag else no


def _fraction(numerator: int, denominator: int) -> str:
    if numerator == 1 and denominator == 2:
        return _("halvdelen")
    if numerator == denominator:
        return _("alle")
    return f"{numerator}/{denominator}"


@dataclass(frozen=True)
class Clause:
    fields: tuple[str, ...]
    text: Callable[[Values], str]


@dataclass(frozen=True)
class Section:
    key: str
    title: Any  # lazy string
    clauses: tuple[Clause, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "composition",
        gettext_lazy("Sammensætning"),
        (
            Clause(
                ("max_members", "residence_required"),
                lambda v: (
                    _("Rådet består af op til %(n)s medlemmer.") % {"n": v["max_members"]}
                    + " "
                    + _yes(
                        v["residence_required"],
                        _("Medlemmerne skal have bopæl i kommunen."),
                        _("Der er ikke krav om bopæl i kommunen."),
                    )
                ),
            ),
            Clause(
                ("max_nominated_seats", "max_direct_seats", "max_board_member_seats"),
                lambda v: (
                    _(
                        "Op til %(nominated)s medlemmer udpeges af kommunalbestyrelsen efter indstilling "
                        "fra indstillingsberettigede organisationer, og op til %(direct)s udpeges direkte "
                        "af kommunalbestyrelsen."
                    )
                    % {"nominated": v["max_nominated_seats"], "direct": v["max_direct_seats"]}
                    + (
                        " "
                        + _("Op til %(n)s medlemmer kan være medlemmer af kommunalbestyrelsen.")
                        % {"n": v["max_board_member_seats"]}
                        if v["max_board_member_seats"]
                        else ""
                    )
                ),
            ),
            Clause(
                ("min_members_warning",),
                lambda v: (
                    _(
                        "Sekretariatet gør kommunalbestyrelsen opmærksom på det, hvis rådet har færre end "
                        "%(n)s medlemmer."
                    )
                    % {"n": v["min_members_warning"]}
                ),
            ),
            Clause(
                ("uses_substitutes", "substitutes_only_when_absent"),
                lambda v: _yes(
                    v["uses_substitutes"],
                    _("Hvert medlem har en personlig stedfortræder.")
                    + " "
                    + _yes(
                        v["substitutes_only_when_absent"],
                        _("Stedfortræderen deltager kun i møder, når medlemmet har meldt afbud."),
                        _("Stedfortræderen kan deltage i møderne uden stemmeret."),
                    ),
                    _("Rådet har ikke stedfortrædere."),
                ),
            ),
        ),
    ),
    Section(
        "term",
        gettext_lazy("Valgperiode"),
        (
            Clause(
                ("term_years", "continue_until_successors", "term_renewal_warning_days"),
                lambda v: (
                    ngettext(
                        "Valgperioden er %(n)s år og følger kommunalbestyrelsens valgperiode.",
                        "Valgperioden er %(n)s år og følger kommunalbestyrelsens valgperiode.",
                        v["term_years"],
                    )
                    % {"n": v["term_years"]}
                    + " "
                    + _yes(
                        v["continue_until_successors"],
                        _("Medlemmerne fortsætter, indtil deres efterfølgere er udpeget."),
                        _("Medlemskabet ophører, når valgperioden slutter."),
                    )
                    + " "
                    + _(
                        "Valgperioden begynder 1. januar efter kommunalvalget. Sekretariatet forbereder "
                        "udpegningen til den næste valgperiode fra %(n)s dage før valgperioden slutter."
                    )
                    % {"n": v["term_renewal_warning_days"]}
                ),
            ),
            Clause(
                ("elects_national_representative",),
                lambda v: _yes(
                    v["elects_national_representative"],
                    _(
                        "Rådet vælger hvert fjerde år ét medlem til repræsentantskabet for "
                        "Det Nationale Integrationsråd."
                    ),
                    _("Rådet vælger ikke repræsentant til Det Nationale Integrationsråd."),
                ),
            ),
        ),
    ),
    Section(
        "constitution",
        gettext_lazy("Konstituering"),
        (
            Clause(
                ("election_majority",),
                lambda v: (
                    _(
                        "På det konstituerende møde vælger rådet blandt sine medlemmer en forperson og "
                        "derefter en næstforperson."
                    )
                    + " "
                    + (
                        _("Den, der får flest stemmer, er valgt.")
                        if v["election_majority"] == "plurality"
                        else _("Den, der får over halvdelen af de afgivne stemmer, er valgt.")
                    )
                    + " "
                    + _("Valget foregår skriftligt og hemmeligt.")
                    + " "
                    + _("Ved stemmelighed stemmes der igen; står det igen lige, afgøres valget ved lodtrækning.")
                ),
            ),
        ),
    ),
    Section(
        "meetings",
        gettext_lazy("Møder"),
        (
            Clause(
                ("min_meetings_per_year",),
                lambda v: (
                    _("Rådet holder mindst %(n)s møder om året efter en årlig mødeplan.")
                    % {"n": v["min_meetings_per_year"]}
                ),
            ),
            Clause(
                ("extraordinary_numerator", "extraordinary_denominator"),
                lambda v: (
                    _(
                        "Ekstraordinært møde holdes, når forpersonen finder det nødvendigt, eller når "
                        "mindst %(fraction)s af medlemmerne skriftligt og med begrundelse beder om det."
                    )
                    % {"fraction": _fraction(v["extraordinary_numerator"], v["extraordinary_denominator"])}
                ),
            ),
            Clause(
                ("meetings_public",),
                lambda v: _yes(
                    v["meetings_public"],
                    _("Møderne er åbne for offentligheden, bortset fra lukkede punkter."),
                    _(
                        "Møderne er lukkede for offentligheden. Dagsordener, referater og udtalelser "
                        "offentliggøres, bortset fra lukkede punkter."
                    ),
                ),
            ),
        ),
    ),
    Section(
        "agenda",
        gettext_lazy("Dagsorden"),
        (
            Clause(
                ("member_item_deadline_days",),
                lambda v: (
                    _(
                        "Medlemmer kan få punkter på dagsordenen, hvis de meddeler det til sekretariatet "
                        "senest %(n)s dage før mødet. Et senere punkt kan kun behandles, hvis et flertal på "
                        "mødet beslutter det."
                    )
                    % {"n": v["member_item_deadline_days"]}
                ),
            ),
            Clause(
                ("notice_deadline_days",),
                lambda v: (
                    _("Dagsordenen med bilag sendes ud senest %(n)s dage før mødet.") % {"n": v["notice_deadline_days"]}
                ),
            ),
        ),
    ),
    Section(
        "decisions",
        gettext_lazy("Beslutningsdygtighed og afstemning"),
        (
            Clause(
                ("quorum_numerator", "quorum_denominator", "recused_count_toward_quorum"),
                lambda v: (
                    _("Rådet er beslutningsdygtigt, når mindst %(fraction)s af medlemmerne er til stede.")
                    % {"fraction": _fraction(v["quorum_numerator"], v["quorum_denominator"])}
                    + " "
                    + _yes(
                        v["recused_count_toward_quorum"],
                        _("Inhabile medlemmer tæller med."),
                        _("Inhabile medlemmer tæller ikke med i det pågældende punkt."),
                    )
                ),
            ),
            Clause(
                ("tie_rule",),
                lambda v: (
                    _(
                        "Kun tilstedeværende medlemmer stemmer; der kan ikke stemmes ved fuldmagt. "
                        "Beslutninger træffes ved simpelt flertal."
                    )
                    + " "
                    + (
                        _("Ved stemmelighed bortfalder forslaget.")
                        if v["tie_rule"] == "motion_falls"
                        else _("Ved stemmelighed er forpersonens stemme afgørende.")
                    )
                ),
            ),
            Clause(
                (),
                lambda v: _("Et mindretal kan få sin afvigende opfattelse ført til referat."),
            ),
        ),
    ),
    Section(
        "minutes",
        gettext_lazy("Referat"),
        (
            Clause(
                ("minutes_approval", "minutes_circulation_days", "minutes_draft_days"),
                lambda v: (
                    _("Sekretariatet skriver referatet.")
                    + " "
                    + _("Udkastet til referat rundsendes senest %(n)s dage efter mødet.")
                    % {"n": v["minutes_draft_days"]}
                    + " "
                    + (
                        _(
                            "Referatet godkendes ved skriftlig rundsendelse; indsigelser skal gives senest "
                            "%(n)s dage efter udsendelsen."
                        )
                        % {"n": v["minutes_circulation_days"]}
                        if v["minutes_approval"] == "circulation"
                        else _("Referatet godkendes på det næste møde.")
                    )
                    + " "
                    + _("Det godkendte referat offentliggøres uden lukkede punkter.")
                ),
            ),
        ),
    ),
    Section(
        "conflicts",
        gettext_lazy("Inhabilitet og tavshedspligt"),
        (
            Clause(
                (),
                lambda v: _(
                    "Et medlem, der har en særlig personlig eller økonomisk interesse i en sag, må ikke "
                    "deltage i behandlingen af den (forvaltningsloven § 3)."
                ),
            ),
            Clause(
                ("liaison_attends_as_guest",),
                lambda v: (
                    _(
                        "Medlemmer, stedfortrædere og gæster har tavshedspligt om fortrolige oplysninger "
                        "(forvaltningsloven § 27). Rådet behandler ikke enkeltsager."
                    )
                    + " "
                    + _yes(
                        v["liaison_attends_as_guest"],
                        _(
                            "Kommunalbestyrelsens kontaktperson deltager som gæst med tavshedspligt og kan læse "
                            "lukkede punkter og referater, der endnu ikke er godkendt."
                        ),
                        _(
                            "Kommunalbestyrelsens kontaktperson ser det, der er offentligt, og de godkendte "
                            "referater uden lukkede punkter."
                        ),
                    )
                ),
            ),
        ),
    ),
    Section(
        "statements",
        gettext_lazy("Høringssvar og udtalelser"),
        (
            Clause(
                ("written_procedure_days",),
                lambda v: (
                    _(
                        "Kan et høringssvar ikke behandles på et møde inden fristen, kan det vedtages ved "
                        "skriftlig procedure med en svarfrist på %(n)s dage."
                    )
                    % {"n": v["written_procedure_days"]}
                ),
            ),
            Clause(
                ("urgent_procedure_allowed",),
                lambda v: _yes(
                    v["urgent_procedure_allowed"],
                    _(
                        "I hastesager kan forpersonen og næstforpersonen afgive høringssvar på rådets "
                        "vegne; det forelægges rådet på det næste møde."
                    ),
                    _("Rådet afgiver kun høringssvar efter behandling i rådet."),
                ),
            ),
            Clause(
                ("consultation_first_reminder_days", "consultation_second_reminder_days"),
                lambda v: (
                    _("Sekretariatet minder medlemmerne om høringsfrister %(first)s og %(second)s dage før.")
                    % {
                        "first": v["consultation_first_reminder_days"],
                        "second": v["consultation_second_reminder_days"],
                    }
                ),
            ),
            Clause(
                ("publish_statements",),
                lambda v: _yes(
                    v["publish_statements"],
                    _("Vedtagne høringssvar og udtalelser offentliggøres."),
                    _("Vedtagne høringssvar og udtalelser offentliggøres kun efter rådets beslutning."),
                ),
            ),
        ),
    ),
    Section(
        "reporting",
        gettext_lazy("Årsberetning og persondata"),
        (
            Clause(
                ("annual_report_due_month",),
                lambda v: (
                    _("Rådet afgiver hvert år en beretning om sit arbejde til kommunalbestyrelsen senest i %(month)s.")
                    % {"month": date_format(datetime.date(2000, v["annual_report_due_month"], 1), "F")}
                ),
            ),
            Clause(
                ("candidate_retention_months",),
                lambda v: (
                    _("Oplysninger om kandidater, der ikke blev udpeget, slettes %(n)s måneder efter udpegningen.")
                    % {"n": v["candidate_retention_months"]}
                ),
            ),
            Clause(
                ("inquiry_retention_months", "individual_case_retention_months"),
                lambda v: (
                    _(
                        "Navn, e-mail og telefon i borgeres henvendelser slettes %(n)s måneder efter modtagelsen. "
                        "Teksten i en enkeltsag, som rådet har henvist, slettes %(m)s måneder efter henvisningen."
                    )
                    % {"n": v["inquiry_retention_months"], "m": v["individual_case_retention_months"]}
                ),
            ),
        ),
    ),
    Section(
        "events",
        gettext_lazy("Arrangementer"),
        (
            Clause(
                ("event_reminder_days", "event_registration_retention_days"),
                lambda v: (
                    _(
                        "Tilmeldte til et arrangement får en påmindelse %(n)s dage før. Navn, e-mail og telefon "
                        "på tilmeldte slettes %(m)s dage efter arrangementet."
                    )
                    % {"n": v["event_reminder_days"], "m": v["event_registration_retention_days"]}
                ),
            ),
        ),
    ),
    Section(
        "secretariat",
        gettext_lazy("Sekretariatets frister"),
        (
            Clause(
                ("inquiry_triage_days",),
                lambda v: (
                    _("Sekretariatet vurderer en borgers henvendelse senest %(n)s dage efter modtagelsen.")
                    % {"n": v["inquiry_triage_days"]}
                ),
            ),
            Clause(
                ("claim_decision_days",),
                lambda v: (
                    _("Sekretariatet afgør et medlems udlæg senest %(n)s dage efter indsendelsen.")
                    % {"n": v["claim_decision_days"]}
                ),
            ),
        ),
    ),
)

SETTING_FIELDS: tuple[str, ...] = tuple(
    field for section in SECTIONS for clause in section.clauses for field in clause.fields
)


def reference(field: str) -> str:
    """The citation of a setting: 'forretningsorden § 1, stk. 1'."""
    for number, section in enumerate(SECTIONS, start=1):
        for stk, clause in enumerate(section.clauses, start=1):
            if field in clause.fields:
                if len(section.clauses) == 1:
                    return _("forretningsorden § %(p)s") % {"p": number}
                return _("forretningsorden § %(p)s, stk. %(stk)s") % {"p": number, "stk": stk}
    raise KeyError(field)


@dataclass(frozen=True)
class ReadableSection:
    number: int
    title: str
    clauses: list[str]


def readable(values: Values) -> list[ReadableSection]:
    """The rules of procedure as numbered paragraphs in the active language."""
    return [
        ReadableSection(number, str(section.title), [clause.text(values) for clause in section.clauses])
        for number, section in enumerate(SECTIONS, start=1)
    ]


@dataclass(frozen=True)
class Violation:
    field: str
    message: str

    def __str__(self) -> str:
        return self.message


def purpose_of_other_council(field: str = "purposes") -> Violation:
    """The refusal when a purpose chosen for a council's work is not in that council's terms of reference."""
    return Violation(field, _("Formålet hører til et andet råds kommissorium."))


def check_consistency(values: Values) -> list[Violation]:
    """Settings that cannot hold together in one version of the rules of procedure."""
    violations: list[Violation] = []

    def add(field: str, message: str) -> None:
        violations.append(Violation(field, f"{message} ({reference(field)})"))

    seats = values["max_nominated_seats"] + values["max_direct_seats"] + values["max_board_member_seats"]
    if values["max_members"] < 1:
        add("max_members", _("Rådet skal have mindst ét medlem."))
    if seats < values["max_members"]:
        add(
            "max_nominated_seats",
            _("Pladstyperne giver kun %(seats)s pladser, men rådet kan have %(max)s medlemmer.")
            % {"seats": seats, "max": values["max_members"]},
        )
    if values["min_members_warning"] > values["max_members"]:
        add(
            "min_members_warning",
            _("Advarselsgrænsen (%(min)s) kan ikke være større end det højeste antal medlemmer (%(max)s).")
            % {"min": values["min_members_warning"], "max": values["max_members"]},
        )
    for num, den in (
        ("quorum_numerator", "quorum_denominator"),
        ("extraordinary_numerator", "extraordinary_denominator"),
    ):
        if values[den] < 1 or values[num] < 1 or values[num] > values[den]:
            add(num, _("Brøken skal ligge mellem 1/%(den)s og 1.") % {"den": max(values[den], 1)})
    if values["notice_deadline_days"] > values["member_item_deadline_days"]:
        add(
            "notice_deadline_days",
            _(
                "Dagsordenen kan ikke sendes ud (%(notice)s dage før) før fristen for medlemmernes "
                "punkter (%(items)s dage før)."
            )
            % {"notice": values["notice_deadline_days"], "items": values["member_item_deadline_days"]},
        )
    if values["consultation_second_reminder_days"] >= values["consultation_first_reminder_days"]:
        add(
            "consultation_second_reminder_days",
            _("Anden påmindelse skal komme efter den første (færre dage før fristen)."),
        )
    if values["term_years"] < 1:
        add("term_years", _("Valgperioden skal være mindst ét år."))
    for name in ("minutes_draft_days", "inquiry_triage_days", "claim_decision_days"):
        if values[name] < 1:
            add(name, _("Fristen skal være mindst én dag."))
    if not 1 <= values["annual_report_due_month"] <= 12:
        add("annual_report_due_month", _("Måneden skal være mellem 1 og 12."))
    return violations


def required_count(total: int, numerator: int, denominator: int) -> int:
    """The smallest whole number of people that is at least numerator/denominator of total."""
    return math.ceil(Fraction(numerator, denominator) * total)


MUNICIPAL_ELECTION_INTERVAL = 4  # kommunalvalg every 4 years (kommunal- og regionalvalgloven § 3)
MUNICIPAL_ELECTION_YEAR = 2025  # one election year; the others are 4 years apart


def election_period_start(on: datetime.date) -> datetime.date:
    """The first day of the municipal election period in progress on `on`: 1 January after the latest
    municipal election held in a year before `on`'s year (the election 2025 starts the period on 2026-01-01)."""
    years_since = (on.year - 1 - MUNICIPAL_ELECTION_YEAR) % MUNICIPAL_ELECTION_INTERVAL
    return datetime.date(on.year - years_since, 1, 1)


def term_dates(starts_on: datetime.date, term_years: int) -> tuple[datetime.date, datetime.date]:
    """A term of `term_years` years from `starts_on`: (first day, last day)."""
    try:
        after = starts_on.replace(year=starts_on.year + term_years)
    except ValueError:  # 29 February
        after = starts_on.replace(year=starts_on.year + term_years, day=28) + datetime.timedelta(days=1)
    return starts_on, after - datetime.timedelta(days=1)


def term_name(starts_on: datetime.date, ends_on: datetime.date) -> str:
    """The stored name, as the preset names its terms (pages show `includes/term_label.html`, translated)."""
    return f"Valgperiode {starts_on.year}–{ends_on.year}"


def renewal_opens_on(term_ends_on: datetime.date, warning_days: int) -> datetime.date:
    """From this day the secretariat prepares the appointments for the next term (R4)."""
    return term_ends_on - datetime.timedelta(days=warning_days)


def annual_report_due(today: datetime.date, due_month: int) -> tuple[int, datetime.date]:
    """The next annual report: (the year it reports on, the last day of the due month), R23. The report on a
    year is due in `due_month` of the year after; once that month is over, the next year's is due."""

    def last_day(year: int) -> datetime.date:
        first_next = datetime.date(year + (due_month == 12), due_month % 12 + 1, 1)
        return first_next - datetime.timedelta(days=1)

    due_on = last_day(today.year)
    if today > due_on:
        due_on = last_day(today.year + 1)
    return due_on.year - 1, due_on


def archived_message(archived_on: datetime.date) -> str:
    """The refusal of any change to an archived council (R1)."""
    return _(
        "Rådet blev arkiveret %(date)s, efter at kommunalbestyrelsen har nedlagt det; intet kan ændres længere "
        "(integrationsloven § 42, stk. 1)."
    ) % {"date": date_format(archived_on, "j. F Y")}
