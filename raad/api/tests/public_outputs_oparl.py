"""OParl's public outputs for the leak test (raad/testing/public_outputs.py): the System object, the bodies and
every external list of the body, also as a client that updates its copy sees them (`modified_since`, with the
deleted objects), and a council's list of meetings. The lists embed every object they hold, so every other app's
scenario (built with this one) passes through them: no closed item, draft, comment or personal data of any app
may appear. Its own scenario: an item (with an open attachment) closed after its agenda went out, whose deleted
AgendaItem and File carry nothing of it, and which the search no longer finds."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raad.meetings import services as meetings
from raad.meetings.tests.conftest import at
from raad.meetings.tests.factories import tiny_pdf
from raad.testing.public_outputs import PublicOutputs, register

LISTS = ("organization", "person", "membership", "meeting", "agendaitem", "paper", "consultation", "file", "location")
CLOSED_LATER = "Oparlfejl hemmeligt punkt lukket efter udsendelse"


def build(cast) -> PublicOutputs:
    meeting = meetings.meeting_plan(council=cast.council, starts_at=at(2027, 2, 4), place="Rådhuset", by=cast.secretary)
    item = meetings.item_add(meeting=meeting, title=CLOSED_LATER, case_presentation=CLOSED_LATER, by=cast.secretary)
    attachment = meetings.attachment_add(
        item=item, title=CLOSED_LATER, upload=SimpleUploadedFile("x.pdf", tiny_pdf(CLOSED_LATER)), by=cast.secretary
    )
    meetings.meeting_send_notice(meeting=meeting, by=cast.secretary)
    meetings.item_update(item=item, data={"is_closed": True}, by=cast.secretary)

    body = f"/oparl/body/{cast.council.municipality_id}/"
    public = ["/oparl/", "/oparl/body/", body, f"{body}legislativeterm/"]
    public += [f"{body}{name}/" for name in LISTS]
    updating = ("person", "membership", "file", "agendaitem", "meeting")
    public += [f"{body}{name}/?modified_since=2000-01-01T00:00:00" for name in updating]
    public += [f"/oparl/organization/council/{cast.council.pk}/meeting/"]
    public += [f"/oparl/agendaitem/{item.pk}/", f"/oparl/file/attachment/{attachment.pk}/"]  # deleted
    public += ["/soeg/?" + urlencode({"q": "Oparlfejl"})]  # (the page repeats the words asked for)
    assert len(public) == 22
    return PublicOutputs(
        public=public,
        secrets=[CLOSED_LATER],  # and every other app's secrets are checked against these outputs
        hidden=[reverse("meetings_public:attachment", args=[cast.council.slug, meeting.pk, attachment.pk])],
        shown={"/oparl/": ["https://schema.oparl.org/1.1/"], "/oparl/body/": [cast.council.municipality.name]},
    )


register(app="api_oparl", build=build)
