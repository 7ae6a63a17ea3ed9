"""Local media (medier): press releases approved by the forperson, sent to the media list and published, and the
coverage log (kommissorium: "at aspekter af integration tages op af de lokale medier")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class MediaOutlet(BaseModel):
    """A paper, radio or site on the council's media list."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="media_outlets")
    name = models.CharField(_("medie"), max_length=200)
    email = models.EmailField(_("redaktionens e-mail"))
    active = models.BooleanField(_("på medielisten"), default=True)

    class Meta:
        verbose_name = _("medie")
        verbose_name_plural = _("medier")
        ordering = ["council", "name"]
        constraints = [models.UniqueConstraint(fields=["council", "name"], name="media_outlet_name_unique")]

    def __str__(self) -> str:
        return self.name


class PressRelease(BaseModel):
    """A press release: drafted, approved by the forperson, then sent to the media list and published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        APPROVED = "approved", _("Godkendt af forpersonen")
        PUBLISHED = "published", _("Sendt og offentliggjort")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="press_releases")
    title = models.CharField(_("overskrift"), max_length=200)
    body = models.TextField(_("tekst"))
    purposes = models.ManyToManyField(
        "councils.Purpose", verbose_name=_("formål i kommissoriet"), related_name="+", blank=True
    )
    internal_note = models.TextField(_("intern note"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("godkendt"), null=True, blank=True)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)

    class Meta:
        verbose_name = _("pressemeddelelse")
        verbose_name_plural = _("pressemeddelelser")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="press_release_approved_by_someone",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="press_release_published_at",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PressReleaseDispatch(BaseModel):
    """The release sent to one outlet: once per outlet."""

    release = models.ForeignKey(PressRelease, on_delete=models.PROTECT, related_name="dispatches")
    outlet = models.ForeignKey(MediaOutlet, on_delete=models.PROTECT, related_name="dispatches")
    email = models.EmailField(_("sendt til"))
    sent_at = models.DateTimeField(_("sendt"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("udsendelse af pressemeddelelse")
        verbose_name_plural = _("udsendelser af pressemeddelelser")
        ordering = ["release", "outlet__name"]
        constraints = [models.UniqueConstraint(fields=["release", "outlet"], name="press_release_once_per_outlet")]


class MediaCoverage(BaseModel):
    """A piece in the media about the council or its topics (medieomtale)."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="media_coverage")
    outlet = models.CharField(_("medie"), max_length=200)
    published_on = models.DateField(_("dato"))
    headline = models.CharField(_("overskrift"), max_length=300)
    link = models.URLField(_("link"), blank=True)
    topic = models.ForeignKey(
        "dialogue.Topic", verbose_name=_("emne"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    purposes = models.ManyToManyField(
        "councils.Purpose", verbose_name=_("formål i kommissoriet"), related_name="+", blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("medieomtale")
        verbose_name_plural = _("medieomtale")
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return self.headline
