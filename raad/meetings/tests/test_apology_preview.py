"""An apology (afbud) is previewed before it is sent (whom it tells, the substitute's invitation as it goes
out), confirmed by a POST, and can be withdrawn by the member until the meeting starts."""

from __future__ import annotations

import time_machine
from django.core import mail as django_mail

from raad.core.models import AuditEntry, OutgoingMail
from raad.meetings import services
from raad.meetings.models import Attendance

from .conftest import at


def url(cast, meeting, rest="afbud/"):
    return f"/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/{rest}"


def test_preview_names_the_substitute_and_shows_the_invitation_and_sends_nothing(client, cast, meeting):
    client.force_login(cast.users["medlem"])
    response = client.get(url(cast, meeting))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Din personlige stedfortræder Sara Lindholm indkaldes" in page
    assert "sara@test.invalid" in page
    assert "Kære Sara" in page  # the invitation as it will be sent
    assert "Ahmad Rahimi har meldt afbud" in page
    assert "Bekræft afbud" in page
    assert not Attendance.objects.exists() and not OutgoingMail.objects.exists()


def test_a_post_without_confirmation_records_nothing(client, cast, meeting):
    client.force_login(cast.users["medlem"])
    response = client.post(url(cast, meeting))
    assert response.status_code == 302 and response["Location"] == url(cast, meeting)
    assert not Attendance.objects.exists() and not OutgoingMail.objects.exists()


def test_withdrawn_before_the_start_restores_attendance_and_is_recorded(
    client, cast, meeting, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(2026, 12, 10, 12), tick=False):
        client.force_login(cast.users["medlem"])
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url(cast, meeting), {"confirm": "yes"})
        assert [m.to for m in django_mail.outbox] == [["sara@test.invalid"]]
        page = client.get(url(cast, meeting, "")).content.decode()
        assert "Træk afbuddet tilbage" in page
        response = client.post(url(cast, meeting, "afbud/tilbage/"), follow=True)
    assert "Dit afbud er trukket tilbage" in response.content.decode()
    attendance = Attendance.objects.get()
    assert (attendance.status, attendance.apology_at, attendance.substitute_id) == (
        Attendance.Status.EXPECTED,
        None,
        None,
    )
    entry = AuditEntry.objects.filter(verb="attendance.apology_withdrawn").get()
    assert entry.actor == cast.users["medlem"]
    assert entry.changes["status"] == {"before": "apology", "after": "expected"}
    assert entry.changes["substitute"] == {"before": "Sara Lindholm", "after": None}


def test_withdrawal_after_the_start_is_refused_with_the_rule_named(client, cast, meeting):
    services.apology_send(meeting=meeting, membership=cast.member, by=None, now=at(2026, 12, 1))
    with time_machine.travel(at(2026, 12, 10, 17, 30), tick=False):
        client.force_login(cast.users["medlem"])
        response = client.post(url(cast, meeting, "afbud/tilbage/"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Et afbud kan kun trækkes tilbage, indtil mødet begynder (forretningsorden §" in page
    assert Attendance.objects.get().status == Attendance.Status.APOLOGY
    assert not AuditEntry.objects.filter(verb="attendance.apology_withdrawn").exists()


def test_only_a_member_may_send_or_withdraw(client, cast, meeting):
    client.force_login(cast.users["borger"])
    assert client.get(url(cast, meeting)).status_code == 403
    assert client.post(url(cast, meeting, "afbud/tilbage/")).status_code == 403
