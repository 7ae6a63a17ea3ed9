"""Volunteering (frivillighed): the municipality's volunteering strategy and its goals, the council's
contributions to them, and the volunteer opportunities associations offer (kommissorium: "understøtte kommunens
frivillighedsstrategi … sammenhængskraften mellem borgere, foreninger og kommunen")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class VolunteeringStrategy(BaseModel):
    """The municipality's volunteering strategy as the council records it (one per council)."""

    council = models.OneToOneField("councils.Council", on_delete=models.PROTECT, related_name="volunteering_strategy")
    title = models.CharField(_("titel"), max_length=200)
    adopted_on = models.DateField(_("vedtaget"), null=True, blank=True)
    link = models.URLField(_("link til strategien"), blank=True)
    summary = models.TextField(_("resumé"), blank=True)

    class Meta:
        verbose_name = _("frivillighedsstrategi")
        verbose_name_plural = _("frivillighedsstrategier")
        ordering = ["council"]

    def __str__(self) -> str:
        return self.title


class VolunteeringGoal(BaseModel):
    """A numbered goal of the strategy."""

    strategy = models.ForeignKey(VolunteeringStrategy, on_delete=models.PROTECT, related_name="goals")
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("mål"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("mål i frivillighedsstrategien")
        verbose_name_plural = _("mål i frivillighedsstrategien")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="volunteering_goal_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="volunteering_goal_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class VolunteeringContribution(BaseModel):
    """Something the council did towards a goal of the strategy: an event, a statement, a dialogue with
    associations, or something else."""

    class Kind(models.TextChoices):
        EVENT = "event", _("Arrangement")
        STATEMENT = "statement", _("Udtalelse")
        DIALOGUE = "dialogue", _("Dialog med foreninger")
        OTHER = "other", _("Andet")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="volunteering_contributions")
    goal = models.ForeignKey(VolunteeringGoal, on_delete=models.PROTECT, related_name="contributions")
    what = models.TextField(_("hvad rådet gjorde"))
    done_on = models.DateField(_("dato"))
    kind = models.CharField(_("slags"), max_length=20, choices=Kind.choices)
    event = models.ForeignKey(
        "community.Event",
        verbose_name=_("arrangement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    statement = models.ForeignKey(
        "statements.Statement",
        verbose_name=_("udtalelse"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dialogue_entry = models.ForeignKey(
        "dialogue.DialogueEntry",
        verbose_name=_("dialog"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    purposes = models.ManyToManyField(
        "councils.Purpose", verbose_name=_("formål i kommissoriet"), related_name="+", blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("bidrag til frivillighedsstrategien")
        verbose_name_plural = _("bidrag til frivillighedsstrategien")
        ordering = ["-done_on", "-id"]

    def __str__(self) -> str:
        return self.what[:80]


class VolunteerOpportunity(BaseModel):
    """A volunteer opportunity an association (or another organiser) offers. Public from its start until its
    end date, then gone from every public output; the contact shown is only the one given for it."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="volunteer_opportunities")
    association = models.ForeignKey(
        "community.Association",
        verbose_name=_("forening"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="volunteer_opportunities",
    )
    organiser = models.CharField(_("arrangør"), max_length=200, blank=True)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"))
    place = models.CharField(_("sted"), max_length=300, blank=True)
    languages = models.JSONField(_("sprog"), default=list, blank=True)
    contact_email = models.EmailField(_("offentlig kontakt-e-mail"), blank=True)
    starts_on = models.DateField(_("vises fra"))
    ends_on = models.DateField(_("slutdato"))
    internal_note = models.TextField(_("intern note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("frivilligt job")
        verbose_name_plural = _("frivillige job")
        ordering = ["ends_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="opportunity_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(association__isnull=False) | ~Q(organiser=""), name="opportunity_has_organiser"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organiser_name(self) -> str:
        return self.association.name if self.association is not None else self.organiser
