"""Bemanding og udpegning: people, seats, nominating bodies, memberships and substitutes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel
from raad.councils.models import BoardDecision, Council, Term


class NominatingBody(BaseModel):
    """An association or institution entitled to nominate a candidate for a seat."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="nominating_bodies")
    name = models.CharField(_("navn"), max_length=200)
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)

    class Meta:
        verbose_name = _("indstillingsberettiget organisation")
        verbose_name_plural = _("indstillingsberettigede organisationer")
        ordering = ["council", "name"]
        constraints = [models.UniqueConstraint(fields=["council", "name"], name="nominating_body_unique")]

    def __str__(self) -> str:
        return self.name


class Seat(BaseModel):
    """A place on the council, from the seat catalogue of the rules of procedure."""

    class Kind(models.TextChoices):
        NOMINATED = "nominated", _("Udpeget efter indstilling")
        DIRECT = "direct", _("Direkte udpeget")
        BOARD_MEMBER = "board_member", _("Medlem af kommunalbestyrelsen")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="seats")
    number = models.PositiveSmallIntegerField(_("plads nr."))
    kind = models.CharField(_("pladstype"), max_length=20, choices=Kind.choices)
    nominating_body = models.ForeignKey(
        NominatingBody,
        verbose_name=_("indstillingsberettiget organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seats",
    )
    retired_on = models.DateField(_("nedlagt"), null=True, blank=True)

    class Meta:
        verbose_name = _("plads")
        verbose_name_plural = _("pladser")
        ordering = ["council", "number"]
        constraints = [
            models.UniqueConstraint(fields=["council", "number"], name="seat_number_unique"),
            models.CheckConstraint(
                condition=Q(kind="nominated", nominating_body__isnull=False) | ~Q(kind="nominated"),
                name="seat_nominated_has_body",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Plads %(number)s") % {"number": self.number})


class Person(BaseModel):
    """A member, substitute or candidate. No CPR, ethnicity or religion: not collected (R30, R31)."""

    first_name = models.CharField(_("fornavn"), max_length=100)
    last_name = models.CharField(_("efternavn"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    city = models.CharField(_("by"), max_length=100, blank=True)
    resides_in_municipality = models.BooleanField(_("bor i kommunen"), default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    bio = models.TextField(_("kort præsentation"), blank=True)
    bio_en = models.TextField(_("kort præsentation (engelsk)"), blank=True)
    publish_bio = models.BooleanField(_("samtykke til at vise præsentation"), default=False)
    consent_recorded_at = models.DateTimeField(_("samtykke givet"), null=True, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Membership(BaseModel):
    """A person on a seat in a term, from a recorded board appointment (R2)."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Medlem")
        CHAIR = "chair", _("Forperson")
        VICE_CHAIR = "vice_chair", _("Næstforperson")

    class EndReason(models.TextChoices):
        TERM_ENDED = "term_ended", _("Valgperioden sluttede")
        RESIGNED = "resigned", _("Udtrådt efter eget ønske")
        MOVED_AWAY = "moved_away", _("Fraflyttet kommunen")
        DECEASED = "deceased", _("Afgået ved døden")
        REPLACED = "replaced", _("Erstattet")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="memberships")
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="memberships")
    appointment = models.ForeignKey(
        BoardDecision, verbose_name=_("udpegningsbeslutning"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til"), null=True, blank=True)
    end_reason = models.CharField(_("ophørsgrund"), max_length=20, choices=EndReason.choices, blank=True)

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        ordering = ["seat__number", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.seat}"

    @property
    def council_id(self) -> int:
        return self.seat.council_id


class Substitute(BaseModel):
    """A personal substitute (stedfortræder) for one membership (R19)."""

    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="substitutes")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="substitutions")
    appointment = models.ForeignKey(BoardDecision, on_delete=models.PROTECT, related_name="+")
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til"), null=True, blank=True)

    class Meta:
        verbose_name = _("stedfortræder")
        verbose_name_plural = _("stedfortrædere")
        ordering = ["membership", "-starts_on"]

    def __str__(self) -> str:
        return str(_("%(person)s (stedfortræder for %(member)s)") % {"person": self.person, "member": self.membership.person})
