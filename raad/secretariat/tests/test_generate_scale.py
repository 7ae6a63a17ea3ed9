"""`manage.py generate_scale` (issue 15): the demo tier's documented counts, determinism from the seed, and the
generated installation as the public sees it (docs/scale.md)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from raad.community.models import Event
from raad.councils.models import Council, Municipality, Term
from raad.dialogue.models import Inquiry, Topic
from raad.meetings.models import AgendaItem, Attendance, Decision, Meeting, Minutes, MinutesEntry
from raad.membership.models import Membership, Person, Seat
from raad.statements.models import Consultation, Statement, StatementVersion
from raad.testing.scale.build import generate
from raad.testing.scale.councils import election_terms
from raad.testing.scale.tiers import TIERS

pytestmark = pytest.mark.django_db


def test_demo_tier_builds_its_documented_counts_and_public_pages_show_no_closed_item(client):
    call_command("generate_scale", "--tier", "demo", "--no-index", stdout=io.StringIO())

    year = timezone.localdate().year
    periods = len(election_terms(year - 1, year))  # 2 when the current year begins an election period, else 1
    counts = {
        model.__name__: model.objects.count()
        for model in (
            Municipality,
            Council,
            Term,
            Seat,
            Person,
            Membership,
            Meeting,
            Attendance,
            AgendaItem,
            Consultation,
        )
        + (Statement, StatementVersion, Event, Topic, Inquiry)
    }
    assert counts == {
        "Municipality": 2,
        "Council": 8,
        "Term": 8 * periods,
        "Seat": 72,
        "Person": 72 * periods,
        "Membership": 72 * periods,
        "Meeting": 146,
        "Attendance": 146 * 9,
        "AgendaItem": 1455,
        "Consultation": 296,
        "Statement": 404,
        "StatementVersion": 404,
        "Event": 32,
        "Topic": 16,
        "Inquiry": 48,
    }
    assert AgendaItem.objects.filter(is_closed=True).count() == 146  # one in ten
    held_long_ago = Meeting.objects.filter(starts_at__lt=timezone.now() - datetime.timedelta(days=21)).count()
    assert Minutes.objects.filter(is_published=True).count() == held_long_ago > 0
    assert (
        Decision.objects.count()
        == MinutesEntry.objects.count()
        == AgendaItem.objects.filter(meeting__minutes__isnull=False).count()
    )
    assert Statement.objects.filter(status=Statement.Status.PUBLISHED, published_at__isnull=False).exists()
    assert sorted(Council.objects.filter(municipality__code="S001").values_list("kind", flat=True)) == [
        "disability",
        "elderly",
        "integration",
        "youth",
    ]

    # A second run into a database with councils is refused without --force.
    with pytest.raises(CommandError, match="already has councils"):
        call_command("generate_scale", "--tier", "demo", "--no-index")

    # The public pages of a generated council answer, and a closed item's text is on none of them.
    meeting = Meeting.objects.filter(minutes__is_published=True, items__is_closed=True).first()
    slug = meeting.council.slug
    closed = AgendaItem.objects.get(meeting=meeting, is_closed=True)
    closed_minutes = MinutesEntry.objects.get(item=closed).text
    pages = [
        reverse("portal:home"),
        reverse("portal:council", kwargs={"slug": slug}),
        reverse("meetings_public:list", kwargs={"slug": slug}),
        reverse("statements:public_archive", kwargs={"slug": slug}),
        reverse("meetings_public:meeting", kwargs={"slug": slug, "pk": meeting.pk}),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert closed.case_presentation_source not in body, url
        assert closed_minutes not in body, url
    assert "Lukket punkt" in body  # the meeting page names the closed item only so
    opened = AgendaItem.objects.filter(meeting=meeting, is_closed=False).first()
    assert MinutesEntry.objects.get(item=opened).text in body


def test_the_same_seed_builds_the_same_data_and_another_seed_other_data():
    one = TIERS["demo"].scaled(fraction=0.5, years=1)  # one municipality, one year
    now = timezone.now()

    def sample() -> list[tuple]:
        council = Council.objects.order_by("-id").filter(kind="integration").first()
        meetings = Meeting.objects.filter(council=council).order_by("starts_at")
        items = AgendaItem.objects.filter(meeting__council=council).order_by("meeting__starts_at", "position")
        return [m.starts_at for m in meetings] + list(items.values_list("title", "case_presentation_source"))

    generate(one, seed=7, now=now, index=False)
    first = sample()
    generate(one, seed=7, now=now, index=False)  # numbered after the first: municipality S002
    again = sample()
    generate(one, seed=8, now=now, index=False)
    other = sample()
    assert Municipality.objects.filter(code__in=["S001", "S002", "S003"]).count() == 3
    assert first == again
    assert first != other
    assert [x for x in first if not isinstance(x, tuple)] != [x for x in other if not isinstance(x, tuple)]
