"""E-mail subscriptions (docs/subscriptions.md): anyone may follow a council's news without an account.

A subscription holds an address only while it is wanted: it is confirmed by a signed link (double opt-in),
an unconfirmed one is deleted after CONFIRM_DAYS, and unsubscribing erases the address and the token
material (the row stays, without them, for the journal and the delivery log)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class Subscription(BaseModel):
    class Kind(models.TextChoices):
        AGENDAS = "agendas", _("Nye dagsordener")
        MINUTES = "minutes", _("Nye referater")
        STATEMENTS = "statements", _("Nye udtalelser og høringssvar")
        EVENTS = "events", _("Nye arrangementer")
        TOPICS = "topics", _("Nye emner, rådet arbejder med")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="subscriptions")
    # Erased (blank) when the subscriber unsubscribes.
    email = models.EmailField(_("e-mailadresse"), blank=True)
    language = models.CharField(_("sprog"), max_length=10)
    kinds = models.JSONField(_("hvad"), default=list, blank=True)
    # One topic followed through its stages (on the agenda, discussed, statement …), besides `kinds`.
    topic = models.ForeignKey(
        "dialogue.Topic",
        verbose_name=_("emne"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Token material: the links in the mails carry it signed; blanked on unsubscribe, so old links are dead.
    secret = models.CharField(_("nøgle til links"), max_length=64, blank=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("afmeldt"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementer")
        ordering = ["council", "created_at", "id"]
        constraints = [
            # An active subscription has an address; an ended one has none.
            models.CheckConstraint(
                condition=(Q(unsubscribed_at__isnull=True) & ~Q(email=""))
                | (Q(unsubscribed_at__isnull=False) & Q(email="") & Q(secret="")),
                name="subscription_address_only_while_active",
            ),
            models.UniqueConstraint(
                fields=["council", "email"],
                condition=Q(confirmed_at__isnull=False, unsubscribed_at__isnull=True),
                name="subscription_one_active_per_address",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Abonnement')} {self.pk}"

    @property
    def audit_label(self) -> str:
        """The journal names the subscription by number, never by address."""
        return f"{_('Abonnement')} {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class SubscriptionDelivery(models.Model):
    """One news item mailed to one subscription. The unique pair makes sending idempotent: a second or
    concurrent run of the sender finds the row and mails nothing."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    item_key = models.CharField(_("nyhed"), max_length=100)
    queued_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("udsendt nyhed")
        verbose_name_plural = _("udsendte nyheder")
        ordering = ["subscription", "queued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "item_key"], name="subscription_delivery_once"),
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id}: {self.item_key}"
