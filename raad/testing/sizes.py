"""Constant queries at two data sizes (issue #13): the number of database queries of a list (an API answer, a
public page, a feed) as a test counts it, and `grow`, which adds `n` more of everything the public lists show,
through the services, so a test can count once, grow the data and count again."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raad.core import mail


def query_counts(client, urls: Iterable[str], **headers: str) -> dict[str, int]:
    """How many queries each address costs (each must answer 200), asked once before counting so that what a
    process caches once (content types, the site's settings) is not counted."""
    counts = {}
    for url in urls:
        client.get(url, **headers)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, **headers)
        assert response.status_code == 200, (url, response.status_code)
        counts[url] = len(captured)
    return counts


def grow(cast, n: int, *, start: int = 0) -> None:
    """`n` more of each public list's rows for the cast's council (numbered from `start`, so a second call adds
    new ones): meetings with two open items and their notice sent, consultations each answered by a published
    response, published events with purposes and a co-organiser, published topics, and listed associations
    offering languages. Every service writes the audit journal, so it grows too."""
    from raad.community.services import associations as association_services
    from raad.community.services import events as event_services
    from raad.councils.models import Purpose
    from raad.dialogue.services import topics as topic_services
    from raad.meetings import services as meeting_services
    from raad.statements import services as statements
    from raad.statements.models import Committee
    from raad.statements.tests.conftest import adopt_at_meeting

    council, by = cast.council, cast.secretary
    purposes = list(Purpose.objects.filter(terms_of_reference__council=council).order_by("number")[:2])
    committee, _created = Committee.objects.get_or_create(
        municipality=council.municipality, name="Størrelsesudvalget", defaults={"email": "size@holbaek.invalid"}
    )
    soon = timezone.now() + datetime.timedelta(days=30)
    for i in range(start, start + n):
        association = association_services.association_create(
            council=council, data={"name": f"Forening {i}", "purpose": "Fællesskab.", "languages": ["da", "ar"]}, by=by
        )
        event = event_services.event_create(
            council=council,
            data={
                "title": f"Sprogcafé {i}",
                "starts_at": soon + datetime.timedelta(days=i),
                "place": "Biblioteket",
                "purposes": purposes,
                "co_organisers": [association],
            },
            by=by,
        )
        event_services.event_publish(event=event, by=by)
        topic_services.topic_create(
            council=council,
            title=f"Fritidsjob {i}",
            summary="Unge søger job.",
            purposes=purposes[:1],
            published=True,
            by=by,
        )
        meeting = meeting_services.meeting_plan(
            council=council, starts_at=soon + datetime.timedelta(days=i, hours=3), place="Rådhuset", by=by
        )
        for j in range(2):
            meeting_services.item_add(meeting=meeting, title=f"Punkt {j + 1} om fritidsjob", by=by)
        with mail.suppressed():
            meeting_services.meeting_send_notice(meeting=meeting, by=by)
        consultation = statements.consultation_register(
            council=council,
            subject=f"Høring {i} om fritidsjob",
            committee=committee,
            received_on=datetime.date(2026, 2, 2),
            deadline=datetime.date(2099, 12, 31),
            case_number=f"00.01.00-P20-{i}-26",
            by=by,
        )
        response = statements.statement_create(
            council=council,
            kind="response",
            title=f"Høringssvar {i} om fritidsjob",
            consultation=consultation,
            recipient=committee,
            purpose=purposes[0] if purposes else None,
            text="Rådet støtter fritidsjob.",
            by=by,
        )
        adopt_at_meeting(response, by=by, day=datetime.date(2026, 2, 10) + datetime.timedelta(days=i))
        statements.statement_publish(statement=response, by=by)
