"""Reads about councils. `public_…` functions are what a person without login may see."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from raad.core import translations
from raad.core.roles import Role, council_ids_of
from raad.councils import rules
from raad.councils.models import (
    Council,
    Municipality,
    Purpose,
    PurposeTask,
    Room,
    RulesChange,
    RulesOfProcedure,
    StaffAssignment,
    Term,
    TermsOfReference,
)


class NoRulesInForce(LookupError):
    """The council had no rules of procedure in force on the date asked for."""


def council_purposes(council: Council | int) -> QuerySet[Purpose]:
    """The purposes of the council's terms of reference in their order: the choices of every purposes field."""
    return Purpose.objects.filter(terms_of_reference__council=council).order_by("terms_of_reference_id", "number")


def purposes_outside(council_id: int, purposes: Iterable[Purpose]) -> bool:
    """Whether any of the purposes belongs to another council's terms of reference (one query, none for none)."""
    ids = {p.pk for p in purposes}
    return bool(ids) and Purpose.objects.filter(pk__in=ids, terms_of_reference__council_id=council_id).count() != len(
        ids
    )


def public_councils() -> QuerySet[Council]:
    return Council.objects.select_related("municipality").order_by("name")


def council_of_one_municipality() -> Council | None:
    """The default council (`default_council`) when every council belongs to its municipality; None in an
    installation of several municipalities, whose pages about all councils name none (one query, as
    `default_council`)."""
    elsewhere = Council.objects.exclude(municipality_id=OuterRef("municipality_id"))
    first = public_councils().order_by("pk").annotate(elsewhere=Exists(elsewhere)).first()
    return None if first is None or first.elsewhere else first


def council_slugs() -> list[str]:
    """Every council's slug (the sitemap's council pages): one small query, nothing else read."""
    return list(Council.objects.order_by("pk").values_list("slug", flat=True))


def council_by_slug(slug: str) -> Council:
    return Council.objects.select_related("municipality").get(slug=slug)


def default_council() -> Council | None:
    """The council in the chrome of a page that shows none: the installation's first council (set up first;
    the municipality's other councils are reached from its landing page)."""
    return public_councils().order_by("pk").first()


def terms_of_reference_for(council: Council) -> TermsOfReference:
    """The kommissorium with its purposes and their tasks, with their translations into the page's language
    (three queries in all, a fourth on a page in another language than Danish)."""
    terms = (
        TermsOfReference.objects.select_related("council")
        .prefetch_related(
            Prefetch(
                "purposes",
                queryset=Purpose.objects.order_by("number").prefetch_related(
                    Prefetch("tasks", queryset=PurposeTask.objects.order_by("position", "id"))
                ),
            )
        )
        .get(council=council)
    )
    purposes = list(terms.purposes.all())
    translations.prefetch(
        [council, terms, terms.council, *purposes, *(task for p in purposes for task in p.tasks.all())]
    )
    return terms


def rules_versions(council: Council) -> QuerySet[RulesOfProcedure]:
    return (
        RulesOfProcedure.objects.filter(council=council)
        .select_related("decision", "council")
        .order_by("-in_force_from", "-version")
    )


def rules_version_list(council: Council) -> list[RulesOfProcedure]:
    """Every version of the council's rules, newest first, with their translations into the page's language."""
    versions = list(rules_versions(council))
    translations.prefetch(versions)
    return versions


def rules_in_force(council: Council | int, on: datetime.date | None = None) -> RulesOfProcedure:
    """The version of the rules of procedure in force on `on` (today in Copenhagen by default)."""
    on = on or timezone.localdate()
    council_id = council if isinstance(council, int) else council.pk
    version = (
        RulesOfProcedure.objects.filter(council_id=council_id, in_force_from__lte=on)
        .select_related("decision", "council")
        .order_by("-in_force_from", "-version")
        .first()
    )
    if version is None:
        raise NoRulesInForce(on)
    return version


def rules_version(council: Council, version: int) -> RulesOfProcedure:
    return RulesOfProcedure.objects.select_related("decision", "council").get(council=council, version=version)


def current_term(council: Council | int, on: datetime.date | None = None) -> Term | None:
    on = on or timezone.localdate()
    council_id = council if isinstance(council, int) else council.pk
    return Term.objects.filter(council_id=council_id, starts_on__lte=on, ends_on__gte=on).order_by("-starts_on").first()


def _assignments_in_force(user) -> QuerySet[StaffAssignment]:
    today = timezone.localdate()
    return StaffAssignment.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today), user=user, starts_on__lte=today
    )


def liaison_emails(council_id: int, on: datetime.date | None = None) -> list[str]:
    """The e-mail addresses of the board's liaisons assigned to the council on `on` (today by default)."""
    on = on or timezone.localdate()
    return list(
        StaffAssignment.objects.filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=on),
            council_id=council_id,
            role=Role.BOARD_LIAISON,
            starts_on__lte=on,
        )
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("user__email", flat=True)
        .distinct()
    )


def staff_roles(user, council_id: int) -> set[Role]:
    """Role provider: the secretariat and board-liaison assignments in force today."""
    values = _assignments_in_force(user).filter(council_id=council_id).values_list("role", flat=True)
    return {Role(value) for value in values}


def staff_council_ids(user) -> set[int]:
    return set(_assignments_in_force(user).values_list("council_id", flat=True))


def staff_roles_by_council(user) -> dict[int, set[Role]]:
    """Bulk role provider: {council_id: roles} of every assignment in force today, in one query."""
    found: dict[int, set[Role]] = {}
    for council_id, value in _assignments_in_force(user).values_list("council_id", "role"):
        found.setdefault(council_id, set()).add(Role(value))
    return found


def councils_of_user(user) -> list[Council]:
    """Every council where the user holds any role today (for the workspace)."""
    councils = list(public_councils().filter(pk__in=council_ids_of(user)))
    translations.prefetch(councils)
    return councils


def public_council_list() -> list[Council]:
    """Every council, with its translations into the page's language (the front page's list)."""
    councils = list(public_councils())
    translations.prefetch(councils)
    return councils


@dataclass(frozen=True)
class AnnualReportDue:
    year: int
    due_on: datetime.date
    days_left: int
    reference: str


def annual_report_panel(council: Council, user) -> dict | None:
    """The annual report's deadline on the secretariat's desk, read from the rules of procedure in force
    (`annual_report_due_month`, R23). None for anyone but the secretariat, or without rules in force."""
    if not user.has_perm("councils.view_deadlines", council):
        return None
    today = timezone.localdate()
    try:
        procedure = rules_in_force(council, today)
    except NoRulesInForce:
        return None
    year, due_on = rules.annual_report_due(today, procedure.annual_report_due_month)
    return {
        "annual_report": AnnualReportDue(
            year=year,
            due_on=due_on,
            days_left=(due_on - today).days,
            reference=rules.reference("annual_report_due_month"),
        )
    }


def rules_changes(council: Council) -> QuerySet[RulesChange]:
    """The council's changes of the rules of procedure, newest first (R8)."""
    return RulesChange.objects.filter(council=council).select_related("adopted_version__decision", "proposed_by")


def rules_change(council: Council, pk: int) -> RulesChange:
    return rules_changes(council).get(pk=pk)


# --- The room catalogue (the municipality's rooms; services/rooms.py writes them) -------------------------


def rooms_all(council: Council) -> QuerySet[Room]:
    """Every room of the council's municipality, in use first, by name."""
    return Room.objects.filter(municipality_id=council.municipality_id).order_by("-active", "name")


def rooms_active(council: Council) -> QuerySet[Room]:
    """The rooms a new meeting or event may pick."""
    return Room.objects.filter(municipality_id=council.municipality_id, active=True).order_by("name")


def room_for_council(council: Council, pk: int) -> Room | None:
    return Room.objects.filter(municipality_id=council.municipality_id, pk=pk).first()


# ------------------------------------------------------------------------ open data (OParl bodies, places, terms)


def public_municipalities() -> QuerySet[Municipality]:
    """Every municipality that has a council: the bodies of the open-data interfaces, oldest first."""
    return Municipality.objects.filter(Exists(Council.objects.filter(municipality=OuterRef("pk")))).order_by("pk")


def public_rooms(municipality_id: int | None = None) -> QuerySet[Room]:
    """The municipality's meeting rooms (public places: their name, address and accessibility facts)."""
    qs = Room.objects.select_related("municipality").order_by("pk")
    return qs if municipality_id is None else qs.filter(municipality_id=municipality_id)


def public_terms(municipality_id: int | None = None) -> QuerySet[Term]:
    """The councils' terms (valgperioder): name and dates."""
    qs = Term.objects.select_related("council").order_by("pk")
    return qs if municipality_id is None else qs.filter(council__municipality_id=municipality_id)


def rules_in_force_by_council(
    council_ids: Iterable[int], on: datetime.date | None = None
) -> dict[int, RulesOfProcedure]:
    """{council_id: the rules of procedure in force on `on`} for many councils in one query (the desk)."""
    on = on or timezone.localdate()
    found: dict[int, RulesOfProcedure] = {}
    for version in RulesOfProcedure.objects.filter(council_id__in=list(council_ids), in_force_from__lte=on).order_by(
        "council_id", "-in_force_from", "-version"
    ):
        found.setdefault(version.council_id, version)
    return found


def rule_days_by_council(council_ids: Iterable[int], field: str, on: datetime.date | None = None) -> dict[int, int]:
    """{council_id: the setting `field` of the rules in force on `on`} for every council in `council_ids`, in one
    query. A council with no rules in force yet (being set up) gets the setting's default, the value every
    preset starts from, so its work is still on the desk."""
    found = rules_in_force_by_council(council_ids, on)
    default = RulesOfProcedure._meta.get_field(field).get_default()  # type: ignore[union-attr]
    return {pk: getattr(found[pk], field) if pk in found else default for pk in council_ids}


@dataclass(frozen=True)
class ToBeConfirmed:
    """A setting of the rules of procedure whose value is a preset's example, still to be confirmed."""

    field: str
    label: str
    reference: str
    value: object


def rules_to_be_confirmed(version: RulesOfProcedure | None) -> list[ToBeConfirmed]:
    """The version's example values in the order of the rules of procedure (no query)."""
    if version is None:
        return []
    flagged = set(version.to_be_confirmed or ())
    found = []
    for name in rules.SETTING_FIELDS:
        if name in flagged:
            field = cast(models.Field, RulesOfProcedure._meta.get_field(name))
            value = getattr(version, name)
            shown = getattr(version, f"get_{name}_display")() if getattr(field, "choices", None) else value
            found.append(ToBeConfirmed(name, str(field.verbose_name), rules.reference(name), shown))
    return found


def councils_served_by(user) -> list[Council]:
    """The councils the user serves as secretariat today, by name (one query; a second on a page in
    another language than Danish): the workspace's council switcher."""
    if user is None or not user.is_authenticated:
        return []
    ids = _assignments_in_force(user).filter(role=Role.SECRETARIAT).values("council_id")
    councils = list(Council.objects.filter(pk__in=ids).order_by("name"))
    if len(councils) > 1:
        translations.prefetch(councils)
    return councils


# The most councils a search on the front page lists at once (a name shared by many: "Ældrerådet").
DIRECTORY_MATCHES = 50


def public_municipality_directory() -> list[Municipality]:
    """Every municipality that has a council, by name, each with `council_count` (one query): the front page of
    an installation that serves several municipalities lists these, not every council."""
    return list(public_municipalities().annotate(council_count=Count("councils")).order_by("name", "pk"))


def public_councils_matching(text: str) -> tuple[list[Council], int]:
    """The councils whose name or municipality's name contains `text` (the front page's search), at most
    `DIRECTORY_MATCHES`, by municipality and name, and how many matched in all (two queries, three in another
    language). Compared case-folded in Python, so "ældreråd" finds "Ældrerådet" on SQLite too (its LIKE folds
    only ASCII); the names of a few hundred councils are one small query."""
    folded = text.casefold()
    names = (
        public_councils().order_by("municipality__name", "name", "pk").values_list("pk", "name", "municipality__name")
    )
    matched = [pk for pk, name, municipality in names if folded in name.casefold() or folded in municipality.casefold()]
    order = {pk: i for i, pk in enumerate(matched[:DIRECTORY_MATCHES])}
    shown = sorted(public_councils().filter(pk__in=list(order)), key=lambda c: order[c.pk])
    translations.prefetch(shown)
    return shown, len(matched)


def public_municipality_councils(municipality: Municipality) -> list[Council]:
    """The municipality's councils for its public landing page, with their kommissorium's introduction
    and translations (two queries, a third in another language than Danish)."""
    councils = list(
        Council.objects.filter(municipality=municipality).select_related("terms_of_reference").order_by("name")
    )
    translations.prefetch([*councils, *(c.terms_of_reference for c in councils if hasattr(c, "terms_of_reference"))])
    return councils


def public_municipality(code: str) -> Municipality:
    """A municipality that has a council, by its code (Municipality.DoesNotExist otherwise)."""
    return public_municipalities().get(code=code)
