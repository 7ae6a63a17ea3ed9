"""The secretariat's own records: the annual report (årsberetning, R23)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class AnnualReport(BaseModel):
    """The council's annual report for one year: drafted by the secretariat, introduced and commented by the
    forperson, adopted by a decision of the council, sent to the board and published. Its figures are computed
    live while a draft and frozen (`figures`) at adoption, so the published report never changes."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Udkast")
        ADOPTED = "adopted", _("Vedtaget")
        SENT = "sent", _("Sendt til kommunalbestyrelsen")
        PUBLISHED = "published", _("Offentliggjort")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="annual_reports")
    year = models.PositiveSmallIntegerField(_("år"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    introduction = models.TextField(_("forord"), blank=True)
    comments = models.JSONField(_("kommentarer pr. afsnit"), default=dict, blank=True)
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("dagsordenspunkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    figures = models.JSONField(_("tal frosset ved vedtagelsen"), null=True, blank=True)
    adopted_at = models.DateTimeField(_("vedtaget"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    sent_to = models.EmailField(_("sendt til"), blank=True)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)

    class Meta:
        verbose_name = _("årsberetning")
        verbose_name_plural = _("årsberetninger")
        ordering = ["council", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["council", "year"], name="annual_report_unique_year"),
            models.CheckConstraint(
                condition=Q(status="draft") | (Q(adopted_at__isnull=False) & Q(figures__isnull=False)),
                name="annual_report_adopted_is_frozen",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="annual_report_published_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council} {self.year}"

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def get_workspace_url(self) -> str:
        return reverse("secretariat:annual_report", kwargs={"slug": self.council.slug, "year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("annual_report_public:report", kwargs={"slug": self.council.slug, "year": self.year})
