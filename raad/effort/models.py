"""Integrationsindsatsen: the municipality's integration strategy recorded as goals, the indicators that follow
it (for example those of Det nationale integrationsbarometer) with their values by year for the municipality
and for the whole country, and the links from an indicator to where the council discussed it.

Indicators belong to a council (its strategy, its goals, its links); the national values are imported into each
council that follows them. Demo values are flagged (`is_demo`) and every page showing one says so."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class Goal(BaseModel):
    """One goal of the municipality's integration strategy, as the council follows it."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="effort_goals")
    title = models.CharField(_("mål"), max_length=300)
    text = models.TextField(_("beskrivelse"), blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=1)

    class Meta:
        verbose_name = _("mål i integrationsindsatsen")
        verbose_name_plural = _("mål i integrationsindsatsen")
        ordering = ["council", "order", "id"]

    def __str__(self) -> str:
        return self.title


class Indicator(BaseModel):
    """A measure followed over time, e.g. the barometer's 1.1 (the employment gap for 25–64-year-olds)."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="effort_indicators")
    code = models.CharField(_("nummer"), max_length=20)
    name = models.CharField(_("indikator"), max_length=500)
    goal_area = models.CharField(_("målområde"), max_length=120, blank=True)
    unit = models.CharField(_("enhed"), max_length=40, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("mål i strategien"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        ordering = ["council", "code"]
        constraints = [models.UniqueConstraint(fields=["council", "code"], name="effort_indicator_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("effort:indicator", kwargs={"slug": self.council.slug, "code": self.code})


class IndicatorValue(BaseModel):
    """The value of an indicator in one year, for the municipality or for the whole country."""

    class Scope(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommunen")
        NATIONAL = "national", _("Hele landet")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    scope = models.CharField(_("område"), max_length=20, choices=Scope.choices)
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.DecimalField(_("værdi"), max_digits=14, decimal_places=4)
    source = models.CharField(_("kilde"), max_length=500)
    is_demo = models.BooleanField(_("demoværdi (opdigtet)"), default=False)

    class Meta:
        verbose_name = _("indikatorværdi")
        verbose_name_plural = _("indikatorværdier")
        ordering = ["indicator", "scope", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "scope", "year"], name="effort_value_unique"),
            models.CheckConstraint(
                condition=Q(scope__in=["municipality", "national"]), name="effort_value_scope_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.get_scope_display()} {self.year}: {self.value}"


class IndicatorLink(BaseModel):
    """Where the council discussed an indicator: exactly one agenda item, dialogue topic or statement."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="links")
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    topic = models.ForeignKey("dialogue.Topic", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    statement = models.ForeignKey(
        "statements.Statement", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("henvisning til drøftelse")
        verbose_name_plural = _("henvisninger til drøftelser")
        ordering = ["indicator", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(agenda_item__isnull=False, topic__isnull=True, statement__isnull=True)
                    | Q(agenda_item__isnull=True, topic__isnull=False, statement__isnull=True)
                    | Q(agenda_item__isnull=True, topic__isnull=True, statement__isnull=False)
                ),
                name="effort_link_exactly_one",
            ),
            models.UniqueConstraint(fields=["indicator", "agenda_item"], name="effort_link_item_unique"),
            models.UniqueConstraint(fields=["indicator", "topic"], name="effort_link_topic_unique"),
            models.UniqueConstraint(fields=["indicator", "statement"], name="effort_link_statement_unique"),
        ]

    def __str__(self) -> str:
        target = self.agenda_item or self.topic or self.statement
        return f"{self.indicator.code} → {target}"
