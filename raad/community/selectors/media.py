"""Reads of local media: press releases (workspace and public), the media list, the coverage log, and the
year's figures for the annual report (`press_releases_for_year`, `coverage_for_year`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import ExtractYear

from raad.community.models import MediaCoverage, MediaOutlet, PressRelease, PressReleaseDispatch
from raad.core.redaction import mask_cpr
from raad.councils.models import Council, Purpose
from raad.dialogue.models import Topic


def press_releases(council: Council) -> QuerySet[PressRelease]:
    """Every release of the council, drafts included (the workspace), newest first."""
    return (
        PressRelease.objects.filter(council=council)
        .select_related("approved_by", "created_by")
        .prefetch_related(Prefetch("purposes", queryset=Purpose.objects.order_by("number")))
        .order_by("-id")
    )


def press_release(council: Council, pk: int) -> PressRelease:
    return press_releases(council).get(pk=pk)


def dispatches(release: PressRelease) -> list[PressReleaseDispatch]:
    return list(PressReleaseDispatch.objects.filter(release=release).select_related("outlet").order_by("outlet__name"))


def outlets(council: Council) -> QuerySet[MediaOutlet]:
    return MediaOutlet.objects.filter(council=council).order_by("-active", "name")


def outlet(council: Council, pk: int) -> MediaOutlet:
    return outlets(council).get(pk=pk)


def awaiting_approval(council: Council) -> list[PressRelease]:
    return list(PressRelease.objects.filter(council=council, status=PressRelease.Status.DRAFT).order_by("id"))


def approved_not_sent(council: Council) -> list[PressRelease]:
    return list(PressRelease.objects.filter(council=council, status=PressRelease.Status.APPROVED).order_by("id"))


def desk_panel(council: Council, user) -> dict | None:
    """Releases waiting for the forperson's approval and approved ones waiting to be sent, with the way to the
    press and volunteering pages: for the secretariat and the members (the forperson approves from the release's
    page). 2 queries."""
    if not user.has_perm("community.draft_press", council):
        return None
    return {
        "waiting": awaiting_approval(council),
        "to_send": approved_not_sent(council),
        "can_approve": user.has_perm("community.approve_press", council),
    }


def coverage(council: Council, *, year: int | None = None) -> QuerySet[MediaCoverage]:
    qs = (
        MediaCoverage.objects.filter(council=council)
        .select_related("topic")
        .prefetch_related(Prefetch("purposes", queryset=Purpose.objects.order_by("number")))
        .order_by("-published_on", "-id")
    )
    if year:
        qs = qs.filter(published_on__year=year)
    return qs


def coverage_entry(council: Council, pk: int) -> MediaCoverage:
    return coverage(council).get(pk=pk)


def coverage_years(council: Council) -> list[int]:
    return list(
        MediaCoverage.objects.filter(council=council)
        .annotate(year=ExtractYear("published_on"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def council_topics(council: Council) -> QuerySet[Topic]:
    return Topic.objects.filter(council=council).order_by("number")


@dataclass
class YearCoverage:
    year: int
    total: int
    per_purpose: list[tuple[Purpose, int]]  # every purpose of the council, zero included, in number order
    without_purpose: int
    entries: list[MediaCoverage]


def coverage_for_year(council: Council, year: int) -> YearCoverage:
    """The year's coverage for the annual report: count per purpose (a piece serving two purposes counts for
    both), the pieces with no purpose, and the entries oldest first (4 queries)."""
    counts = {
        row["purpose_id"]: row["n"]
        for row in MediaCoverage.purposes.through.objects.filter(
            mediacoverage__council=council, mediacoverage__published_on__year=year
        )
        .values("purpose_id")
        .annotate(n=Count("id"))
    }
    entries = list(coverage(council, year=year).order_by("published_on", "id"))
    purposes = list(Purpose.objects.filter(terms_of_reference__council=council).order_by("number"))
    return YearCoverage(
        year=year,
        total=len(entries),
        per_purpose=[(p, counts.get(p.pk, 0)) for p in purposes],
        without_purpose=sum(1 for e in entries if not e.purposes.all()),
        entries=entries,
    )


def press_releases_for_year(council: Council, year: int) -> list[PressRelease]:
    """The releases published in the year, oldest first, with their purposes (for the annual report)."""
    return list(
        press_releases(council)
        .filter(status=PressRelease.Status.PUBLISHED, published_at__year=year)
        .order_by("published_at", "id")
    )


# --- Public ------------------------------------------------------------------------------------------------


def _public(council: Council) -> QuerySet[PressRelease]:
    return PressRelease.objects.filter(council=council, status=PressRelease.Status.PUBLISHED)


def public_press_releases(council: Council) -> list[PressRelease]:
    """Sent and published releases, newest first. Drafts and approved-but-unsent releases never."""
    found = list(_public(council).order_by("-published_at", "-id"))
    for release in found:
        release.title = mask_cpr(release.title)
    return found


def public_press_release(council: Council, pk: int) -> PressRelease:
    release = _public(council).get(pk=pk)
    release.title, release.body = mask_cpr(release.title), mask_cpr(release.body)
    return release
