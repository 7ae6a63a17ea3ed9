"""The meetings' public outputs for the leak test (raad/testing/public_outputs.py): a published meeting with
an open and a closed item; the closed item's texts, attachment, decision and minority statement (R20)."""

from __future__ import annotations

from raad.meetings.models import Attachment
from raad.testing.public_outputs import PublicOutputs, register

from .factories import SECRET, published_meeting


def build(cast) -> PublicOutputs:
    meeting, open_item, closed_item = published_meeting(cast)
    slug, pk = cast.council.slug, meeting.pk
    open_attachment = Attachment.objects.get(item=open_item, is_closed=False)
    public, hidden = [], []
    for prefix in ("", "/en"):
        public += [
            f"{prefix}/raad/{slug}/moeder/",
            f"{prefix}/raad/{slug}/moeder/?aar=2026",
            f"{prefix}/raad/{slug}/moeder/{pk}/",
            f"{prefix}/raad/{slug}/moeder/kalender/",
            f"{prefix}/raad/{slug}/moeder/kalender.ics",
            f"{prefix}/raad/{slug}/moeder/{pk}/dagsorden.pdf",
            f"{prefix}/raad/{slug}/moeder/{pk}/referat.pdf",
            f"{prefix}/raad/{slug}/moeder/{pk}/bilag/{open_attachment.pk}/",
            f"{prefix}/raad/{slug}/",
            f"{prefix}/",
        ]
    closed = Attachment.objects.filter(is_closed=True) | Attachment.objects.filter(item=closed_item)
    hidden += [f"/raad/{slug}/moeder/{pk}/bilag/{a.pk}/" for a in closed]
    assert len(public) == 20 and len(hidden) == 2
    return PublicOutputs(
        public=public,
        hidden=hidden,
        secrets=[SECRET, SECRET.lower()],
        shown={
            f"/raad/{slug}/moeder/{pk}/": [
                "Beskæftigelse for nyankomne",
                "Rådet anbefaler flere praktikpladser.",
                "Lukket punkt",  # the closed item by its number only
            ],
            f"/raad/{slug}/moeder/{pk}/referat.pdf": ["Rådet anbefaler flere praktikpladser.", "Lukket punkt"],
        },
    )


register(app="meetings", build=build)
