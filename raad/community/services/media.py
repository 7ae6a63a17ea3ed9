"""Local media (medier): writes (raad.community.services.media).

Press releases are drafted by the secretariat or the members, approved by the forperson in office (the
secretariat cannot approve), then sent to the media list, one e-mail per outlet and never twice to the same
outlet, and published. The coverage log records what the media wrote. CPR numbers are masked (R30)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.community.models import MediaCoverage, MediaOutlet, PressRelease, PressReleaseDispatch
from raad.core import audit, mail
from raad.core.errors import RuleViolation
from raad.core.links import absolute_url
from raad.core.models import User
from raad.core.text import clean_text
from raad.councils.models import Council, Purpose
from raad.councils.rules import Violation, purpose_of_other_council
from raad.councils.selectors import purposes_outside
from raad.councils.services import ensure_not_archived
from raad.dialogue.models import Topic
from raad.membership.models import Membership
from raad.membership.selectors import memberships_in_force

from .common import recorded_by

RELEASE_FIELDS = ("title", "body", "internal_note")
COVERAGE_FIELDS = ("outlet", "published_on", "headline", "link")


# --- The media list ----------------------------------------------------------------------------------------


def _outlet_data(council: Council, name: str, email: str, pk=None) -> dict:
    data = {"name": clean_text(name), "email": (email or "").strip()}
    violations = []
    if not data["name"]:
        violations.append(Violation("name", _("Skriv mediets navn.")))
    elif MediaOutlet.objects.filter(council=council, name=data["name"]).exclude(pk=pk).exists():
        violations.append(Violation("name", _("Mediet er allerede på medielisten.")))
    if not data["email"]:
        violations.append(Violation("email", _("Skriv redaktionens e-mailadresse.")))
    if violations:
        raise RuleViolation(violations)
    return data


@transaction.atomic
def outlet_add(*, council: Council, name: str, email: str, by: User | None) -> MediaOutlet:
    ensure_not_archived(council)
    outlet = MediaOutlet.objects.create(council=council, **_outlet_data(council, name, email))
    audit.record(
        actor=by,
        verb="media_outlet.added",
        target=outlet,
        council_id=council.pk,
        changes=audit.created(name=outlet.name, email=outlet.email),
    )
    return outlet


@transaction.atomic
def outlet_update(*, outlet: MediaOutlet, name: str, email: str, active: bool, by: User | None) -> MediaOutlet:
    outlet = MediaOutlet.objects.select_for_update(of=("self",)).select_related("council").get(pk=outlet.pk)
    ensure_not_archived(outlet.council)
    data = _outlet_data(outlet.council, name, email, pk=outlet.pk)
    data["active"] = bool(active)
    before = audit.snapshot(outlet, ("name", "email", "active"))
    for key, value in data.items():
        setattr(outlet, key, value)
    outlet.save(update_fields=["name", "email", "active", "updated_at"])
    changes = audit.diff(before, audit.snapshot(outlet, ("name", "email", "active")))
    if changes:
        audit.record(
            actor=by, verb="media_outlet.updated", target=outlet, council_id=outlet.council_id, changes=changes
        )
    return outlet


# --- Press releases ----------------------------------------------------------------------------------------


def _release_data(council: Council, title: str, body: str, internal_note: str, purposes: list[Purpose]) -> dict:
    data = {"title": clean_text(title), "body": clean_text(body), "internal_note": clean_text(internal_note)}
    violations = []
    if not data["title"]:
        violations.append(Violation("title", _("Skriv en overskrift.")))
    if not data["body"]:
        violations.append(Violation("body", _("Skriv pressemeddelelsens tekst.")))
    if purposes_outside(council.pk, purposes):
        violations.append(purpose_of_other_council())
    if violations:
        raise RuleViolation(violations)
    return data


def _lock(release: PressRelease) -> PressRelease:
    return PressRelease.objects.select_for_update(of=("self",)).select_related("council").get(pk=release.pk)


@transaction.atomic
def press_release_draft(
    *,
    council: Council,
    title: str,
    body: str,
    internal_note: str = "",
    purposes: Iterable[Purpose] = (),
    by: User | None,
) -> PressRelease:
    """A new press release in draft: never public until the forperson has approved it and it is sent."""
    ensure_not_archived(council)
    purposes = list(purposes)
    data = _release_data(council, title, body, internal_note, purposes)
    release = PressRelease.objects.create(council=council, created_by=recorded_by(by), **data)
    release.purposes.set(purposes)
    audit.record(
        actor=by,
        verb="press_release.drafted",
        target=release,
        council_id=council.pk,
        changes=audit.created(title=release.title, purposes=[p.number for p in purposes]),
    )
    return release


@transaction.atomic
def press_release_update(
    *,
    release: PressRelease,
    title: str,
    body: str,
    internal_note: str = "",
    purposes: Iterable[Purpose] = (),
    by: User | None,
) -> PressRelease:
    """Change a draft. An approved release is what the forperson approved: it cannot be changed."""
    release = _lock(release)
    ensure_not_archived(release.council)
    if release.status != PressRelease.Status.DRAFT:
        raise RuleViolation([_("Pressemeddelelsen er godkendt og kan ikke længere ændres.")])
    purposes = list(purposes)
    data = _release_data(release.council, title, body, internal_note, purposes)
    before = audit.snapshot(release, RELEASE_FIELDS)
    before["purposes"] = sorted(release.purposes.values_list("number", flat=True))
    for key, value in data.items():
        setattr(release, key, value)
    release.save(update_fields=[*RELEASE_FIELDS, "updated_at"])
    release.purposes.set(purposes)
    after = audit.snapshot(release, RELEASE_FIELDS)
    after["purposes"] = sorted(p.number for p in purposes)
    changes = audit.diff(before, after)
    if changes:
        audit.record(
            actor=by, verb="press_release.updated", target=release, council_id=release.council_id, changes=changes
        )
    return release


def chair_membership(user: User | None, council: Council | int, on: datetime.date | None = None) -> Membership | None:
    """The user's membership as forperson in force on the day, or None (not a member then, or not the chair)."""
    if user is None or not user.is_authenticated:
        return None
    membership = memberships_in_force(council, on).filter(person__user=user).first()
    if membership is None or membership.role != Membership.Role.CHAIR:
        return None
    return membership


@transaction.atomic
def press_release_approve(*, release: PressRelease, by: User, on: datetime.date | None = None) -> PressRelease:
    """The forperson in office approves the draft as it stands. Nobody else can: not the secretariat, not the
    næstforperson."""
    release = _lock(release)
    ensure_not_archived(release.council)
    if chair_membership(by, release.council_id, on or timezone.localdate()) is None:
        raise RuleViolation([_("Kun rådets forperson kan godkende en pressemeddelelse.")])
    if release.status != PressRelease.Status.DRAFT:
        raise RuleViolation([_("Pressemeddelelsen er allerede godkendt.")])
    release.status = PressRelease.Status.APPROVED
    release.approved_by = by
    release.approved_at = timezone.now()
    release.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
    audit.record(
        actor=by,
        verb="press_release.approved",
        target=release,
        council_id=release.council_id,
        changes=audit.changed(status=(PressRelease.Status.DRAFT, PressRelease.Status.APPROVED)),
    )
    return release


@transaction.atomic
def press_release_send(*, release: PressRelease, by: User | None) -> list[PressReleaseDispatch]:
    """Send the approved release to every outlet on the media list it has not gone to yet (one e-mail each,
    through the outbox) and publish it. Sending again reaches only outlets added since; none twice."""
    release = _lock(release)
    ensure_not_archived(release.council)
    if release.status == PressRelease.Status.DRAFT:
        raise RuleViolation([_("Pressemeddelelsen skal godkendes af forpersonen, før den sendes.")])
    sent_to = set(PressReleaseDispatch.objects.filter(release=release).values_list("outlet_id", flat=True))
    outlets = [
        o
        for o in MediaOutlet.objects.filter(council=release.council, active=True).order_by("name")
        if o.pk not in sent_to
    ]
    if not outlets and release.status == PressRelease.Status.PUBLISHED:
        raise RuleViolation([_("Pressemeddelelsen er allerede sendt til alle medier på medielisten.")])
    now = timezone.now()
    link = absolute_url(reverse("community:press_release", args=[release.council.slug, release.pk]))
    dispatches = [
        PressReleaseDispatch(release=release, outlet=o, email=o.email, sent_at=now, sent_by=recorded_by(by))
        for o in outlets
    ]
    with mail.batch():
        for outlet in outlets:
            mail.queue(
                key=f"press_release:{release.pk}:{outlet.pk}",
                to=outlet.email,
                template="community/media/email/press_release",
                context={"release": release, "council": release.council, "outlet": outlet, "link": link},
                council=release.council,
            )
    PressReleaseDispatch.objects.bulk_create(dispatches)
    if release.status != PressRelease.Status.PUBLISHED:
        release.status = PressRelease.Status.PUBLISHED
        release.published_at = now
        release.save(update_fields=["status", "published_at", "updated_at"])
    audit.record(
        actor=by,
        verb="press_release.sent",
        target=release,
        council_id=release.council_id,
        changes=audit.created(outlets=[o.name for o in outlets]),
    )
    return dispatches


# --- The coverage log --------------------------------------------------------------------------------------


def _coverage_data(
    council: Council,
    *,
    outlet: str,
    published_on: datetime.date | None,
    headline: str,
    link: str,
    topic: Topic | None,
    purposes: list[Purpose],
) -> dict:
    data = {
        "outlet": clean_text(outlet),
        "published_on": published_on,
        "headline": clean_text(headline),
        "link": link or "",
        "topic": topic,
    }
    violations = []
    if not data["outlet"]:
        violations.append(Violation("outlet", _("Skriv mediets navn.")))
    if published_on is None:
        violations.append(Violation("published_on", _("Angiv datoen.")))
    elif published_on > timezone.localdate():
        violations.append(Violation("published_on", _("Datoen kan ikke ligge i fremtiden.")))
    if not data["headline"]:
        violations.append(Violation("headline", _("Skriv overskriften.")))
    if topic is not None and topic.council_id != council.pk:
        violations.append(Violation("topic", _("Emnet hører til et andet råd.")))
    if purposes_outside(council.pk, purposes):
        violations.append(purpose_of_other_council())
    if violations:
        raise RuleViolation(violations)
    return data


def _coverage_snapshot(coverage: MediaCoverage, purposes: list[Purpose]) -> dict:
    snap = audit.snapshot(coverage, COVERAGE_FIELDS)
    snap.update(topic=coverage.topic_id, purposes=sorted(p.number for p in purposes))
    return snap


@transaction.atomic
def coverage_record(
    *,
    council: Council,
    outlet: str,
    published_on: datetime.date | None,
    headline: str,
    link: str = "",
    topic: Topic | None = None,
    purposes: Iterable[Purpose] = (),
    by: User | None,
) -> MediaCoverage:
    """Record a piece the media published about the council or its topics."""
    ensure_not_archived(council)
    purposes = list(purposes)
    data = _coverage_data(
        council, outlet=outlet, published_on=published_on, headline=headline, link=link, topic=topic, purposes=purposes
    )
    coverage = MediaCoverage.objects.create(council=council, recorded_by=recorded_by(by), **data)
    coverage.purposes.set(purposes)
    audit.record(
        actor=by,
        verb="media_coverage.recorded",
        target=coverage,
        council_id=council.pk,
        changes=audit.created(**_coverage_snapshot(coverage, purposes)),
    )
    return coverage


@transaction.atomic
def coverage_update(
    *,
    coverage: MediaCoverage,
    outlet: str,
    published_on: datetime.date | None,
    headline: str,
    link: str = "",
    topic: Topic | None = None,
    purposes: Iterable[Purpose] = (),
    by: User | None,
) -> MediaCoverage:
    coverage = MediaCoverage.objects.select_for_update(of=("self",)).select_related("council").get(pk=coverage.pk)
    ensure_not_archived(coverage.council)
    purposes = list(purposes)
    data = _coverage_data(
        coverage.council,
        outlet=outlet,
        published_on=published_on,
        headline=headline,
        link=link,
        topic=topic,
        purposes=purposes,
    )
    before = _coverage_snapshot(coverage, list(coverage.purposes.all()))
    for key, value in data.items():
        setattr(coverage, key, value)
    coverage.save()
    coverage.purposes.set(purposes)
    changes = audit.diff(before, _coverage_snapshot(coverage, purposes))
    if changes:
        audit.record(
            actor=by, verb="media_coverage.updated", target=coverage, council_id=coverage.council_id, changes=changes
        )
    return coverage
