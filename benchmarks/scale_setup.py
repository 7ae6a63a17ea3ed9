"""Inside Django, for benchmarks/scale_bench.py: two logins for the first generated council and the ids its URLs
need, printed as JSON. Run by the runner as `python -m benchmarks.scale_setup` with the run's environment.

The generator makes no logins (docs/scale.md), so this adds them through the services: a secretariat user
(`bench-sekretariat`, with a confirmed authenticator) and a member (`bench-medlem`, linked to the forperson of the
current term, who has accepted the duty of confidentiality). Their sessions are written straight into the
session store with the second factor verified, as after a login with a one-time code: the benchmark measures
the pages, not the login. It also brings one coming meeting to 50 agenda items (copies of its own items) for the
agenda packet.
"""

from __future__ import annotations

import datetime
import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raad.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from raad.core.models import User  # noqa: E402
from raad.core.roles import Role  # noqa: E402
from raad.core.services import user_create  # noqa: E402
from raad.councils.models import Council, StaffAssignment  # noqa: E402
from raad.councils.services import staff_assign  # noqa: E402
from raad.meetings.models import AgendaItem, Meeting  # noqa: E402
from raad.membership.models import Membership  # noqa: E402
from raad.membership.services import confidentiality_acknowledge, person_link_user  # noqa: E402

PACKET_ITEMS = 50


def _session(user, device=None) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = next(  # the backend that keeps sessions (the first one, axes, only counts failures)
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
    )
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if device is not None:
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.create()
    return store.session_key


def _logins(council: Council) -> tuple:
    today = timezone.localdate()
    secretary = User.objects.filter(username="bench-sekretariat").first()
    if secretary is None:
        secretary = user_create(
            username="bench-sekretariat", email="bench-sekretariat@bench.invalid", first_name="Bente",
            last_name="Sekretær", password=None, by=None,
        )  # fmt: skip
    if not StaffAssignment.objects.filter(user=secretary, council=council).exists():
        staff_assign(council=council, user=secretary, role=Role.SECRETARIAT, starts_on=today, by=None)
    device = TOTPDevice.objects.filter(user=secretary, confirmed=True).first() or TOTPDevice.objects.create(
        user=secretary, confirmed=True, name="bench"
    )
    member = User.objects.filter(username="bench-medlem").first()
    if member is None:
        chair = (
            Membership.objects.filter(
                seat__council=council, starts_on__lte=today, person__user__isnull=True, role=Membership.Role.CHAIR
            )
            .exclude(ends_on__lt=today)
            .select_related("person")
            .order_by("-starts_on")
            .first()
        )
        member = user_create(
            username="bench-medlem", email="bench-medlem@bench.invalid", first_name=chair.person.first_name,
            last_name=chair.person.last_name, password=None, by=None,
        )  # fmt: skip
        person_link_user(person=chair.person, user=member, by=None)
        confidentiality_acknowledge(person=chair.person, by=member)
    return _session(secretary, device), _session(member)


def _packet_meeting(council: Council) -> Meeting:
    """The council's latest meeting (coming, or held if none is coming) brought to 50 agenda items (copies of its
    own, as the generator writes them; no files, so the packet is the rendered agenda alone)."""
    meeting = Meeting.objects.filter(council=council).order_by("-starts_at").first()
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position"))
    if len(items) < PACKET_ITEMS:
        copies = []
        for position in range(len(items) + 1, PACKET_ITEMS + 1):
            source = items[(position - 1) % len(items)]
            copies.append(
                AgendaItem(
                    meeting=meeting,
                    position=position,
                    kind=source.kind,
                    title=f"{source.title} ({position})",
                    case_presentation=source.case_presentation,
                    case_presentation_source=source.case_presentation_source,
                    proposed_decision=source.proposed_decision,
                    is_closed=source.is_closed,
                )
            )
        AgendaItem.objects.bulk_create(copies)
    return meeting


def main() -> None:
    council = Council.objects.select_related("municipality").order_by("pk").first()
    with transaction.atomic():
        secretary_session, member_session = _logins(council)
        packet = _packet_meeting(council)
    held = (
        Meeting.objects.filter(council=council, status="held", minutes__status="approved")
        .exclude(pk=packet.pk)
        .order_by("-starts_at")
        .values_list("pk", flat=True)
        .first()
    )
    from raad.statements.models import Consultation, Statement

    statement = Statement.objects.filter(council=council, published_at__isnull=False).order_by("-pk").first()
    consultation = Consultation.objects.filter(council=council).order_by("-pk").first()
    from raad.community.models import Event
    from raad.dialogue.models import Topic

    event = Event.objects.filter(council=council).order_by("-pk").first()
    topic = Topic.objects.filter(council=council).order_by("-pk").first()
    print(
        json.dumps(
            {
                "cookie": settings.SESSION_COOKIE_NAME,
                "secretary": secretary_session,
                "member": member_session,
                "slug": council.slug,
                "council_pk": council.pk,
                "municipality": council.municipality.code,
                "municipality_pk": council.municipality_id,
                "held_meeting": held,
                "packet_meeting": packet.pk,
                "statement": statement.pk if statement else None,
                "consultation": consultation.pk if consultation else None,
                "event": event.pk if event else None,
                "topic": topic.number if topic else None,
                "year": datetime.date.today().year - 1,
            }
        )
    )


if __name__ == "__main__":
    main()
