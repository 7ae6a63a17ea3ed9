"""Events (arrangementer) with an integration aim (kommissorium: "afholde arrangementer med
integrationssigte"). Registrations, the waiting list, attendance and photos build on `Event`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class Event(BaseModel):
    """An event the council plans. Public once published, unless cancelled events are shown as cancelled."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        PUBLISHED = "published", _("Offentliggjort")
        CANCELLED = "cancelled", _("Aflyst")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="events")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    purposes = models.ManyToManyField(
        "councils.Purpose", verbose_name=_("formål i kommissoriet"), related_name="events", blank=True
    )
    starts_at = models.DateTimeField(_("begynder"))
    ends_at = models.DateTimeField(_("slutter"), null=True, blank=True)
    room = models.ForeignKey(
        "councils.Room",
        verbose_name=_("lokale"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    # Used only when no room from the catalogue is chosen (a park, an association's own house).
    place = models.CharField(_("sted"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    accessibility_note = models.TextField(_("tilgængelighed"), blank=True)
    languages = models.JSONField(_("sprog ved arrangementet"), default=list, blank=True)
    interpreters = models.CharField(_("tolkning"), max_length=300, blank=True)
    co_organisers = models.ManyToManyField(
        "community.Association", verbose_name=_("medarrangører"), related_name="events", blank=True
    )
    registration_required = models.BooleanField(_("kræver tilmelding"), default=False)
    capacity = models.PositiveIntegerField(_("pladser"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("tilmeldingsfrist"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # After the event (public): how many came and a short account.
    participant_count = models.PositiveIntegerField(_("antal deltagere"), null=True, blank=True)
    account = models.TextField(_("kort beretning"), blank=True)
    cancel_reason = models.CharField(_("begrundelse for aflysning"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(registration_required=False) | Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="event_capacity_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_public_url(self) -> str:
        from django.urls import reverse

        return reverse("community:event", args=[self.council.slug, self.pk])

    @property
    def location(self) -> str:
        """Place and address: the room's when one is chosen, else as typed (iCal LOCATION, pages)."""
        room = self.room if self.room_id else None
        if room is not None:
            return ", ".join(part for part in (room.name, room.address) if part)
        return ", ".join(part for part in (self.place, self.address) if part)
