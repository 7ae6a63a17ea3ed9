"""Associations (foreninger) the council works with (kommissorium: "sammenhængskraften mellem borgere,
foreninger og kommunen")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class Association(BaseModel):
    """An association in the council's register. The contact person's details are public only with consent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Afventer godkendelse")
        LISTED = "listed", _("Optaget i oversigten")
        DECLINED = "declined", _("Afvist")
        WITHDRAWN = "withdrawn", _("Taget af oversigten")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="associations")
    name = models.CharField(_("navn"), max_length=200)
    purpose = models.TextField(_("formål"), blank=True)
    activities = models.TextField(_("aktiviteter"), blank=True)
    languages = models.JSONField(_("sprog"), default=list, blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("kontaktpersonens e-mail"), blank=True)
    contact_phone = models.CharField(_("kontaktpersonens telefon"), max_length=40, blank=True)
    contact_public = models.BooleanField(
        _("kontaktpersonen har givet samtykke til at blive vist offentligt"), default=False
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decline_reason = models.TextField(_("begrundelse for afvisning"), blank=True)
    # The language the request was written in: the contact's e-mails (approved, declined) are in it.
    language = models.CharField(_("sprog for henvendelsen"), max_length=10, blank=True)
    # True when the association asked through the public form (the contact is mailed about the decision).
    requested_publicly = models.BooleanField(_("anmodet via den offentlige formular"), default=False)

    # The contact person's details never enter the journal (R35); the journal says they changed.
    AUDIT_PRIVATE_FIELDS = ("contact_name", "contact_email", "contact_phone")

    class Meta:
        verbose_name = _("forening")
        verbose_name_plural = _("foreninger")
        ordering = ["council", "name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="association_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name
