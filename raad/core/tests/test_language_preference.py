"""Each user chooses the language of the e-mails they receive on their own account page (no JavaScript needed);
without a choice they get the council's language. The outbox renders every mail in that language."""

from __future__ import annotations

from raad.core.i18n import recipient_language
from raad.core.models import AuditEntry, OutgoingMail, User
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified


def account_url():
    from django.urls import reverse

    return reverse("core:account")


def test_default_is_the_councils_language(cast):
    assert cast.users["medlem"].language == ""
    assert recipient_language(cast.member.person, cast.council) == "da"


def test_a_member_chooses_english_on_their_account_page(client, cast):
    ahmad = cast.users["medlem"]
    client.force_login(ahmad)
    page = client.get(account_url()).content.decode()
    assert '<select name="language"' in page and '<option value="en">English</option>' in page
    response = client.post(account_url(), {"language": "en"}, follow=True)
    assert "Dit valg er gemt." in response.content.decode()
    ahmad.refresh_from_db()
    assert ahmad.language == "en"
    assert recipient_language(cast.member.person, cast.council) == "en"
    entry = AuditEntry.objects.get(verb="user.language_set")
    assert (entry.actor, entry.changes) == (ahmad, {"language": {"before": "", "after": "en"}})
    client.post(account_url(), {"language": ""})
    ahmad.refresh_from_db()
    assert ahmad.language == ""


def test_an_unknown_language_is_refused_and_nothing_changes(client, cast):
    ahmad = cast.users["medlem"]
    client.force_login(ahmad)
    with assert_unchanged():
        response = client.post(account_url(), {"language": "xx"})
    assert response.status_code == 400
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert User.objects.get(pk=ahmad.pk).language == ""


def test_the_secretariat_reaches_it_after_the_second_factor(client, cast):
    client.force_login(cast.secretary)
    assert client.get(account_url()).status_code == 302  # to the one-time code first
    log_in_verified(client, cast.secretary)
    assert client.get(account_url()).status_code == 200


def test_anonymous_is_sent_to_login(client):
    response = client.get(account_url())
    assert response.status_code == 302 and "/log-ind/" in response["Location"]


def test_mail_to_a_member_who_chose_english_is_english(cast, django_capture_on_commit_callbacks):
    from django.core import mail as django_mail

    from raad.meetings import services
    from raad.meetings.tests.factories import meeting_with_items

    ahmad = cast.users["medlem"]
    ahmad.language = "en"
    ahmad.save(update_fields=["language"])
    meeting = meeting_with_items(cast, n_open=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    stored = {m.to: m for m in OutgoingMail.objects.all()}
    assert stored["ahmad@test.invalid"].language == "en" and stored["amina@test.invalid"].language == "da"
    (english,) = [m for m in django_mail.outbox if m.to == ["ahmad@test.invalid"]]
    assert english.subject.startswith("Agenda: ") and english.body.startswith("Dear Ahmad")
    assert "If you cannot come, send an apology in the workspace." in english.body
    assert "2. " not in english.body and "Agenda:\n1. Sprogskolens tilbud 1" in english.body
