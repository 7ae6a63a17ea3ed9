"""The REST API's public outputs for the leak test (raad/testing/public_outputs.py). Built after the other
apps' scenarios (the test builds `api…` registrations last): every list of the cast's council, and the detail of
every public thing the other apps published, read through the same `public_…` selectors the API uses. Their
secrets (closed items, drafts, comments, inquiries, unlisted associations, a CPR number in the council's
contact details) must not be in any of it."""

from __future__ import annotations

from raad.community.selectors.associations import public_associations
from raad.community.selectors.events import public_events
from raad.dialogue.selectors.topics import public_topic_list
from raad.meetings.selectors import public_meetings
from raad.statements.selectors import public_statements
from raad.testing.public_outputs import PublicOutputs, register


def build(cast) -> PublicOutputs:
    council = cast.council
    base = f"/api/councils/{council.slug}"
    lists = ["meetings", "agenda-items", "statements", "events", "associations", "topics"]
    public = [
        "/api/councils",
        "/api/openapi.json",
        base,
        f"{base}/members",
        *(f"{base}/{name}?page_size=100" for name in lists),
        *(f"{base}/meetings/{pk}" for pk in public_meetings(council).values_list("pk", flat=True)),
        *(f"{base}/statements/{pk}" for pk in public_statements(council).values_list("pk", flat=True)),
        *(f"{base}/events/{pk}" for pk in public_events(council).values_list("pk", flat=True)),
        *(f"{base}/associations/{pk}" for pk in public_associations(council).values_list("pk", flat=True)),
        *(f"{base}/topics/{n}" for n in public_topic_list(council).values_list("number", flat=True)),
        "/aabne-data/",
        "/en/aabne-data/",
    ]
    hidden = [f"{base}/meetings/2147483647", "/api/councils/findes-ikke"]
    return PublicOutputs(
        public=public,
        hidden=hidden,
        secrets=[],
        shown={
            f"{base}/members": ["Amina Yusuf", '"role": "chair"'],
            f"{base}/agenda-items?page_size=100": ["Beskæftigelse for nyankomne"],
            "/api/councils": [council.name, "XXXXXX-XXXX"],
        },
    )


register(app="api_rest", build=build)
