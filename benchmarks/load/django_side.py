"""The load run's steps that need Django, run in their own process against the run's database
(`python -m benchmarks.load.django_side prepare PLAN` / `verify WRITES RESULT SINCE`, environment from `run.py`).

prepare: a login for every member of Holbæk's integration council who has none (as the demo's members get one,
through the services), a signed-in session for each and for the secretariat (second factor verified, as after
its one-time code), and the ids the locustfile needs, written as JSON.

verify: every write the locustfile recorded is looked up in the database. A write that got a success must be
there exactly once; one that failed (a 503 while the database was down) may be there once or not at all, never
twice. Apologies are counted per member: at least the accepted ones, at most the accepted plus the failed."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raad.settings")
    import django

    django.setup()


def prepare(plan_path: Path) -> None:
    from django.db.models import Q
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raad.community.models import Event
    from raad.councils.models import Council
    from raad.meetings.models import Meeting
    from raad.membership.models import Membership
    from raad.membership.services import confidentiality_acknowledge, person_link_user
    from raad.testing.cast import make_user
    from raad.testing.processes import signed_in_session as _session

    now = timezone.now()
    council = Council.objects.get(slug="integrationsraadet")
    today = timezone.localdate()
    memberships = list(
        Membership.objects.filter(seat__council=council, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("person__user")
        .order_by("pk")
    )
    members = []
    for membership in memberships:
        person = membership.person
        user = person.user
        if user is None:
            user = make_user(
                f"last-{person.pk}", person.first_name, person.last_name, email=f"last-{person.pk}@test.invalid"
            )
            person_link_user(person=person, user=user, by=None)
            confidentiality_acknowledge(person=person, by=user)
        members.append({"username": user.username, "session": _session(user)})
    upcoming = list(
        Meeting.objects.filter(council=council, starts_at__gt=now + timezone.timedelta(days=1))
        .exclude(status__in=[Meeting.Status.HELD, Meeting.Status.CANCELLED])
        .order_by("starts_at")
        .values_list("pk", flat=True)
    )
    public = list(
        Meeting.objects.filter(council=council, starts_at__lt=now, status=Meeting.Status.HELD)
        .order_by("-starts_at")
        .values_list("pk", flat=True)[:10]
    )
    events = list(
        Event.objects.filter(council=council, status=Event.Status.PUBLISHED, registration_required=True)
        .filter(starts_at__gt=now)
        .filter(Q(registration_deadline__isnull=True) | Q(registration_deadline__gt=now + timezone.timedelta(hours=2)))
        .values_list("pk", flat=True)
    )
    secretary = TOTPDevice.objects.select_related("user").get(user__username="sekretariat", confirmed=True)
    plan = {
        "council": council.slug,
        "members": members,
        "upcoming_meetings": upcoming,
        "public_meetings": public,
        "events": events,
        "secretariat_session": _session(secretary.user, device=secretary),
    }
    plan_path.write_text(json.dumps(plan, indent=1))


def verify(writes_path: Path, result_path: Path, since: float) -> None:
    """`since`: when this load began (a Unix time); the journal is counted from then (one installation can serve
    several loads)."""
    import datetime

    from raad.community.models import EventRegistration
    from raad.core.models import AuditEntry
    from raad.dialogue.models import Inquiry
    from raad.meetings.models import AgendaItem

    lookups = {
        "inquiry": lambda key: Inquiry.objects.filter(text__contains=key).count(),
        "registration": lambda key: EventRegistration.objects.filter(email=key).count(),
        "item": lambda key: AgendaItem.objects.filter(title=key).count(),
    }
    accepted: Counter = Counter()
    lost, doubled, failed_but_kept = [], [], 0
    apologies: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (user, verb): [accepted, failed]
    lines = writes_path.read_text().splitlines() if writes_path.exists() else []
    for line in lines:
        write = json.loads(line)
        kind, ok = write["kind"], write["ok"]
        if kind in ("apology", "apology_withdrawn"):
            apologies[(write["user"], "attendance." + kind)][0 if ok else 1] += 1
            accepted[kind] += ok
            continue
        found = lookups[kind](write["key"])
        accepted[kind] += ok
        if ok and found == 0:
            lost.append(write)
        elif found > 1:
            doubled.append(write)
        elif not ok and found == 1:
            failed_but_kept += 1
    for (username, verb), (ok, failed) in apologies.items():
        began = datetime.datetime.fromtimestamp(since, tz=datetime.UTC)
        found = AuditEntry.objects.filter(actor__username=username, verb=verb, at__gte=began).count()
        if found < ok:
            lost.append({"kind": verb, "user": username, "accepted": ok, "found": found})
        if found > ok + failed:
            doubled.append({"kind": verb, "user": username, "attempted": ok + failed, "found": found})
    result = {
        "writes_recorded": len(lines),
        "accepted": dict(accepted),
        "lost": lost,
        "doubled": doubled,
        "failed_but_kept": failed_but_kept,
    }
    result_path.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    _setup()
    if sys.argv[1] == "prepare":
        prepare(Path(sys.argv[2]))
    elif sys.argv[1] == "verify":
        verify(Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4]))
    else:
        raise SystemExit(f"unknown step {sys.argv[1]!r}")
