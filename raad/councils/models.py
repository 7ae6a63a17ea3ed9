"""Formål, Organisering, Lovgrundlag: the municipality, its councils, their terms of reference,
their versioned rules of procedure and their terms (valgperioder)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel
from raad.core.roles import Role


class Municipality(BaseModel):
    name = models.CharField(_("navn"), max_length=100)
    code = models.CharField(_("kommunekode"), max_length=4, unique=True)
    website = models.URLField(_("hjemmeside"), blank=True)

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Room(BaseModel):
    """A room the municipality provides for the council's meetings and events (kommissorium, Økonomi:
    "lokaler stilles til rådighed for møder"). Meetings and events pick a room, so its address and
    accessibility details are typed once."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="rooms")
    name = models.CharField(_("navn"), max_length=200)
    address = models.CharField(_("adresse"), max_length=300)
    capacity = models.PositiveIntegerField(_("pladser"), null=True, blank=True)
    step_free = models.BooleanField(_("niveaufri adgang"), default=False)
    hearing_loop = models.BooleanField(_("teleslynge"), default=False)
    accessibility_note = models.TextField(_("om tilgængelighed"), blank=True)
    map_url = models.URLField(_("link til kort"), blank=True)
    active = models.BooleanField(_("i brug"), default=True)

    class Meta:
        verbose_name = _("lokale")
        verbose_name_plural = _("lokaler")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="room_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class BoardDecision(BaseModel):
    """A decision of the municipal board (or one of its committees) that the council relies on:
    creating the council, adopting rules of procedure, appointing members."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="decisions")
    body = models.CharField(_("besluttende organ"), max_length=150, default="Kommunalbestyrelsen")
    decided_on = models.DateField(_("beslutningsdato"))
    reference = models.CharField(_("beslutningsreference"), max_length=150)
    title = models.CharField(_("emne"), max_length=300)
    url = models.URLField(_("link til beslutningen"), blank=True)

    class Meta:
        verbose_name = _("beslutning i kommunalbestyrelsen")
        verbose_name_plural = _("beslutninger i kommunalbestyrelsen")
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return f"{self.body} {self.decided_on:%d.%m.%Y} ({self.reference})"


class Council(BaseModel):
    class Kind(models.TextChoices):
        INTEGRATION = "integration", _("Integrationsråd")
        ELDERLY = "elderly", _("Ældreråd")
        DISABILITY = "disability", _("Handicapråd")
        YOUTH = "youth", _("Ungeråd")
        OTHER = "other", _("Andet råd")

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="councils")
    slug = models.SlugField(_("kortnavn i adresser"), unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("navn"), max_length=200)
    established_by = models.ForeignKey(
        BoardDecision,
        verbose_name=_("oprettet ved beslutning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    archived_at = models.DateTimeField(_("arkiveret"), null=True, blank=True)
    secretariat_unit = models.CharField(_("sekretariat"), max_length=200)
    contact_email = models.EmailField(_("e-mail"))
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    contact_address = models.TextField(_("adresse"), blank=True)
    contact_hours = models.CharField(_("telefontid"), max_length=200, blank=True)
    # The languages its citizen pages are offered in besides Danish (codes from settings.LANGUAGES).
    citizen_languages = models.JSONField(_("sprog på borgersiderne"), default=list, blank=True)

    class Meta:
        verbose_name = _("råd")
        verbose_name_plural = _("råd")
        ordering = ["municipality__name", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:council", kwargs={"slug": self.slug})


class TermsOfReference(BaseModel):
    """The kommissorium: purposes with tasks, limits, composition, economy, organisation, legal basis."""

    council = models.OneToOneField(Council, on_delete=models.PROTECT, related_name="terms_of_reference")
    introduction = models.TextField(_("indledning"), blank=True)
    tasks_introduction = models.TextField(_("rådets opgaver og virksomhed"), blank=True)
    limits = models.TextField(_("hvad rådet ikke kan"), blank=True)
    composition = models.TextField(_("bemanding og udpegning"), blank=True)
    economy = models.TextField(_("økonomi"), blank=True)
    organisation = models.TextField(_("organisering"), blank=True)
    secretariat = models.TextField(_("sekretariatsbetjening"), blank=True)
    legal_basis = models.TextField(_("lovgrundlag"), blank=True)
    legal_basis_url = models.URLField(_("link til loven"), blank=True)
    approved_on = models.DateField(_("godkendt af kommunalbestyrelsen"), null=True, blank=True)

    TEXT_FIELDS = (
        "introduction",
        "tasks_introduction",
        "limits",
        "composition",
        "economy",
        "organisation",
        "secretariat",
        "legal_basis",
    )

    class Meta:
        verbose_name = _("kommissorium")
        verbose_name_plural = _("kommissorier")

    def __str__(self) -> str:
        return str(_("Kommissorium for %(council)s") % {"council": self.council})


class Purpose(BaseModel):
    """One numbered purpose (formål) of the kommissorium."""

    terms_of_reference = models.ForeignKey(TermsOfReference, on_delete=models.PROTECT, related_name="purposes")
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("formål"), max_length=300)
    description = models.TextField(_("sådan gør rådet"), blank=True)

    class Meta:
        verbose_name = _("formål")
        verbose_name_plural = _("formål")
        ordering = ["terms_of_reference", "number"]
        constraints = [
            models.UniqueConstraint(fields=["terms_of_reference", "number"], name="purpose_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="purpose_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PurposeTask(BaseModel):
    """A task (opgave) the council performs to serve a purpose."""

    purpose = models.ForeignKey(Purpose, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=1)
    text = models.TextField(_("opgave"))

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaver")
        ordering = ["purpose", "position", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class RulesOfProcedure(BaseModel):
    """One version of the council's forretningsorden, adopted by the municipal board.

    Versions are never edited: a change is a new version with its own adoption date and decision.
    Every number the software applies (seat counts, deadlines, quorum …) is read from the version
    in force on the date in question.
    """

    class TieRule(models.TextChoices):
        MOTION_FALLS = "motion_falls", _("Forslaget bortfalder ved stemmelighed")
        CHAIR_DECIDES = "chair_decides", _("Forpersonens stemme er afgørende ved stemmelighed")

    class ElectionMajority(models.TextChoices):
        PLURALITY = "plurality", _("Flest stemmer (simpelt flertal)")
        ABSOLUTE = "absolute", _("Over halvdelen af de afgivne stemmer (absolut flertal)")

    class MinutesApproval(models.TextChoices):
        CIRCULATION = "circulation", _("Ved skriftlig rundsendelse")
        NEXT_MEETING = "next_meeting", _("På det næste møde")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="rules_versions")
    version = models.PositiveIntegerField(_("version"))
    in_force_from = models.DateField(_("gælder fra"))
    adopted_on = models.DateField(_("vedtaget den"))
    decision = models.ForeignKey(
        BoardDecision,
        verbose_name=_("kommunalbestyrelsens beslutning"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    council_endorsed_on = models.DateField(_("tiltrådt af rådet den"), null=True, blank=True)
    change_summary = models.TextField(_("hvad er ændret"), blank=True)

    # § 1 Sammensætning
    max_members = models.PositiveSmallIntegerField(_("højst antal medlemmer"))
    max_nominated_seats = models.PositiveSmallIntegerField(_("højst antal medlemmer efter indstilling"))
    max_direct_seats = models.PositiveSmallIntegerField(_("højst antal direkte udpegede medlemmer"))
    max_board_member_seats = models.PositiveSmallIntegerField(
        _("højst antal medlemmer fra kommunalbestyrelsen"), default=0
    )
    min_members_warning = models.PositiveSmallIntegerField(_("advarsel under antal medlemmer"))
    residence_required = models.BooleanField(_("medlemmer skal bo i kommunen"), default=True)
    uses_substitutes = models.BooleanField(_("personlige stedfortrædere"), default=True)
    substitutes_only_when_absent = models.BooleanField(
        _("stedfortræder deltager kun ved medlemmets fravær"), default=True
    )
    # § 2 Valgperiode
    term_years = models.PositiveSmallIntegerField(_("valgperiodens længde i år"))
    continue_until_successors = models.BooleanField(
        _("medlemmer fortsætter, til efterfølgere er udpeget"), default=True
    )
    term_renewal_warning_days = models.PositiveSmallIntegerField(
        _("genudpegning forberedes (dage før valgperioden slutter)"), default=180
    )
    elects_national_representative = models.BooleanField(
        _("vælger repræsentant til Det Nationale Integrationsråd"), default=True
    )
    # § 3 Konstituering
    election_majority = models.CharField(_("flertal ved valg"), max_length=20, choices=ElectionMajority.choices)
    # § 4 Møder
    min_meetings_per_year = models.PositiveSmallIntegerField(_("mindst antal møder om året"))
    extraordinary_numerator = models.PositiveSmallIntegerField(_("ekstraordinært møde: tæller"))
    extraordinary_denominator = models.PositiveSmallIntegerField(_("ekstraordinært møde: nævner"))
    meetings_public = models.BooleanField(_("møderne er offentlige"), default=False)
    # § 5 Dagsorden
    member_item_deadline_days = models.PositiveSmallIntegerField(_("frist for medlemmers punkter (dage før)"))
    notice_deadline_days = models.PositiveSmallIntegerField(_("frist for udsendelse af dagsorden (dage før)"))
    # § 6 Beslutningsdygtighed og afstemning
    quorum_numerator = models.PositiveSmallIntegerField(_("beslutningsdygtighed: tæller"))
    quorum_denominator = models.PositiveSmallIntegerField(_("beslutningsdygtighed: nævner"))
    recused_count_toward_quorum = models.BooleanField(
        _("inhabile medlemmer tæller med i beslutningsdygtighed"), default=False
    )
    tie_rule = models.CharField(_("stemmelighed"), max_length=20, choices=TieRule.choices)
    # § 7 Referat
    minutes_approval = models.CharField(_("godkendelse af referat"), max_length=20, choices=MinutesApproval.choices)
    minutes_circulation_days = models.PositiveSmallIntegerField(_("frist for godkendelse ved rundsendelse (dage)"))
    minutes_draft_days = models.PositiveSmallIntegerField(
        _("referatet rundsendes senest (dage efter mødet)"), default=7
    )
    # § 8 Inhabilitet og tavshedspligt
    liaison_attends_as_guest = models.BooleanField(
        _("kommunalbestyrelsens kontaktperson deltager som gæst med tavshedspligt"), default=False
    )
    # § 9 Høringssvar og udtalelser
    consultation_first_reminder_days = models.PositiveSmallIntegerField(_("første påmindelse før høringsfrist (dage)"))
    consultation_second_reminder_days = models.PositiveSmallIntegerField(_("anden påmindelse før høringsfrist (dage)"))
    written_procedure_days = models.PositiveSmallIntegerField(_("svarfrist ved skriftlig procedure (dage)"))
    urgent_procedure_allowed = models.BooleanField(
        _("hastesager kan besvares af forperson og næstforperson"), default=True
    )
    publish_statements = models.BooleanField(_("vedtagne udtalelser offentliggøres"), default=True)
    # § 10 Årsberetning og persondata
    annual_report_due_month = models.PositiveSmallIntegerField(_("årsberetning senest i måned"))
    candidate_retention_months = models.PositiveSmallIntegerField(
        _("persondata om ikke-udpegede kandidater slettes efter (måneder)")
    )
    inquiry_retention_months = models.PositiveSmallIntegerField(
        _("persondata i henvendelser slettes efter (måneder)"), default=12
    )
    individual_case_retention_months = models.PositiveSmallIntegerField(
        _("enkeltsager slettes efter henvisning (måneder)"), default=3
    )
    # § 11 Arrangementer (kommissorium: "afholde arrangementer med integrationssigte")
    event_reminder_days = models.PositiveSmallIntegerField(
        _("påmindelse til tilmeldte før arrangement (dage)"), default=2
    )
    event_registration_retention_days = models.PositiveSmallIntegerField(
        _("persondata om tilmeldte slettes efter arrangementet (dage)"), default=30
    )
    # § 12 Sekretariatets frister
    inquiry_triage_days = models.PositiveSmallIntegerField(
        _("en henvendelse vurderes senest (dage efter modtagelsen)"), default=10
    )
    claim_decision_days = models.PositiveSmallIntegerField(
        _("et udlæg afgøres senest (dage efter indsendelsen)"), default=14
    )
    # The settings whose values are examples from a preset, not yet confirmed by the municipality: each page
    # that shows them says "skal bekræftes" (a new version adopted by the board confirms them).
    to_be_confirmed = models.JSONField(_("værdier der skal bekræftes"), default=list, blank=True)

    class Meta:
        verbose_name = _("forretningsorden")
        verbose_name_plural = _("forretningsordener")
        ordering = ["council", "-in_force_from", "-version"]
        get_latest_by = "in_force_from"
        constraints = [
            models.UniqueConstraint(fields=["council", "version"], name="rules_version_unique"),
            models.UniqueConstraint(fields=["council", "in_force_from"], name="rules_in_force_unique"),
            models.CheckConstraint(
                condition=Q(max_nominated_seats__lte=F("max_members")) & Q(max_direct_seats__lte=F("max_members")),
                name="rules_seat_types_within_max",
            ),
            models.CheckConstraint(
                condition=Q(quorum_denominator__gte=1)
                & Q(quorum_numerator__gte=1)
                & Q(quorum_numerator__lte=F("quorum_denominator")),
                name="rules_quorum_fraction",
            ),
            models.CheckConstraint(
                condition=Q(extraordinary_denominator__gte=1)
                & Q(extraordinary_numerator__gte=1)
                & Q(extraordinary_numerator__lte=F("extraordinary_denominator")),
                name="rules_extraordinary_fraction",
            ),
            models.CheckConstraint(
                condition=Q(annual_report_due_month__gte=1) & Q(annual_report_due_month__lte=12),
                name="rules_report_month",
            ),
        ]

    def __str__(self) -> str:
        return str(
            _("Forretningsorden version %(version)s (fra %(date)s)")
            % {"version": self.version, "date": self.in_force_from.strftime("%d.%m.%Y")}
        )

    def get_absolute_url(self) -> str:
        return reverse("portal:rules_version", kwargs={"slug": self.council.slug, "version": self.version})


class RulesChange(BaseModel):
    """A change of the rules of procedure on its way (R8): proposed by the secretariat, voted by the council,
    adopted by the board. Only the board's adoption makes a new `RulesOfProcedure` version, in force from
    its date; until then the proposal changes nothing."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Foreslået")
        COUNCIL_ADOPTED = "council_adopted", _("Tiltrådt af rådet")
        COUNCIL_REJECTED = "council_rejected", _("Forkastet af rådet")
        BOARD_ADOPTED = "board_adopted", _("Vedtaget af kommunalbestyrelsen")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="rules_changes")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_settings = models.JSONField(_("foreslåede indstillinger"))
    in_force_from = models.DateField(_("foreslås at gælde fra"))
    change_summary = models.TextField(_("hvad er ændret"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_on = models.DateField(_("foreslået den"))
    council_voted_on = models.DateField(_("rådets afstemning den"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("stemmer for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("stemmer imod"), null=True, blank=True)
    votes_abstained = models.PositiveSmallIntegerField(_("undlod at stemme"), null=True, blank=True)
    meeting_reference = models.CharField(_("mødepunkt"), max_length=200, blank=True)
    adopted_version = models.OneToOneField(
        RulesOfProcedure,
        verbose_name=_("vedtaget version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="change",
    )

    class Meta:
        verbose_name = _("ændring af forretningsorden")
        verbose_name_plural = _("ændringer af forretningsorden")
        ordering = ["council", "-proposed_on", "-id"]

    def __str__(self) -> str:
        return str(
            _("Ændring af forretningsorden foreslået %(date)s") % {"date": self.proposed_on.strftime("%d.%m.%Y")}
        )


class Term(BaseModel):
    """A valgperiode: follows the municipal election period."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="terms")
    name = models.CharField(_("navn"), max_length=100)
    starts_on = models.DateField(_("begynder"))
    ends_on = models.DateField(_("slutter"))

    class Meta:
        verbose_name = _("valgperiode")
        verbose_name_plural = _("valgperioder")
        ordering = ["council", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["council", "starts_on"], name="term_start_unique"),
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="term_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.name


class StaffAssignment(BaseModel):
    """A user who serves a council without being a member: the secretariat and the board's liaison."""

    class StaffRole(models.TextChoices):
        SECRETARIAT = Role.SECRETARIAT.value, Role.SECRETARIAT.label
        BOARD_LIAISON = Role.BOARD_LIAISON.value, Role.BOARD_LIAISON.label

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="staff")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff_assignments")
    role = models.CharField(_("rolle"), max_length=20, choices=StaffRole.choices)
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til"), null=True, blank=True)

    class Meta:
        verbose_name = _("tilknytning")
        verbose_name_plural = _("tilknytninger")
        ordering = ["council", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user", "role", "starts_on"], name="staff_assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.council})"
