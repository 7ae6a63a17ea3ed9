"""Each setting of the rules of procedure changes what the software does: flipped in a new version of the
rules (adopted by the board, in force before the meeting), the behaviour follows it."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db.models import Q
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import OutgoingMail
from raad.councils.presets import PRESETS
from raad.councils.services import board_decision_record, rules_adopt_version
from raad.meetings import services
from raad.meetings.models import Minutes
from raad.meetings.tests.conftest import all_present, at
from raad.meetings.tests.factories import meeting_with_items
from raad.testing import assert_unchanged

IN_FORCE = datetime.date(2026, 3, 1)


def new_version(council, *, in_force_from=IN_FORCE, **changes):
    """A new version of the rules of procedure with `changes` over Holbæk's preset."""
    decision = board_decision_record(
        municipality=council.municipality,
        decided_on=in_force_from - datetime.timedelta(days=20),
        reference="KB, pkt. 4",
        title="Ny forretningsorden",
        by=None,
    )
    return rules_adopt_version(
        council=council,
        settings=dict(PRESETS["holbaek"]["rules"]["settings"], **changes),
        in_force_from=in_force_from,
        adopted_on=decision.decided_on,
        decision=decision,
        by=None,
    )


# ------------------------------------------------------------------ meetings_public (§ 4, R20)

CLOSED_NOTE = "Mødet er lukket for offentligheden."
OPEN_NOTE = "Mødet er åbent for offentligheden: alle er velkomne til at overvære behandlingen af de åbne punkter."


def test_the_public_meeting_page_says_whether_the_public_may_attend(client, cast):
    closed = meeting_with_items(cast, starts=at(2026, 2, 20))
    new_version(cast.council, meetings_public=True)
    public = meeting_with_items(cast, starts=at(2026, 3, 20))
    page = client.get(f"/raad/{cast.council.slug}/moeder/{closed.pk}/").content.decode()
    assert CLOSED_NOTE in page and OPEN_NOTE not in page
    page = client.get(f"/raad/{cast.council.slug}/moeder/{public.pk}/").content.decode()
    assert OPEN_NOTE in page and CLOSED_NOTE not in page


# ------------------------------------------------------------------ minutes_approval (§ 7, R21)


def _held_with_circulated_minutes(cast, starts):
    meeting = meeting_with_items(cast, starts=starts)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    minutes = services.minutes_start(meeting=meeting, by=cast.secretary)
    services.minutes_circulate(minutes=minutes, by=cast.secretary)
    for membership in cast.members:
        services.minutes_respond(minutes=minutes, membership=membership, kind="approve", by=None)
    return minutes


def test_minutes_approved_by_circulation_only_when_the_rules_say_so(cast):
    before = _held_with_circulated_minutes(cast, at(2026, 2, 20))
    services.minutes_approve(minutes=before, how=Minutes.Approval.CIRCULATION, by=cast.secretary)
    new_version(cast.council, minutes_approval="next_meeting")
    after = _held_with_circulated_minutes(cast, at(2026, 3, 20))
    with (
        assert_unchanged(),
        pytest.raises(
            RuleViolation,
            match=r"^Efter forretningsordenen godkendes referatet på det næste møde, ikke ved rundsendelse "
            r"\(forretningsorden § 7\)\.$",
        ),
    ):
        services.minutes_approve(minutes=after, how=Minutes.Approval.CIRCULATION, by=cast.secretary)
    following = meeting_with_items(cast, starts=at(2026, 4, 20))
    services.meeting_send_notice(meeting=following, by=cast.secretary)
    services.minutes_approve(minutes=after, how=Minutes.Approval.NEXT_MEETING, at_meeting=following, by=cast.secretary)
    after.refresh_from_db()
    assert (after.status, after.approved_at_meeting) == (Minutes.Status.APPROVED, following)


# ------------------------------------------------------------------ substitutes_only_when_absent (§ 1, R19)


def _notice_recipients(meeting) -> set[str]:
    keys = Q(key__startswith=f"notice:{meeting.pk}:") | Q(key__startswith=f"notice-substitute:{meeting.pk}:")
    return set(OutgoingMail.objects.filter(keys).values_list("to", flat=True))


def test_substitutes_are_summoned_to_every_meeting_only_when_the_rules_say_so(cast):
    substitute_email = cast.substitute.person.email
    only_when_absent = meeting_with_items(cast, starts=at(2026, 2, 20))
    services.meeting_send_notice(meeting=only_when_absent, by=cast.secretary)
    assert substitute_email not in _notice_recipients(only_when_absent)

    new_version(cast.council, substitutes_only_when_absent=False)
    every_meeting = meeting_with_items(cast, starts=at(2026, 3, 20))
    services.meeting_send_notice(meeting=every_meeting, by=cast.secretary)
    [mail] = OutgoingMail.objects.filter(to=substitute_email, key__startswith=f"notice-substitute:{every_meeting.pk}:")
    assert "Som personlig stedfortræder for Ahmad Rahimi kan du deltage i mødet uden stemmeret" in mail.body
    members = {m.person.email for m in cast.members}
    assert _notice_recipients(every_meeting) == members | {substitute_email}


# ------------------------------------------------------------------ annual_report_due_month (§ 10, R23)


def _annual_report_panel(cast) -> str | None:
    from django.test import RequestFactory

    from raad.core import desk

    request = RequestFactory().get("/")
    request.user = cast.secretary
    return {p.key: p.html for p in desk.panels_for(cast.council, request)}.get("annual_report")


def test_the_desk_shows_the_annual_report_deadline_from_the_rules(cast):
    cph = timezone.get_default_timezone()
    with time_machine.travel(datetime.datetime(2027, 2, 10, 10, tzinfo=cph)):
        html = _annual_report_panel(cast)
        assert (
            "Beretningen for 2026 skal afgives til kommunalbestyrelsen senest 31. marts 2027 "
            "(forretningsorden § 10, stk. 1)." in html
        )
        assert "49 dage tilbage." in html
    new_version(cast.council, in_force_from=datetime.date(2027, 1, 1), annual_report_due_month=6)
    with time_machine.travel(datetime.datetime(2027, 2, 10, 10, tzinfo=cph)):
        assert "senest 30. juni 2027" in _annual_report_panel(cast)
    with time_machine.travel(datetime.datetime(2027, 7, 1, 10, tzinfo=cph)):
        assert "Beretningen for 2027 skal afgives til kommunalbestyrelsen senest 30. juni 2028" in (
            _annual_report_panel(cast)
        )


def test_the_annual_report_deadline_is_for_the_secretariat_only(cast):
    from django.test import RequestFactory

    from raad.core import desk

    request = RequestFactory().get("/")
    request.user = cast.users["medlem"]
    assert "annual_report" not in {p.key for p in desk.panels_for(cast.council, request)}
