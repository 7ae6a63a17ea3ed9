"""The REST API's public outputs for the leak test (raad/testing/public_outputs.py). Built after the other
apps' scenarios (the test builds `api…` registrations last): every list of the cast's council, and the detail of
every public thing the other apps published, read through the same `public_…` selectors the API uses. Their
secrets (closed items, drafts, comments, inquiries, unlisted associations, a CPR number in the council's
contact details) must not be in any of it."""

from __future__ import annotations

import datetime

from django.utils import timezone

from raad.community.selectors.associations import public_associations
from raad.community.selectors.events import public_events
from raad.core import mail
from raad.dialogue.selectors.topics import public_topic_list
from raad.meetings.selectors import public_meetings
from raad.statements import services as statements
from raad.statements.selectors import public_consultations, public_statements
from raad.statements.tests.conftest import adopt_at_meeting
from raad.testing.public_outputs import PublicOutputs, register

SECRETS = ["UBESVARET-HØRING", "KLADDE-HØRING"]


def _consultations(cast) -> tuple:
    """Three consultations: one a published response answers (public), one unanswered, one answered by a
    draft only (neither public: their subjects are secrets)."""
    committee = statements.committee_create(
        municipality=cast.council.municipality, name="Teknik- og Miljøudvalget", email="tmu@holbaek.invalid", by=None
    )
    found = [
        statements.consultation_register(
            council=cast.council,
            subject=subject,
            committee=committee,
            received_on=datetime.date(2026, 11, 2),
            deadline=timezone.localdate() + datetime.timedelta(days=60),
            case_number=f"01.02.03-P20-{n}-26",
            by=cast.secretary,
        )
        for n, subject in enumerate(("Klimaplan for Holbæk", "UBESVARET-HØRING", "KLADDE-HØRING om stier"))
    ]
    answer = statements.statement_create(
        council=cast.council,
        kind="response",
        title="Høringssvar om klimaplanen",
        consultation=found[0],
        text="Rådet støtter klimaplanen.",
        by=cast.secretary,
    )
    adopt_at_meeting(answer, by=cast.secretary, day=datetime.date(2026, 11, 26))
    with mail.suppressed():
        statements.statement_send(statement=answer, by=cast.secretary)  # sending publishes it
    statements.statement_create(
        council=cast.council,
        kind="response",
        title="Kladde til høringssvar",
        consultation=found[2],
        text="Kladde.",
        by=cast.secretary,
    )
    return tuple(found)


def build(cast) -> PublicOutputs:
    council = cast.council
    answered, unanswered, drafted = _consultations(cast)
    base = f"/api/councils/{council.slug}"
    lists = ["meetings", "agenda-items", "statements", "consultations", "events", "associations", "topics"]
    public = [
        "/api/councils",
        "/api/openapi.json",
        base,
        f"{base}/members",
        *(f"{base}/{name}?page_size=100" for name in lists),
        *(f"{base}/meetings/{pk}" for pk in public_meetings(council).values_list("pk", flat=True)),
        *(f"{base}/statements/{pk}" for pk in public_statements(council).values_list("pk", flat=True)),
        *(f"{base}/consultations/{pk}" for pk in public_consultations(council).values_list("pk", flat=True)),
        *(f"{base}/events/{pk}" for pk in public_events(council).values_list("pk", flat=True)),
        *(f"{base}/associations/{pk}" for pk in public_associations(council).values_list("pk", flat=True)),
        *(f"{base}/topics/{n}" for n in public_topic_list(council).values_list("number", flat=True)),
        "/aabne-data/",
        "/en/aabne-data/",
    ]
    hidden = [
        f"{base}/meetings/2147483647",
        "/api/councils/findes-ikke",
        f"{base}/consultations/{unanswered.pk}",
        f"{base}/consultations/{drafted.pk}",
    ]
    return PublicOutputs(
        public=public,
        hidden=hidden,
        secrets=SECRETS,
        shown={
            f"{base}/members": ["Amina Yusuf", '"role": "chair"'],
            f"{base}/agenda-items?page_size=100": ["Beskæftigelse for nyankomne"],
            "/api/councils": [council.name, "XXXXXX-XXXX"],
            f"{base}/consultations?page_size=100": ["Klimaplan for Holbæk", '"status": "answered"'],
            f"{base}/consultations/{answered.pk}": ["Teknik- og Miljøudvalget", '"status": "answered"'],
        },
    )


register(app="api_rest", build=build)
