"""E-mail subscriptions (docs/subscriptions.md): subscribe without an account, double opt-in, news from the
public selectors once per subscriber, one-click unsubscribe (RFC 8058) that erases the address, expiry of
unconfirmed subscriptions, and a journal without addresses."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail as django_mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from raad.core import mail
from raad.core.models import AuditEntry, OutgoingMail
from raad.dialogue.models import Topic
from raad.dialogue.services import topics as topic_services
from raad.portal import links
from raad.portal.models import Subscription, SubscriptionDelivery
from raad.portal.services import subscriptions as services
from raad.testing.public_outputs import registered

ADDRESS = "Abonnent@Test.invalid"
STORED = "abonnent@test.invalid"


def _subscribe(client, cast, prefix="", **data):
    values = {"email": ADDRESS, "kinds": ["agendas", "statements"], **data}
    return client.post(f"{prefix}/raad/{cast.council.slug}/abonnement/", values)


def _confirmed(cast, language="da", kinds=("agendas", "minutes", "statements", "events", "topics"), **extra):
    subscription = services.subscription_create(
        council=cast.council, email=extra.pop("email", STORED), language=language, kinds=list(kinds), **extra
    )
    return services.subscription_confirm(subscription_id=subscription.pk, secret=subscription.secret)


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def _link(body: str, word: str) -> str:
    return _path(next(line.split(": ", 1)[-1].strip() for line in body.splitlines() if f"/{word}/" in line))


@pytest.mark.django_db
def test_subscribing_sends_a_confirmation_in_the_page_language_and_only_the_button_confirms(client, cast):
    response = _subscribe(client, cast, prefix="/en")
    assert response.status_code == 302
    assert response["Location"] == f"/en/raad/{cast.council.slug}/abonnement/tjek-din-e-mail/"
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.language, subscription.kinds) == (STORED, "en", ["agendas", "statements"])
    assert subscription.confirmed_at is None
    confirmation = OutgoingMail.objects.get()
    assert confirmation.to == STORED and confirmation.language == "en"
    assert confirmation.subject.startswith("Confirm your subscription to news from ")
    assert "- New agendas\n- New statements and consultation responses\n" in confirmation.body
    confirm = _link(confirmation.body, "bekraeft")
    assert confirm.startswith(f"/en/raad/{cast.council.slug}/abonnement/bekraeft/")

    page = client.get(confirm)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and "Confirm subscription" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    done = client.post(confirm)
    assert done.status_code == 200 and "Your subscription is confirmed" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_active
    assert client.post(confirm).status_code == 200  # twice: no harm
    entries = AuditEntry.objects.filter(verb__startswith="subscription.").order_by("id")
    assert [e.verb for e in entries] == ["subscription.created", "subscription.confirmed"]
    assert entries[0].changes == {"kinds": ["agendas", "statements"], "topic": None, "language": "en"}
    assert all(e.target_label == f"Abonnement {subscription.pk}" for e in entries)
    assert not [e for e in AuditEntry.objects.all() if "abonnent" in str(e.__dict__).lower()]


@pytest.mark.django_db
def test_bad_input_keeps_what_was_typed_with_a_translated_error_and_stores_nothing(client, cast):
    response = _subscribe(client, cast, prefix="/en", email="ikke en adresse", kinds=[])
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="ikke en adresse"' in page
    assert "Enter a valid e-mail address, e.g. name@example.dk." in page
    assert "Choose at least one thing you want news about." in page
    danish = _subscribe(client, cast, email="", kinds=["events"]).content.decode()
    assert "Skriv din e-mailadresse." in danish and 'value="events" class="form-checkbox"' in danish
    assert "checked" in danish.split('value="events"', 1)[1].split(">", 1)[0]
    unknown = _subscribe(client, cast, kinds=["bogus"])
    assert unknown.status_code == 400
    huge = _subscribe(client, cast, email="a" * 10_000 + "@test.invalid")
    assert huge.status_code == 400
    assert not Subscription.objects.exists() and not OutgoingMail.objects.exists()


@pytest.mark.django_db
def test_a_robot_filling_the_honeypot_and_a_flood_are_refused(client, cast, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    assert _subscribe(client, cast, website="http://spam.invalid").status_code == 400
    assert not Subscription.objects.exists()
    assert _subscribe(client, cast).status_code == 302
    assert _subscribe(client, cast, email="anden@test.invalid").status_code == 302
    assert _subscribe(client, cast, email="tredje@test.invalid").status_code == 429
    assert Subscription.objects.count() == 2


@pytest.mark.django_db
def test_a_forged_or_expired_confirmation_link_is_refused_and_expired_subscriptions_are_erased(client, cast):
    subscription = services.subscription_create(council=cast.council, email=STORED, language="da", kinds=["events"])
    forged = client.get(f"/raad/{cast.council.slug}/abonnement/bekraeft/forfalsket:link/")
    assert forged.status_code == 404 and "Linket virker ikke" in forged.content.decode()
    confirm = _link(OutgoingMail.objects.get().body, "bekraeft")
    later = timezone.now() + datetime.timedelta(days=links.CONFIRM_DAYS, minutes=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.core.signing.time.time", lambda: later.timestamp())
        assert client.post(confirm).status_code == 404
    Subscription.objects.filter(pk=subscription.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    call_command("send_subscription_news", stdout=None)
    assert not Subscription.objects.exists()
    assert not OutgoingMail.objects.filter(to=STORED).exists()  # the unsent confirmation is gone too
    entry = AuditEntry.objects.get(verb="subscription.expired")
    assert entry.changes == {"expired_subscriptions": 1} and entry.council_id == cast.council.pk


@pytest.mark.django_db
def test_news_reaches_each_subscriber_once_in_their_language_with_one_click_unsubscribe(cast):
    danish = _confirmed(cast, kinds=["events"])
    english = _confirmed(cast, language="en", kinds=["events", "agendas"], email="english@test.invalid")
    from raad.community.tests.event_helpers import make_event

    event = make_event(cast.council, cast.secretary, title="Sprogcafé i biblioteket")
    assert services.send_news() == 2
    assert services.send_news() == 0  # a second run mails nothing
    call_command("send_subscription_news")
    news = OutgoingMail.objects.filter(key__contains=":event:").order_by("to")
    assert [(m.to, m.language) for m in news] == [(STORED, "da"), ("english@test.invalid", "en")]
    assert news[0].subject == f"Arrangement: Sprogcafé i biblioteket – {cast.council.name}"
    assert news[1].subject.startswith("Event: Sprogcafé i biblioteket – ")
    assert f"/en/raad/{cast.council.slug}/arrangementer/{event.pk}/" in news[1].body
    assert SubscriptionDelivery.objects.filter(item_key=f"event:{event.pk}").count() == 2

    unsubscribe = links.unsubscribe_url(english)
    assert news[1].headers == {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert f"Unsubscribe with one click: {unsubscribe}" in news[1].body
    assert mail.deliver() >= 2
    sent = next(m for m in django_mail.outbox if m.to == ["english@test.invalid"] and "Event" in m.subject)
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent.message()["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert danish.is_active


@pytest.mark.django_db
def test_one_click_unsubscribe_without_csrf_erases_the_address_and_get_only_asks(cast):
    subscription = _confirmed(cast, language="en", kinds=["events"])
    from raad.community.tests.event_helpers import make_event

    make_event(cast.council, cast.secretary)
    services.send_news()
    mail.deliver()
    path = _path(links.unsubscribe_url(subscription))
    client = Client(enforce_csrf_checks=True)  # a mail program: no cookie, no token

    asked = client.get(path)
    assert asked.status_code == 200 and "Unsubscribe from news by e-mail" in asked.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_active

    done = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "You are unsubscribed" in done.content.decode()
    subscription.refresh_from_db()
    assert (subscription.email, subscription.secret) == ("", "") and subscription.unsubscribed_at is not None
    assert not OutgoingMail.objects.filter(to=STORED).exists()  # sent mail keeps no address either
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200  # twice: same answer
    assert AuditEntry.objects.filter(verb="subscription.unsubscribed").count() == 1
    assert not AuditEntry.objects.filter(changes__icontains="abonnent@").exists()
    # No more news, and the address is nowhere in the subscription tables.
    make_event(cast.council, cast.secretary, title="Endnu et arrangement")
    assert services.send_news() == 0
    assert not Subscription.objects.exclude(email="").exists()


@pytest.mark.django_db
def test_confirming_again_replaces_the_earlier_subscription_of_the_address(cast):
    first = _confirmed(cast, kinds=["events"])
    second = _confirmed(cast, kinds=["minutes"])
    first.refresh_from_db()
    assert first.email == "" and first.unsubscribed_at is not None
    assert second.is_active and second.kinds == ["minutes"]
    assert AuditEntry.objects.filter(verb="subscription.replaced").count() == 1


@pytest.mark.django_db
def test_a_followed_topic_sends_each_public_stage_once_and_nothing_before_confirmation(cast):
    topic = topic_services.topic_create(council=cast.council, title="Lys på stierne", published=True, by=None)
    old = topic_services.topic_create(council=cast.council, title="Gammelt emne", published=True, by=None)
    Topic.objects.update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    subscription = _confirmed(cast, kinds=[], topic=topic)
    assert services.send_news() == 0  # the topics were news before the confirmation
    topic_services.topic_close(topic=topic, by=None)
    topic_services.topic_update(topic=old, data={"summary": "ændret"}, by=None)
    assert services.send_news() == 1  # only the followed topic, not the other one
    news = OutgoingMail.objects.get(key=f"subscription:{subscription.pk}:topic:{topic.pk}:closed")
    assert news.body.startswith('Nyt om emnet "Lys på stierne": Afsluttet.')
    assert services.send_news() == 0


@pytest.mark.django_db
def test_no_closed_item_draft_or_personal_data_reaches_a_subscriber_in_any_language(cast, settings, tmp_path):
    """Every app's leak scenario (closed items, drafts, inquiries, registrants …) built after three subscribers
    to everything confirmed: their news mails carry only public titles and links."""
    settings.MEDIA_ROOT = tmp_path / "media"
    for language in ("da", "en", "ar"):
        _confirmed(cast, language=language, email=f"{language}@test.invalid")
    outputs = {app: build(cast) for app, build in registered().items()}
    assert services.send_news() > 0
    news = list(OutgoingMail.objects.filter(key__startswith="subscription:").exclude(key__endswith=":confirm"))
    kinds = {m.key.split(":")[2] for m in news}
    assert {"agenda", "minutes", "statement", "event", "topic"} <= kinds
    assert {m.language for m in news} == {"da", "en", "ar"}
    secrets = [secret for out in outputs.values() for secret in out.secrets]
    for message in news:
        text = message.subject + "\n" + message.body
        assert not [s for s in secrets if s in text], (message.key, text)
    assert any("Udtalelse om foreningslivet" in m.subject for m in news)
    assert any("Tryghed i boligområdet" in m.body for m in news)
