"""Reads about membership. `public_roster` is what a person without login may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import translations
from raad.core.redaction import Finding, find_personal_data
from raad.core.roles import Role
from raad.councils.models import Council, Term
from raad.councils.rules import renewal_opens_on
from raad.councils.selectors import NoRulesInForce, current_term, rules_in_force
from raad.membership import rules
from raad.membership.models import (
    Election,
    ElectionRound,
    Membership,
    NominatingBody,
    Nomination,
    NominationCall,
    Person,
    Seat,
    Substitute,
)

_ROLE_MAP = {
    Membership.Role.CHAIR: {Role.CHAIR, Role.MEMBER},
    Membership.Role.VICE_CHAIR: {Role.VICE_CHAIR, Role.MEMBER},
    Membership.Role.MEMBER: {Role.MEMBER},
}


def memberships_in_force(council: Council | int, on: datetime.date | None = None) -> QuerySet[Membership]:
    on = on or timezone.localdate()
    council_id = council if isinstance(council, int) else council.pk
    return (
        Membership.objects.filter(seat__council_id=council_id, starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("person", "seat", "seat__nominating_body", "term")
        .order_by("seat__number")
    )


def substitutes_in_force(council: Council | int, on: datetime.date | None = None) -> QuerySet[Substitute]:
    """The personal substitutes in force on `on` whose member is in force that day too."""
    on = on or timezone.localdate()
    council_id = council if isinstance(council, int) else council.pk
    return (
        Substitute.objects.filter(membership__in=memberships_in_force(council_id, on), starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("person__user", "membership__person")
        .order_by("membership__seat__number")
    )


def public_roster(council: Council, on: datetime.date | None = None) -> list[dict]:
    """Name, seat, nominating body and role; a bio only with consent. Nothing else (R31)."""
    roster = []
    memberships = list(memberships_in_force(council, on))
    translations.prefetch(m.person for m in memberships)
    for membership in memberships:
        person = membership.person
        roster.append(
            {
                "name": str(person),
                "seat_number": membership.seat.number,
                "seat_kind": membership.seat.get_kind_display(),
                "nominating_body": membership.seat.nominating_body.name if membership.seat.nominating_body else "",
                "role": membership.role,
                "role_label": membership.get_role_display()
                + (
                    f"; {_('repræsentant i Det Nationale Integrationsråd')}"
                    if membership.is_national_representative
                    else ""
                ),
                "national_representative": membership.is_national_representative,
                # in the page's language where the member wrote one, else the Danish
                "bio": translations.localized(person, "bio") if person.publish_bio else "",
                "photo_url": reverse("portal:member_photo", args=[council.slug, person.pk])
                if person.publish_photo and person.photo
                else "",
            }
        )
    return roster


def public_member_photo(council: Council, person_id: int, on: datetime.date | None = None) -> Person | None:
    """A sitting member's photo, only where they consented to its publication (R31); else None."""
    membership = (
        memberships_in_force(council, on)
        .filter(
            person__pk=person_id, person__publish_photo=True
        )  # person__pk: an id too large for the column finds nothing
        .exclude(person__photo="")
        .first()
    )
    return membership.person if membership is not None else None


def _person_memberships(user, on: datetime.date) -> QuerySet[Membership]:
    return Membership.objects.filter(person__user=user, starts_on__lte=on).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=on)
    )


def _person_substitutions(user, on: datetime.date) -> QuerySet[Substitute]:
    """The user's substitutions in force on `on`: their own dates and the member's membership both hold, so a
    substitute whose member has left keeps no access (R19, R27)."""
    return (
        Substitute.objects.filter(person__user=user, starts_on__lte=on, membership__starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .filter(Q(membership__ends_on__isnull=True) | Q(membership__ends_on__gte=on))
    )


def chair_vacancy_panel(council: Council, user) -> dict | None:
    """The desk panel for a vacant forperson post (R25): while the council has members but no forperson in force
    and no chair election is under way, the secretariat is asked to open a new election. None otherwise."""
    if not user.has_perm("membership.manage", council):
        return None
    today = timezone.localdate()
    roles = set(memberships_in_force(council, today).values_list("role", flat=True))
    if not roles or Membership.Role.CHAIR in roles:
        return None
    if Election.objects.filter(council=council, office=Election.Office.CHAIR, decided_at__isnull=True).exists():
        return None
    last = (
        Membership.objects.filter(seat__council=council, role=Membership.Role.CHAIR, ends_on__lt=today)
        .order_by("-ends_on")
        .values_list("ends_on", flat=True)
        .first()
    )
    return {"vacant_since": last}


def confidentiality_pending(user) -> Person | None:
    """The user's person if they sit on a council today (member or substitute) by an appointment recorded after
    they last accepted the duty of confidentiality, or never did (R27); else None. One to three queries."""
    if user is None or not user.is_authenticated:
        return None
    person = Person.objects.filter(user=user).first()
    if person is None:
        return None
    today = timezone.localdate()
    since = person.confidentiality_acknowledged_at
    memberships, substitutions = _person_memberships(user, today), _person_substitutions(user, today)
    if since is not None:
        memberships, substitutions = (
            memberships.filter(created_at__gt=since),
            substitutions.filter(created_at__gt=since),
        )
    return person if memberships.exists() or substitutions.exists() else None


def member_roles(user, council_id: int) -> set[Role]:
    """Role provider: chair, vice-chair, member and substitute from memberships in force today."""
    today = timezone.localdate()
    found: set[Role] = set()
    for role in _person_memberships(user, today).filter(seat__council_id=council_id).values_list("role", flat=True):
        found |= _ROLE_MAP[Membership.Role(role)]
    if _person_substitutions(user, today).filter(membership__seat__council_id=council_id).exists():
        found.add(Role.SUBSTITUTE)
    return found


def member_roles_by_council(user) -> dict[int, set[Role]]:
    """Bulk role provider: {council_id: roles} from memberships and substitutions in force today (two queries)."""
    today = timezone.localdate()
    found: dict[int, set[Role]] = {}
    for council_id, role in _person_memberships(user, today).values_list("seat__council_id", "role"):
        found.setdefault(council_id, set()).update(_ROLE_MAP[Membership.Role(role)])
    for council_id in _person_substitutions(user, today).values_list("membership__seat__council_id", flat=True):
        found.setdefault(council_id, set()).add(Role.SUBSTITUTE)
    return found


def member_council_ids(user) -> set[int]:
    today = timezone.localdate()
    ids = set(_person_memberships(user, today).values_list("seat__council_id", flat=True))
    ids |= set(_person_substitutions(user, today).values_list("membership__seat__council_id", flat=True))
    return ids


def memberships_of_user(user, on: datetime.date | None = None) -> QuerySet[Membership]:
    """The user's own seats today, for the workspace."""
    on = on or timezone.localdate()
    return _person_memberships(user, on).select_related("seat", "seat__council", "seat__nominating_body", "term")


def substitutions_of_user(user, on: datetime.date | None = None) -> QuerySet[Substitute]:
    on = on or timezone.localdate()
    return _person_substitutions(user, on).select_related(
        "membership__person", "membership__seat", "membership__seat__council", "membership__term"
    )


def seat_catalogue(council: Council, on: datetime.date | None = None) -> list[dict]:
    """Every seat with its nominating body, who sits there today and their substitute."""
    on = on or timezone.localdate()
    seats = list(Seat.objects.filter(council=council).select_related("nominating_body").order_by("number"))
    sitting = {m.seat_id: m for m in memberships_in_force(council, on).prefetch_related("substitutes__person")}
    rows = []
    for seat in seats:
        membership = sitting.get(seat.pk)
        substitutes = [s for s in membership.substitutes.all() if s.ends_on is None] if membership else []
        rows.append(
            {
                "seat": seat,
                "membership": membership,
                "substitute": substitutes[0] if substitutes else None,
                "vacant": membership is None and seat.retired_on is None,
            }
        )
    return rows


def seat_history(seat: Seat) -> QuerySet[Membership]:
    """Who sat on the seat when, newest first (the archive of the seat)."""
    return (
        Membership.objects.filter(seat=seat)
        .select_related("person", "term", "appointment", "promoted_from")
        .order_by("-starts_on", "-id")
    )


def nominating_bodies(council: Council) -> QuerySet[NominatingBody]:
    return NominatingBody.objects.filter(council=council).prefetch_related("seats").order_by("name")


def vacant_seats(council: Council, on: datetime.date | None = None) -> list[Seat]:
    on = on or timezone.localdate()
    taken = memberships_in_force(council, on).values_list("seat_id", flat=True)
    return list(Seat.objects.filter(council=council, retired_on__isnull=True).exclude(pk__in=taken).order_by("number"))


def promotable_substitutes(council: Council) -> QuerySet[Substitute]:
    """Substitutes in post whose member has left permanently (R19): they may take the seat."""
    return (
        Substitute.objects.filter(
            membership__seat__council=council,
            ends_on__isnull=True,
            membership__ends_on__isnull=False,
            membership__end_reason__in=["resigned", "moved_away", "deceased"],
        )
        .select_related("person", "membership__person", "membership__seat")
        .order_by("membership__seat__number")
    )


def nomination_calls(council: Council) -> QuerySet[NominationCall]:
    return (
        NominationCall.objects.filter(council=council).select_related("seat", "term", "decision").order_by("-deadline")
    )


def nominations_of_call(call: NominationCall) -> QuerySet[Nomination]:
    return (
        Nomination.objects.filter(call=call)
        .select_related("nominating_body", "seat", "candidate", "substitute_candidate")
        .order_by("seat__number", "created_at")
    )


def residence_to_confirm(council: Council) -> QuerySet[Person]:
    """Candidates and substitute candidates of the council's nominations (withdrawn ones aside) whose
    shared postcode the secretariat must settle before they can be appointed."""
    kept = [s for s in Nomination.Status.values if s != Nomination.Status.WITHDRAWN]
    return (
        Person.objects.filter(
            Q(nominations__call__council=council, nominations__status__in=kept)
            | Q(substitute_nominations__call__council=council, substitute_nominations__status__in=kept),
            residence_needs_confirmation=True,
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def appointable_nominations(council: Council) -> QuerySet[Nomination]:
    """Confirmed nominations in calls the board has not yet decided: the candidates of its decision. A withdrawn
    nomination is not among them."""
    return (
        Nomination.objects.filter(
            call__council=council, call__decided_on__isnull=True, status=Nomination.Status.CONFIRMED
        )
        .select_related("nominating_body", "seat", "candidate", "substitute_candidate", "call")
        .order_by("seat__number", "created_at")
    )


def elections(council: Council) -> QuerySet[Election]:
    return Election.objects.filter(council=council).select_related("elected__person").order_by("-held_on", "-id")


def election_detail(election: Election) -> dict:
    rounds = list(
        ElectionRound.objects.filter(election=election)
        .prefetch_related("candidates__membership__person", "counts__candidate__membership__person")
        .select_related("lot_draw__result__membership__person")
        .order_by("number")
    )
    return {"election": election, "rounds": rounds, "current": rounds[-1] if rounds else None}


def composition_panel(council: Council, on: datetime.date | None = None) -> dict:
    """Is the council lawfully composed now? For the secretariat's dashboard."""
    from raad.councils.selectors import NoRulesInForce, current_term, rules_in_force

    on = on or timezone.localdate()
    try:
        procedure = rules_in_force(council, on)
    except NoRulesInForce:
        return {"status": None}
    members = list(memberships_in_force(council, on))
    term = current_term(council, on)
    status = rules.composition_status(
        rules.Limits.of(procedure),
        [
            rules.Sitting(
                m.person_id,
                m.seat_id,
                m.seat.kind,
                m.person.resides_in_municipality,
                m.moved_away_flagged_on is not None,
            )
            for m in members
        ],
        vacant_seats=[s.number for s in vacant_seats(council, on)],
        flagged=[str(m.person) for m in members if m.moved_away_flagged_on is not None],
        has_chair=any(m.role == Membership.Role.CHAIR for m in members),
        has_vice_chair=any(m.role == Membership.Role.VICE_CHAIR for m in members),
        term_ends_on=term.ends_on if term else None,
        today=on,
        calls_awaiting_board=NominationCall.objects.filter(council=council, decided_on__isnull=True).count(),
        needs_national_representative=procedure.elects_national_representative
        and not any(m.is_national_representative for m in members),
    )
    return {"status": status, "council": council}


def open_elections(council: Council) -> QuerySet[Election]:
    """Elections not yet decided, for the members' link to vote."""
    return Election.objects.filter(council=council, decided_at__isnull=True).order_by("held_on", "pk")


def personal_data_before_publishing(text: str, *, council: Council, on: datetime.date) -> list[Finding]:
    """R32: what in `text` looks like personal data, checked before the council publishes it: CPR numbers,
    e-mail addresses, phone numbers, street addresses, and names of people who are neither members in force on
    `on` nor substitutes. The minutes check and the statements check both use this one detector."""
    known = {str(m.person) for m in memberships_in_force(council.pk, on)}
    known |= {
        str(s.person)
        for s in Substitute.objects.filter(membership__seat__council_id=council.pk).select_related("person")
    }
    common_words = set(council.name.split()) | set(council.municipality.name.split())
    return find_personal_data(text, known_names=known, common_words=common_words)


def call_entitled_bodies(call: NominationCall) -> list[NominatingBody]:
    """The bodies a call for nominations goes to: those of its seat, or of every nominated seat."""
    seats = Seat.objects.filter(council_id=call.council_id, kind=Seat.Kind.NOMINATED, retired_on__isnull=True)
    if call.seat_id is not None:
        seats = seats.filter(pk=call.seat_id)
    ids = seats.values_list("nominating_body_id", flat=True)
    return list(NominatingBody.objects.filter(pk__in=ids).order_by("name"))


@dataclass(frozen=True)
class RenewalPanel:
    """The re-appointment work for the next term (R4) on the secretariat's desk."""

    ending: Term
    next_term: Term | None
    opens_on: datetime.date
    seats: list[Seat]


def renewal_panel(council: Council, user) -> dict | None:
    """From `term_renewal_warning_days` before the term in progress ends, and while members of an ended term
    still continue: the seats to fill for the next term (no appointment in it yet). None for others."""
    if not user.has_perm("membership.manage", council):
        return None
    today = timezone.localdate()
    term = current_term(council, today)
    if term is None:
        return None
    try:
        procedure = rules_in_force(council, today)
    except NoRulesInForce:
        return None
    opens_on = renewal_opens_on(term.ends_on, procedure.term_renewal_warning_days)
    ending: Term | None
    target: Term | None
    if today >= opens_on:
        ending = term
        target = Term.objects.filter(council=council, starts_on__gt=term.ends_on).order_by("starts_on").first()
    else:
        ending = Term.objects.filter(council=council, ends_on__lt=term.starts_on).order_by("-ends_on").first()
        target = term
        continuing = memberships_in_force(council, today).filter(term=ending) if ending else Membership.objects.none()
        if ending is None or not continuing.exists():
            return None
        opens_on = renewal_opens_on(ending.ends_on, procedure.term_renewal_warning_days)
    filled = (
        Membership.objects.filter(seat__council=council, term=target).values_list("seat_id", flat=True)
        if target
        else []
    )
    seats = list(
        Seat.objects.filter(council=council, retired_on__isnull=True).exclude(pk__in=filled).order_by("number")
    )
    if not seats or ending is None:
        return None
    return {"renewal": RenewalPanel(ending=ending, next_term=target, opens_on=opens_on, seats=seats)}


# ------------------------------------------------------------------------ open data (OParl persons, memberships)


def _in_municipality(municipality_id: int | None) -> QuerySet[Membership]:
    qs = Membership.objects.select_related("person", "seat__council")
    return qs if municipality_id is None else qs.filter(seat__council__municipality_id=municipality_id)


def public_memberships(municipality_id: int | None = None, on: datetime.date | None = None) -> QuerySet[Membership]:
    """The memberships on the public rosters of the municipality's councils on `on` (today): what
    `public_roster` shows, one row each (R31: name, seat, nominating body and role; nothing else)."""
    on = on or timezone.localdate()
    return (
        _in_municipality(municipality_id)
        .filter(starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .order_by("pk")
    )


def public_seat_memberships(on: datetime.date | None = None) -> Prefetch:
    """For a Council queryset: each council's `seats`, each with `public_memberships`, its memberships of
    `public_memberships` on `on` (today)."""
    sitting = public_memberships(None, on).select_related(None)
    return Prefetch("seats__memberships", queryset=sitting, to_attr="public_memberships")


def public_former_memberships(
    municipality_id: int | None = None, on: datetime.date | None = None
) -> QuerySet[Membership]:
    """Memberships that were on a public roster and have ended before `on` (today): no longer public."""
    on = on or timezone.localdate()
    return _in_municipality(municipality_id).filter(ends_on__lt=on, starts_on__lte=F("ends_on")).order_by("pk")


def _with_changed_at(qs: QuerySet[Person]) -> QuerySet[Person]:
    """`changed_at`: the later of the person's own change and their latest membership's (a membership that ends
    changes the person's public record)."""
    latest = Membership.objects.filter(person=OuterRef("pk")).order_by("-updated_at").values("updated_at")[:1]
    return qs.annotate(changed_at=Greatest("updated_at", Subquery(latest)))


def public_members(municipality_id: int | None = None, on: datetime.date | None = None) -> QuerySet[Person]:
    """The people on a public roster of the municipality's councils on `on` (today)."""
    sitting = public_memberships(municipality_id, on).values("person_id")
    return _with_changed_at(Person.objects.filter(pk__in=sitting)).order_by("pk")


def public_former_members(municipality_id: int | None = None, on: datetime.date | None = None) -> QuerySet[Person]:
    """People who were on a public roster of the municipality's councils and are on none on `on` (today)."""
    former = public_former_memberships(municipality_id, on).values("person_id")
    sitting = public_memberships(None, on).values("person_id")
    return _with_changed_at(Person.objects.filter(pk__in=former).exclude(pk__in=sitting)).order_by("pk")


def direct_elections(council) -> list:
    """The council's recorded direct election results, newest first, each with its candidates in result
    order (two queries)."""
    from raad.membership.models import DirectElection, DirectElectionCandidate

    return list(
        DirectElection.objects.filter(council=council)
        .select_related("term", "decision")
        .prefetch_related(Prefetch("candidates", queryset=DirectElectionCandidate.objects.order_by("position")))
        .order_by("-held_on", "-id")
    )


# --- Retention (R35) -------------------------------------------------------------------------------------


def nominations_awaiting_anonymisation(council_ids=None) -> QuerySet[Nomination]:
    """Settled nominations (not appointed, or withdrawn) whose candidates are not anonymised yet."""
    pending = Nomination.objects.filter(
        status__in=[Nomination.Status.NOT_APPOINTED, Nomination.Status.WITHDRAWN], anonymised_at__isnull=True
    ).filter(Q(decided_on__isnull=False) | Q(withdrawn_on__isnull=False))
    if council_ids is not None:
        pending = pending.filter(call__council_id__in=list(council_ids))
    return pending.order_by("pk")


def nomination_anonymised_on(nomination: Nomination, months: int) -> datetime.date:
    """The day a settled nomination's candidates are anonymised: `candidate_retention_months` after the board's
    decision, or after the withdrawal."""
    settled_on = nomination.decided_on or nomination.withdrawn_on
    assert settled_on is not None, "a settled nomination has its decision or withdrawal date"
    return rules.add_months(settled_on, months)


def nominations_due_for_anonymising(procedures: dict, on: datetime.date) -> list[Nomination]:
    """The nominations whose candidates are anonymised on `on`: the one reading the retention command
    (`services.candidates_anonymise_expired`) and the desk share. `procedures` is {council_id: rules in force}."""
    return [
        n
        for n in nominations_awaiting_anonymisation(procedures).select_related(
            "call", "candidate", "substitute_candidate"
        )
        if nomination_anonymised_on(n, procedures[n.call.council_id].candidate_retention_months) <= on
    ]


@dataclass(frozen=True)
class YearMembershipChanges:
    """Appointments that started or ended in the year, counted by role (for the annual report: counts only)."""

    started: dict[str, int]  # Membership.Role value -> count
    ended: dict[str, int]
    substitutes_started: int
    substitutes_ended: int


def membership_changes_in_year(council: Council, year: int) -> YearMembershipChanges:
    """Counts of memberships and substitutes starting or ending in the year (2 queries)."""
    memberships = Membership.objects.filter(seat__council=council)
    started = dict(
        memberships.filter(starts_on__year=year).values_list("role").annotate(n=Count("id")).values_list("role", "n")
    )
    ended = dict(
        memberships.filter(ends_on__year=year).values_list("role").annotate(n=Count("id")).values_list("role", "n")
    )
    subs = Substitute.objects.filter(membership__seat__council=council).aggregate(
        started=Count("id", filter=Q(starts_on__year=year)), ended=Count("id", filter=Q(ends_on__year=year))
    )
    return YearMembershipChanges(
        started=started, ended=ended, substitutes_started=subs["started"], substitutes_ended=subs["ended"]
    )
