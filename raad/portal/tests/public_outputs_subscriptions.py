"""E-mail subscriptions' public outputs for the leak test (raad/testing/public_outputs.py): the subscribe page
and the "check your e-mail" page, next to a pending and a confirmed subscriber whose addresses never appear on
any public page. Forged confirm and unsubscribe links answer 404. (The mails themselves are checked against
every app's secrets in raad/portal/tests/test_subscriptions.py.)"""

from __future__ import annotations

from django.urls import reverse

from raad.portal.services import subscriptions
from raad.testing.public_outputs import PublicOutputs, register

SECRETS = ["abonnent-venter@test.invalid", "abonnent-bekraeftet@test.invalid"]


def build(cast) -> PublicOutputs:
    council = cast.council
    subscriptions.subscription_create(council=council, email=SECRETS[0], language="da", kinds=["agendas"])
    pending = subscriptions.subscription_create(council=council, email=SECRETS[1], language="en", kinds=["events"])
    subscriptions.subscription_confirm(subscription_id=pending.pk, secret=pending.secret)
    form = reverse("portal:subscribe", args=[council.slug])
    return PublicOutputs(
        public=[form, reverse("portal:subscription_sent", args=[council.slug])],
        hidden=[
            reverse("portal:subscription_confirm", args=[council.slug, "forfalsket:link"]),
            reverse("portal:subscription_unsubscribe", args=[council.slug, "forfalsket:link"]),
        ],
        secrets=SECRETS,
        shown={form: ["Få nyheder på e-mail", "Nye dagsordener"]},
    )


register(app="portal_subscriptions", build=build)
