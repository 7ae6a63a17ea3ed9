"""Registrations for events (tilmeldinger), the waiting list, attendance and photos with consent.

A registration holds a person's details only until the retention command erases them
(`RulesOfProcedure.event_registration_retention_days` after the event); the counts stay."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class EventRegistration(BaseModel):
    """One registration: a number of seats, or a place on the waiting list (ordered by `id`)."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Tilmeldt")
        WAITING = "waiting", _("På venteliste")
        CANCELLED = "cancelled", _("Afmeldt")

    # Personal data: never in the audit journal (R35), erased after the retention period.
    AUDIT_PRIVATE_FIELDS = ("name", "email", "phone", "interpreter_language", "needs_note")

    event = models.ForeignKey("community.Event", on_delete=models.PROTECT, related_name="registrations")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    seats = models.PositiveSmallIntegerField(_("antal pladser"), default=1)
    name = models.CharField(_("navn"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    language = models.CharField(_("sprog"), max_length=10, default="da")
    interpreter_language = models.CharField(_("tolk til sprog"), max_length=10, blank=True)
    needs_step_free = models.BooleanField(_("niveaufri adgang"), default=False)
    needs_childcare = models.BooleanField(_("børnepasning"), default=False)
    needs_note = models.CharField(_("andre behov"), max_length=300, blank=True)
    attended = models.BooleanField(_("mødte op"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("fik plads fra ventelisten"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("afmeldt"), null=True, blank=True)
    erased_at = models.DateTimeField(_("persondata slettet"), null=True, blank=True)

    class Meta:
        verbose_name = _("tilmelding")
        verbose_name_plural = _("tilmeldinger")
        ordering = ["event", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="event_registration_seats_positive"),
        ]
        indexes = [models.Index(fields=["event", "status"], name="event_registration_status")]

    def __str__(self) -> str:
        return f"{self.event_id}/{self.pk}"


def photo_path(instance: EventPhoto, filename: str) -> str:
    return f"event-photos/{instance.event_id}/{filename}"


class EventPhoto(BaseModel):
    """A photo from an event, shown publicly only while the consent of the people in it stands."""

    event = models.ForeignKey("community.Event", on_delete=models.PROTECT, related_name="photos")
    file = models.FileField(_("fil"), upload_to=photo_path)
    content_type = models.CharField(max_length=50)
    description = models.CharField(_("billedtekst"), max_length=300)
    consent_statement = models.TextField(_("samtykke"))
    consent_withdrawn_at = models.DateTimeField(_("samtykke trukket tilbage"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    AUDIT_PRIVATE_FIELDS = ("consent_statement",)

    class Meta:
        verbose_name = _("foto fra arrangement")
        verbose_name_plural = _("fotos fra arrangementer")
        ordering = ["event", "id"]

    def __str__(self) -> str:
        return self.description
