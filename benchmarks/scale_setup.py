"""Inside Django, for benchmarks/scale_bench.py: two logins for the first generated council and the ids its URLs
need, printed as JSON. Run by the runner as `python -m benchmarks.scale_setup` with the run's environment.

The generator makes no logins (docs/scale.md), so this adds them through the services: a secretariat user
(`bench-sekretariat`, with a confirmed authenticator) and a member (`bench-medlem-<council>`, linked to the forperson of the
current term, who has accepted the duty of confidentiality). Their sessions are written straight into the
session store with the second factor verified, as after a login with a one-time code: the benchmark measures
the pages, not the login. It also brings one coming meeting to 50 agenda items (copies of its own items) for the
agenda packet.
"""

from __future__ import annotations

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raad.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402

from raad.councils.models import Council  # noqa: E402
from raad.meetings.models import AgendaItem, Meeting  # noqa: E402
from raad.testing.processes import signed_in_session  # noqa: E402
from raad.testing.scale.pages import PACKET_ITEMS, logins, page_ids  # noqa: E402


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
        secretary, device, member = logins(council)
        packet = _packet_meeting(council)
    sys.stdout.write(  # the runner reads this JSON line: data, not a message
        json.dumps(
            {
                "cookie": settings.SESSION_COOKIE_NAME,
                "secretary": signed_in_session(secretary, device=device),
                "member": signed_in_session(member),
                **page_ids(council, packet),
            }
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
