"""Bemanding og udpegning: people, seats, nominating bodies, memberships and substitutes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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
    residence_needs_confirmation = models.BooleanField(
        _("bopæl skal bekræftes af sekretariatet"),
        default=False,
        help_text=_("Postnummeret deles med en nabokommune."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    bio = models.TextField(_("kort præsentation"), blank=True)
    publish_bio = models.BooleanField(_("samtykke til at vise præsentation"), default=False)
    photo = models.ImageField(_("foto"), upload_to="personer/", blank=True)
    publish_photo = models.BooleanField(_("samtykke til at vise foto"), default=False)
    consent_recorded_at = models.DateTimeField(_("samtykke givet"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymiseret"), null=True, blank=True)
    confidentiality_acknowledged_at = models.DateTimeField(_("tavshedspligt accepteret"), null=True, blank=True)

    # The audit journal cannot be changed, so it never holds these values: a candidate who is not
    # appointed must be erasable (R35). It records that they changed, and the person by number only.
    AUDIT_PRIVATE_FIELDS = (
        "first_name",
        "last_name",
        "email",
        "phone",
        "street_address",
        "postcode",
        "city",
        "bio",
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def audit_label(self) -> str:
        return str(_("Person nr. %(number)s") % {"number": self.pk})


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
    moved_away_flagged_on = models.DateField(_("fraflytning meldt"), null=True, blank=True)
    moved_away_note = models.CharField(_("bemærkning om fraflytning"), max_length=300, blank=True)
    nomination = models.ForeignKey(
        "Nomination",
        verbose_name=_("indstilling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    promoted_from = models.OneToOneField(
        "Substitute",
        verbose_name=_("indtrådt som stedfortræder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="promoted_to",
    )
    is_national_representative = models.BooleanField(_("repræsentant i Det Nationale Integrationsråd"), default=False)

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
    nomination = models.ForeignKey(
        "Nomination",
        verbose_name=_("indstilling"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substitutes",
    )

    class Meta:
        verbose_name = _("stedfortræder")
        verbose_name_plural = _("stedfortrædere")
        ordering = ["membership", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="substitute_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return str(
            _("%(person)s (stedfortræder for %(member)s)") % {"person": self.person, "member": self.membership.person}
        )


class NominationCall(BaseModel):
    """A call for nominations (indkaldelse af indstillinger): for a new term, or for one vacant seat."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="nomination_calls")
    term = models.ForeignKey(Term, verbose_name=_("valgperiode"), on_delete=models.PROTECT, related_name="+")
    seat = models.ForeignKey(
        Seat,
        verbose_name=_("plads (kun ved en ledig plads)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nomination_calls",
    )
    title = models.CharField(pgettext_lazy("nomination call", "overskrift"), max_length=200)
    message = models.TextField(_("besked til organisationerne"), blank=True)
    deadline = models.DateTimeField(_("frist for indstillinger"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.ForeignKey(
        BoardDecision,
        verbose_name=_("afgjort ved beslutning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on = models.DateField(_("afgjort den"), null=True, blank=True)

    class Meta:
        verbose_name = _("indkaldelse af indstillinger")
        verbose_name_plural = _("indkaldelser af indstillinger")
        ordering = ["council", "-deadline"]

    def __str__(self) -> str:
        return self.title


class Nomination(BaseModel):
    """A nominating body proposes a candidate (and a personal substitute) for a seat. Never a member (R2)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Modtaget, venter på kandidatens bekræftelse")
        CONFIRMED = "confirmed", _("Bekræftet af kandidaten")
        APPOINTED = "appointed", _("Udpeget")
        NOT_APPOINTED = "not_appointed", _("Ikke udpeget")
        WITHDRAWN = "withdrawn", _("Trukket tilbage")

    call = models.ForeignKey(NominationCall, on_delete=models.PROTECT, related_name="nominations")
    nominating_body = models.ForeignKey(NominatingBody, on_delete=models.PROTECT, related_name="nominations")
    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="nominations")
    candidate = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="nominations")
    substitute_candidate = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="substitute_nominations"
    )
    motivation = models.TextField(_("motivation"), blank=True)
    submitted_by_name = models.CharField(_("indsendt af"), max_length=200)
    submitted_by_email = models.EmailField(_("indsenderens e-mail"))
    # The sender's address gets the receipt (with the nomination's content) only once it has confirmed itself.
    submitted_by_confirmed_at = models.DateTimeField(_("indsenderens e-mail bekræftet"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    candidate_confirmed_at = models.DateTimeField(_("kandidaten har bekræftet"), null=True, blank=True)
    substitute_confirmed_at = models.DateTimeField(_("stedfortræderen har bekræftet"), null=True, blank=True)
    decided_on = models.DateField(_("afgjort den"), null=True, blank=True)
    withdrawn_on = models.DateField(_("trukket tilbage den"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("begrundelse for tilbagetrækning"), max_length=500, blank=True)
    anonymised_at = models.DateTimeField(_("anonymiseret"), null=True, blank=True)

    # The reason may tell about the candidate's circumstances; the journal records that it was given (R35).
    AUDIT_PRIVATE_FIELDS = ("withdrawal_reason",)

    class Meta:
        verbose_name = _("indstilling")
        verbose_name_plural = _("indstillinger")
        ordering = ["call", "seat__number", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="withdrawn", withdrawn_on__isnull=False)
                | (~Q(status="withdrawn") & Q(withdrawn_on__isnull=True)),
                name="nomination_withdrawn_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        # No candidate name: the audit journal keeps this label after the candidate is anonymised (R35).
        return str(_("Indstilling nr. %(id)s til %(seat)s") % {"id": self.pk, "seat": self.seat})

    @property
    def council_id(self) -> int:
        return self.call.council_id

    @property
    def is_open(self) -> bool:
        """Still a proposal: neither decided on by the board nor withdrawn (the call may still be decided)."""
        return self.status in (self.Status.SUBMITTED, self.Status.CONFIRMED)


class Election(BaseModel):
    """An election among the members: forperson, næstforperson, or the representative to
    Det Nationale Integrationsråd (R10, R12)."""

    class Office(models.TextChoices):
        CHAIR = "chair", _("Forperson")
        VICE_CHAIR = "vice_chair", _("Næstforperson")
        NATIONAL_REPRESENTATIVE = "national_representative", _("Repræsentant i Det Nationale Integrationsråd")

    class Method(models.TextChoices):
        SECRET_DEVICE = "secret_device", _("Hemmelig afstemning på egen enhed")
        PAPER = "paper", _("Stemmesedler på papir, optalt af sekretariatet")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="elections")
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="+")
    office = models.CharField(_("valg af"), max_length=30, choices=Office.choices)
    method = models.CharField(_("afstemningsform"), max_length=20, choices=Method.choices)
    majority = models.CharField(_("flertal"), max_length=20)
    held_on = models.DateField(_("mødedato"))
    elected = models.ForeignKey(
        Membership, verbose_name=_("valgt"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    # The representative elected must also be reported to Det Nationale Integrationsråd (R10): the secretariat
    # records the day it did so; until then the report is on the desk.
    reported_on = models.DateField(_("indberettet til Det Nationale Integrationsråd den"), null=True, blank=True)

    class Meta:
        verbose_name = _("valg")
        verbose_name_plural = _("valg")
        ordering = ["council", "-held_on", "-id"]

    def __str__(self) -> str:
        return str(
            _("%(office)s: valg %(date)s")
            % {"office": self.get_office_display(), "date": self.held_on.strftime("%d.%m.%Y")}
        )


class ElectionCandidate(models.Model):
    election = models.ForeignKey(Election, on_delete=models.PROTECT, related_name="candidates")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("kandidat")
        verbose_name_plural = _("kandidater")
        ordering = ["election", "membership__seat__number"]
        constraints = [models.UniqueConstraint(fields=["election", "membership"], name="election_candidate_unique")]

    def __str__(self) -> str:
        return str(self.membership.person)


class ElectionRound(BaseModel):
    """One ballot (afstemningsrunde). A tie leads to a new round; a second tie to a lot draw."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("Afstemningen er åben")
        ELECTED = "elected", _("Valgt")
        NEW_ROUND = "new_round", _("Ny afstemning")
        LOT = "lot", _("Lodtrækning")

    election = models.ForeignKey(Election, on_delete=models.PROTECT, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("runde"))
    voters_present = models.PositiveSmallIntegerField(_("stemmeberettigede til stede"))
    candidates = models.ManyToManyField(ElectionCandidate, related_name="rounds")
    outcome = models.CharField(_("resultat"), max_length=20, choices=Outcome.choices, default=Outcome.OPEN)
    blank_votes = models.PositiveSmallIntegerField(_("blanke stemmer"), default=0)
    tied = models.BooleanField(_("stemmelighed"), default=False)
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)

    class Meta:
        verbose_name = _("afstemningsrunde")
        verbose_name_plural = _("afstemningsrunder")
        ordering = ["election", "number"]
        constraints = [models.UniqueConstraint(fields=["election", "number"], name="election_round_unique")]

    def __str__(self) -> str:
        return str(_("Runde %(n)s") % {"n": self.number})


class BallotCast(models.Model):
    """Who voted in a round. What they voted is only ever added to the round's counters (RoundCount and
    blank votes), so no stored row links a member to a choice (secret ballot)."""

    round = models.ForeignKey(ElectionRound, on_delete=models.PROTECT, related_name="casts")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("afgivet stemme")
        verbose_name_plural = _("afgivne stemmer")
        constraints = [models.UniqueConstraint(fields=["round", "membership"], name="ballot_cast_once")]

    def __str__(self) -> str:
        return str(_("%(round)s: stemme afgivet") % {"round": self.round})


class RoundCount(models.Model):
    """The votes for one candidate in a round: a counter the secret ballot moves (no single ballot is
    stored), or the secretariat's count of a paper ballot."""

    round = models.ForeignKey(ElectionRound, on_delete=models.PROTECT, related_name="counts")
    candidate = models.ForeignKey(ElectionCandidate, on_delete=models.PROTECT, related_name="counts")
    votes = models.PositiveSmallIntegerField(_("stemmer"))

    class Meta:
        verbose_name = _("optælling")
        verbose_name_plural = _("optællinger")
        ordering = ["round", "-votes"]
        constraints = [models.UniqueConstraint(fields=["round", "candidate"], name="round_count_unique")]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.votes}"


class LotDraw(BaseModel):
    """A tie settled by lot after a second tie: who drew, when, among whom, and the result."""

    round = models.OneToOneField(ElectionRound, on_delete=models.PROTECT, related_name="lot_draw")
    drawn_by = models.CharField(_("lodtrækningen foretaget af"), max_length=200)
    drawn_at = models.DateTimeField(_("tidspunkt"))
    among = models.JSONField(_("blandt"), default=list)
    result = models.ForeignKey(ElectionCandidate, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("lodtrækning")
        verbose_name_plural = _("lodtrækninger")

    def __str__(self) -> str:
        return str(_("Lodtrækning: %(who)s") % {"who": self.result})


class DirectElection(BaseModel):
    """The result of a direct election among citizens (the ældreråd, retssikkerhedsloven § 30): recorded
    instead of a nomination. The elected candidates became members by `decision`; the next ones are the
    substitutes in vote order."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="direct_elections")
    term = models.ForeignKey(Term, verbose_name=_("valgperiode"), on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField(_("valgdag"))
    seats = models.PositiveSmallIntegerField(_("pladser på valg"))
    decision = models.ForeignKey(
        BoardDecision, verbose_name=_("valgresultatet"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("valgresultat")
        verbose_name_plural = _("valgresultater")
        ordering = ["council", "-held_on"]
        constraints = [models.CheckConstraint(condition=Q(seats__gte=1), name="direct_election_seats_positive")]

    def __str__(self) -> str:
        return str(_("Valg %(date)s") % {"date": self.held_on.strftime("%d.%m.%Y")})


class DirectElectionCandidate(models.Model):
    """One candidate in a direct election's result, in the order of the result (most votes first)."""

    class Outcome(models.TextChoices):
        ELECTED = "elected", _("Valgt")
        SUBSTITUTE = "substitute", _("Stedfortræder")

    election = models.ForeignKey(DirectElection, on_delete=models.PROTECT, related_name="candidates")
    position = models.PositiveSmallIntegerField(_("placering"))
    name = models.CharField(_("navn"), max_length=200)
    votes = models.PositiveIntegerField(_("stemmer"))
    outcome = models.CharField(_("resultat"), max_length=20, choices=Outcome.choices)
    membership = models.OneToOneField(
        Membership, null=True, blank=True, on_delete=models.PROTECT, related_name="direct_election"
    )

    class Meta:
        verbose_name = _("kandidat")
        verbose_name_plural = _("kandidater")
        ordering = ["election", "position"]
        constraints = [
            models.UniqueConstraint(fields=["election", "position"], name="direct_candidate_position_unique"),
            models.UniqueConstraint(fields=["election", "name"], name="direct_candidate_name_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.votes}"

    @property
    def substitute_number(self) -> int | None:
        """1 for the first substitute in vote order, None for an elected candidate."""
        if self.outcome != self.Outcome.SUBSTITUTE:
            return None
        return self.position - self.election.seats
