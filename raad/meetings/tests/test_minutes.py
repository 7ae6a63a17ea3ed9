"""Minutes: draft with optimistic concurrency, circulation, objections, approval, immutability, correction,
publication check, and the e-mails through a real SMTP server."""

import datetime

import pytest
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import OutgoingMail
from raad.meetings import selectors, services
from raad.meetings.models import Minutes, MinutesVersion
from raad.testing import assert_unchanged

from .conftest import all_present
from .factories import meeting_with_items


@pytest.fixture
def held(cast):
    meeting = meeting_with_items(cast)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    for item in meeting.items.all():
        services.item_decide(item=item, text=f"Vedtaget: {item.title}", votes_for=8, votes_against=2, by=cast.secretary)
    services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    return meeting


def test_minutes_are_drafted_from_the_decisions(held, cast):
    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    texts = [e.text for e in minutes.entries.order_by("item__position")]
    assert texts[0].startswith("Beslutning: Vedtaget: Sprogskolens tilbud 1")
    assert (
        "8 for, 2 imod, 0 undlod. Vedtaget efter reglen om simpelt flertal (forretningsorden § 6, stk. 2)" in texts[0]
    )


def test_second_save_is_refused_and_shows_the_others_text(held, cast):
    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    entry = minutes.entries.first()
    services.minutes_save_draft(
        minutes=minutes,
        revision=1,
        introduction="Camillas indledning",
        entries={entry.item_id: "Camillas tekst"},
        by=cast.secretary,
    )
    with pytest.raises(services.MinutesConflict) as conflict:
        services.minutes_save_draft(
            minutes=minutes,
            revision=1,
            introduction="Anden indledning",
            entries={entry.item_id: "Anden tekst"},
            by=cast.users["forperson"],
        )
    assert conflict.value.current.introduction == "Camillas indledning"
    assert "Camilla Holt har gemt referatet" in conflict.value.messages[0]
    minutes.refresh_from_db()
    entry.refresh_from_db()
    assert (minutes.revision, minutes.introduction, entry.text) == (2, "Camillas indledning", "Camillas tekst")


def test_conflict_in_the_browser_form_keeps_both_texts(held, cast, login_secretary):
    client = login_secretary
    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    entry = minutes.entries.first()
    url = f"/arbejdsrum/{cast.council.slug}/moeder/{held.pk}/referat/"
    services.minutes_save_draft(
        minutes=minutes, revision=1, introduction="Først gemt", entries={}, by=cast.users["forperson"]
    )
    response = client.post(url, {"revision": 1, "introduction": "Min indledning", f"entry_{entry.item_id}": "Mit ord"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Først gemt" in page and "Min indledning" in page and "Mit ord" in page
    assert 'name="revision" value="2"' in page
    response = client.post(url, {"revision": 2, "introduction": "Min indledning", f"entry_{entry.item_id}": "Mit ord"})
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert (minutes.introduction, minutes.revision) == ("Min indledning", 3)


def test_objection_blocks_approval_by_circulation(held, cast):
    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    services.minutes_circulate(minutes=minutes, by=cast.secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="skriv, hvad|Skriv, hvad"):
        services.minutes_respond(minutes=minutes, membership=cast.member, kind="object", comment=" ", by=None)
    services.minutes_respond(
        minutes=minutes, membership=cast.member, kind="object", comment="Punkt 1 er forkert.", by=None
    )
    later = timezone.localdate() + datetime.timedelta(days=30)
    with assert_unchanged(), pytest.raises(RuleViolation, match="indsigelser"):
        services.minutes_approve(minutes=minutes, how="circulation", by=cast.secretary, today=later)
    # Revised and circulated again: the old objection belongs to the old revision.
    minutes = services.minutes_save_draft(
        minutes=minutes, revision=minutes.revision, introduction="Rettet", entries={}, by=cast.secretary
    )
    services.minutes_circulate(minutes=minutes, by=cast.secretary)
    version = services.minutes_approve(minutes=minutes, how="circulation", by=cast.secretary, today=later)
    assert version.number == 1


def test_approval_before_the_deadline_needs_every_member(held, cast):
    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    services.minutes_circulate(minutes=minutes, by=cast.secretary)
    minutes.refresh_from_db()
    assert minutes.approval_due_on == timezone.localdate() + datetime.timedelta(days=7)
    with assert_unchanged(), pytest.raises(RuleViolation, match="forretningsorden § 7"):
        services.minutes_approve(minutes=minutes, how="circulation", by=cast.secretary)
    for m in cast.members:
        services.minutes_respond(minutes=minutes, membership=m, kind="approve", by=None)
    services.minutes_approve(minutes=minutes, how="circulation", by=cast.secretary)


def test_approval_at_the_next_meeting(held, cast):
    from .conftest import at

    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    earlier = services.meeting_plan(council=cast.council, starts_at=at(2026, 11, 1), place="R", by=cast.secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="senere"):
        services.minutes_approve(minutes=minutes, how="next_meeting", at_meeting=earlier, by=cast.secretary)
    following = meeting_with_items(cast, starts=at(2027, 1, 21))
    services.meeting_send_notice(meeting=following, by=cast.secretary)
    services.minutes_approve(minutes=minutes, how="next_meeting", at_meeting=following, by=cast.secretary)
    minutes.refresh_from_db()
    assert (minutes.status, minutes.approved_at_meeting) == (Minutes.Status.APPROVED, following)


def test_approved_minutes_are_immutable_and_a_correction_is_a_new_visible_version(held, cast):
    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    services.minutes_approve(minutes=minutes, how="next_meeting", at_meeting=_next(cast), by=cast.secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Godkendte referater kan ikke ændres"):
        services.minutes_save_draft(
            minutes=minutes, revision=minutes.revision, introduction="x", entries={}, by=cast.secretary
        )
    entry = minutes.entries.first()
    with assert_unchanged(), pytest.raises(RuleViolation, match="hvorfor"):
        services.minutes_correct(minutes=minutes, entries={}, introduction="", reason="", by=cast.secretary)
    version = services.minutes_correct(
        minutes=minutes,
        entries={entry.item_id: "Rettet stavefejl"},
        introduction="",
        reason="Stavefejl i punkt 1",
        by=cast.secretary,
    )
    assert version.number == 2
    first = MinutesVersion.objects.get(minutes=minutes, number=1)
    assert first.content["items"][0]["text"].startswith("Beslutning:")  # unchanged
    services.minutes_publish(minutes=minutes, by=cast.secretary)
    public = selectors.public_minutes(held)
    assert public.items[0]["text"] == "Rettet stavefejl"
    assert [v["reason"] for v in public.versions] == ["Stavefejl i punkt 1", ""]


def _next(cast):
    from .conftest import at

    following = meeting_with_items(cast, starts=at(2027, 1, 21))
    services.meeting_send_notice(meeting=following, by=cast.secretary)
    return following


def test_publication_check_lists_personal_data_but_not_members(held, cast):
    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    entry = minutes.entries.first()
    services.minutes_save_draft(
        minutes=minutes,
        revision=1,
        entries={
            entry.item_id: (
                "Ahmad Rahimi foreslog, at Karen Jensen fra Søndergade 12 kontaktes på karen@example.dk "
                "eller 12 34 56 78. Hendes CPR 010190-1234."
            )
        },
        introduction="",
        by=cast.secretary,
    )
    services.minutes_approve(minutes=minutes, how="next_meeting", at_meeting=_next(cast), by=cast.secretary)
    findings = {(f.kind, f.text) for f in selectors.minutes_publication_check(minutes)}
    assert ("name", "Karen Jensen") in findings
    assert ("address", "Søndergade 12") in findings
    assert ("email", "karen@example.dk") in findings
    assert ("phone", "12 34 56 78") in findings
    assert not any(text == "Ahmad Rahimi" for _, text in findings)
    # The CPR number was masked before storage; the check has nothing to find there.
    assert not any(kind == "cpr" for kind, _ in findings)


def test_publication_requires_approval(held, cast):
    minutes = services.minutes_start(meeting=held, by=cast.secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="godkendte"):
        services.minutes_publish(minutes=minutes, by=cast.secretary)


@pytest.mark.smtp
@pytest.mark.django_db(transaction=True)
def test_minutes_mails_reach_a_real_smtp_server_once(smtp_server):
    from raad.testing.cast import build_cast

    cast = build_cast()
    meeting = meeting_with_items(cast)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    notices = smtp_server.messages(count=10)
    assert len(notices) == 10
    assert {m["To"] for m in notices} == {m.person.email for m in cast.members}
    assert "Dagsordenen til mødet i Integrationsrådet" in notices[0].get_body(("plain",)).get_content()
    services.apology_send(meeting=meeting, membership=cast.member, by=None)
    services.apology_send(meeting=meeting, membership=cast.member, by=None)
    received = smtp_server.messages(count=12, timeout=2)
    assert [m["To"] for m in received[10:]] == ["sara@test.invalid"]
    assert OutgoingMail.objects.filter(sent_at__isnull=True).count() == 0


@pytest.mark.django_db(transaction=True)
def test_failed_mail_is_kept_and_retried_after_the_backoff(settings):
    import datetime

    from django.utils import timezone

    from raad.core import mail as outbox
    from raad.testing.cast import build_cast

    cast = build_cast()
    meeting = meeting_with_items(cast)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1  # nothing listens
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    failed = OutgoingMail.objects.filter(sent_at__isnull=True)
    assert failed.count() == 10 and all(m.attempts == 1 and m.last_error for m in failed)
    assert all(m.next_attempt_at > timezone.now() for m in failed)  # not before the first backoff
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core import mail

    assert outbox.deliver_due() == 0  # too early
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert outbox.deliver(now=later) == 10
    assert outbox.deliver(now=later) == 0
    assert len(mail.outbox) == 10


@pytest.mark.django_db(transaction=True)
def test_item_deadline_reminder_is_sent_once(settings):
    import io

    import time_machine
    from django.core import mail
    from django.core.management import call_command

    from raad.testing.cast import build_cast

    from .conftest import at

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://raad.holbaek.dk"
    cast = build_cast()
    meeting = meeting_with_items(cast)  # 10 December 17:00; item deadline 30 November 17:00
    with time_machine.travel(at(2026, 11, 26, 12), tick=False):
        call_command("meeting_mail", "--lead-days=3", stdout=io.StringIO())
        assert mail.outbox == []  # deadline more than 3 days away
    with time_machine.travel(at(2026, 11, 28, 12), tick=False):
        out = io.StringIO()
        call_command("meeting_mail", "--lead-days=3", stdout=out)
        call_command("meeting_mail", "--lead-days=3", stdout=io.StringIO())
    assert out.getvalue().strip() == "10 reminders queued, 0 e-mails sent."  # sent on commit, not by the retry
    assert len(mail.outbox) == 10
    assert "senest mandag 30. november 2026, kl. 17.00" in mail.outbox[0].body
    # The command runs from cron, without a request: its links are built from SITE_URL.
    assert f"https://raad.holbaek.dk{meeting.get_absolute_url()}" in mail.outbox[0].body
