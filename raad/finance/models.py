"""Økonomi: the board's yearly budget for the council in lines, expenses against a line, and members'
expense claims. Money is `Decimal` in kroner with øre (two decimals), never float.

Nothing here is ever deleted (R34): a correction of an expense is a reversing entry (a negative amount that
points at the original), a claim is decided once and keeps its decision."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.models import BaseModel


def receipt_path(instance: models.Model, filename: str) -> str:
    # A random part: a receipt's path is never guessable (they are served through a view that checks access).
    return f"finance/{secrets.token_hex(12)}-{filename}"


class BudgetYear(BaseModel):
    """The budget the municipal board grants the council for one calendar year."""

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="budget_years")
    year = models.PositiveSmallIntegerField(_("år"))
    decision_reference = models.CharField(_("kommunalbestyrelsens beslutning"), max_length=200, blank=True)
    decided_on = models.DateField(_("beslutningsdato"), null=True, blank=True)
    transport_rate = models.DecimalField(
        _("kørselstakst pr. km"),
        max_digits=6,
        decimal_places=2,
        help_text=_("Den takst, kommunen fastsætter for året, i kroner pr. kilometer."),
    )
    claim_limit = models.DecimalField(
        _("beløbsgrænse for krav uden særskilt godkendelse"),
        null=True,
        blank=True,
        help_text=_(
            "Et udlægskrav over dette beløb kan kun godkendes med en særskilt godkendelse. Tomt: ingen grænse."
        ),
        max_digits=12,
        decimal_places=2,
    )

    class Meta:
        verbose_name = _("budgetår")
        verbose_name_plural = _("budgetår")
        ordering = ["council", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["council", "year"], name="finance_budget_year_unique"),
            models.CheckConstraint(condition=Q(transport_rate__gte=0), name="finance_transport_rate_not_negative"),
            models.CheckConstraint(
                condition=Q(claim_limit__isnull=True) | Q(claim_limit__gte=0), name="finance_claim_limit_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Budget %(year)s") % {"year": self.year})


class BudgetLine(BaseModel):
    """One line of the year's budget (arrangementer, møder og forplejning, tolkning, kørsel …): rows the
    secretariat sets, not a fixed list."""

    class ClaimKind(models.TextChoices):
        NONE = "", _("Ingen udlæg")
        TRANSPORT = "transport", _("Kørsel")
        OTHER = "other", _("Andre udlæg")

    budget = models.ForeignKey(BudgetYear, on_delete=models.PROTECT, related_name="lines")
    name = models.CharField(_("budgetpost"), max_length=120)
    amount = models.DecimalField(_("budget"), max_digits=12, decimal_places=2)
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=1)
    receives_claims = models.CharField(
        _("godkendte udlæg bogføres her"),
        max_length=20,
        blank=True,
        choices=ClaimKind.choices,
        default=ClaimKind.NONE,
    )

    class Meta:
        verbose_name = _("budgetpost")
        verbose_name_plural = _("budgetposter")
        ordering = ["budget", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "name"], name="finance_line_name_unique"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="finance_line_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name


class Claim(BaseModel):
    """A member's expense claim (udlæg): membership is unpaid, documented expenses are refunded."""

    class Kind(models.TextChoices):
        TRANSPORT = "transport", _("Kørsel")
        OTHER = "other", _("Andet udlæg")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Indsendt")
        APPROVED = "approved", _("Godkendt")
        REJECTED = "rejected", _("Afvist")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="claims")
    budget = models.ForeignKey(BudgetYear, on_delete=models.PROTECT, related_name="claims")
    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("udlægsholder"), on_delete=models.PROTECT, related_name="claims"
    )
    incurred_on = models.DateField(_("dato"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    what = models.CharField(_("hvad"), max_length=300)
    km = models.DecimalField(_("kilometer"), max_digits=7, decimal_places=1, null=True, blank=True)
    rate = models.DecimalField(_("takst pr. km"), max_digits=6, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(_("beløb"), max_digits=12, decimal_places=2)
    receipt = models.FileField(_("kvittering"), upload_to=receipt_path, blank=True)
    receipt_content_type = models.CharField(_("filtype"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgjort af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    rejection_reason = models.TextField(_("begrundelse for afvisning"), blank=True)
    over_limit_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beløb over grænsen godkendt af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("udlægskrav")
        verbose_name_plural = _("udlægskrav")
        ordering = ["-incurred_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="finance_claim_amount_positive"),
            models.CheckConstraint(
                condition=~Q(kind="transport") | (Q(km__gt=0) & Q(rate__isnull=False)),
                name="finance_transport_claim_has_km",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Udlæg nr. %(number)s") % {"number": self.pk})


class Expense(BaseModel):
    """An expense against a budget line. Committed (bestilt, forpligtet) until paid. Never deleted nor
    changed in amount: a correction is a reversing entry with the negative amount (R34)."""

    class Status(models.TextChoices):
        COMMITTED = "committed", _("Forpligtet")
        PAID = "paid", _("Betalt")

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budgetpost"), on_delete=models.PROTECT, related_name="expenses"
    )
    spent_on = models.DateField(_("dato"))
    payee = models.CharField(_("modtager"), max_length=200)
    amount = models.DecimalField(_("beløb"), max_digits=12, decimal_places=2)
    description = models.TextField(_("beskrivelse"), blank=True)
    receipt = models.FileField(pgettext_lazy("expense receipt", "bilag"), upload_to=receipt_path, blank=True)
    receipt_content_type = models.CharField(_("filtype"), max_length=100, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("møde"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="expenses",
    )
    event = models.ForeignKey(
        "community.Event",
        verbose_name=_("arrangement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="expenses",
    )
    purposes = models.ManyToManyField(
        "councils.Purpose", verbose_name=_("formål i kommissoriet"), related_name="expenses", blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.COMMITTED)
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("tilbagefører"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversal",
    )
    claim = models.OneToOneField(
        Claim, verbose_name=_("udlægskrav"), null=True, blank=True, on_delete=models.PROTECT, related_name="expense"
    )
    over_budget_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("overskridelse godkendt af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("udgift")
        verbose_name_plural = _("udgifter")
        ordering = ["-spent_on", "-id"]
        constraints = [
            # A positive amount, except a reversing entry, which is negative.
            models.CheckConstraint(
                condition=(Q(reverses__isnull=True) & Q(amount__gt=0)) | (Q(reverses__isnull=False) & Q(amount__lt=0)),
                name="finance_expense_sign",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Udgift nr. %(number)s") % {"number": self.pk})
