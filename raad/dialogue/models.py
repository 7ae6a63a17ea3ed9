"""Dialogue with citizens (kommissorium, purposes 2 and 3; rules R9, R30, R31, R35).

- `Inquiry` (henvendelse): what a citizen, association or professional writes to the council, without an
  account. Triaged by the secretariat: general (it feeds a topic) or an individual case (enkeltsag, R9),
  which is answered with a referral from the municipality's catalogue (`ReferralService`) and whose text and
  personal details are erased after the retention period in the rules of procedure.
- `InquiryEvent`: every state change of an inquiry, shown on the inquirer's status page (signed link).
- `Topic` (emne, signal): something the council works with, tagged with the kommissorium's purposes; its
  chain (raised → discussed at a meeting → statement → what the board or administration did) is public
  as "I sagde – vi gjorde", with counts only, never an inquirer's words without consent.
- `DialogueEntry` (dialoglog): the council's record of its dialogue; organisations by name, private people
  never by name.

No field asks for ethnicity, religion or health (R31); free text passes core.redaction before storage (R30).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.models import BaseModel


class ReferralService(BaseModel):
    """A municipal service an individual case is referred to (jobcenter, borgerservice, familieafdeling,
    sprogcenter, boligsocial helper …). The municipality maintains the catalogue; texts are translatable."""

    municipality = models.ForeignKey(
        "councils.Municipality", on_delete=models.PROTECT, related_name="referral_services"
    )
    slug = models.SlugField(_("kortnavn"), max_length=80)
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("hvad de kan hjælpe med"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    url = models.URLField(_("hjemmeside"), blank=True)
    address = models.TextField(_("adresse"), blank=True)
    opening_hours = models.TextField(_("åbningstider"), blank=True)
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=1)
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        verbose_name = _("henvisning")
        verbose_name_plural = _("henvisninger")
        ordering = ["municipality", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="referral_service_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Topic(BaseModel):
    """An emne (signal) the council works with: raised by inquiries, by members and the secretariat from
    their dialogue; discussed at a meeting; perhaps answered with a statement; followed up."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("topic status", "Nyt")
        ON_AGENDA = "on_agenda", pgettext_lazy("topic status", "På dagsordenen")
        DISCUSSED = "discussed", pgettext_lazy("topic status", "Drøftet i rådet")
        STATEMENT = "statement", pgettext_lazy("topic status", "Rådet har udtalt sig")
        FOLLOWED_UP = "followed_up", pgettext_lazy("topic status", "Fulgt op")
        CLOSED = "closed", pgettext_lazy("topic status", "Afsluttet")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="topics")
    number = models.PositiveIntegerField(_("nummer"))
    title = models.CharField(_("emne"), max_length=300)
    summary = models.TextField(_("beskrivelse"), blank=True)
    purposes = models.ManyToManyField(
        "councils.Purpose", verbose_name=_("formål i kommissoriet"), related_name="topics", blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    published = models.BooleanField(_("vises offentligt"), default=False)
    # People who raised it outside the form (at a meeting with an association, by phone): counted, never named.
    raised_elsewhere_count = models.PositiveIntegerField(_("rejst andre steder (antal personer)"), default=0)
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("dagsordenspunkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="topics",
    )
    statement = models.ForeignKey(
        "statements.Statement",
        verbose_name=_("udtalelse"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="topics",
    )
    outcome = models.TextField(_("hvad kommunalbestyrelsen eller forvaltningen gjorde"), blank=True)
    outcome_on = models.DateField(_("opfølgning den"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("emne")
        verbose_name_plural = _("emner")
        ordering = ["council", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["council", "number"], name="topic_number_unique"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("dialogue:topic", kwargs={"slug": self.council.slug, "number": self.number})


class Inquiry(BaseModel):
    """A henvendelse to the council. Contact details are optional (anonymous is fine)."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Et spørgsmål")
        IDEA = "idea", _("En idé eller et emne, rådet bør tage op")
        CONCERN = "concern", _("En bekymring om forholdene i kommunen")
        INVITATION = "invitation", _("En invitation")

    class ReplyBy(models.TextChoices):
        EMAIL = "email", _("Svar mig på e-mail")
        NONE = "none", _("Jeg ønsker ikke svar")

    class Status(models.TextChoices):
        RECEIVED = "received", pgettext_lazy("inquiry status", "Modtaget")
        TOPIC = "topic", pgettext_lazy("inquiry status", "Taget op som emne")
        REFERRED = "referred", pgettext_lazy("inquiry status", "Henvist")
        ANSWERED = "answered", pgettext_lazy("inquiry status", "Besvaret")
        CLOSED = "closed", pgettext_lazy("inquiry status", "Afsluttet")

    class Classification(models.TextChoices):
        UNSORTED = "", _("Ikke vurderet")
        GENERAL = "general", _("Generelt emne")
        INDIVIDUAL = "individual", _("Enkeltsag")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="inquiries")
    reference = models.CharField(_("sagsnummer"), max_length=30, unique=True)
    kind = models.CharField(_("hvad drejer det sig om"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("henvendelse"))
    language = models.CharField(_("sprog"), max_length=20)
    name = models.CharField(_("navn"), max_length=200, blank=True)
    organisation = models.CharField(_("forening eller organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    reply_by = models.CharField(_("svar"), max_length=10, choices=ReplyBy.choices, default=ReplyBy.EMAIL)
    consent_publish = models.BooleanField(_("må offentliggøres uden navn"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    classification = models.CharField(
        _("vurdering"), max_length=20, choices=Classification.choices, default=Classification.UNSORTED, blank=True
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("emne"), null=True, blank=True, on_delete=models.PROTECT, related_name="inquiries"
    )
    referral = models.ForeignKey(
        ReferralService,
        verbose_name=_("henvist til"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inquiries",
    )
    reply = models.TextField(_("svar til afsenderen"), blank=True)
    triaged_at = models.DateTimeField(_("vurderet"), null=True, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set when the retention command erased personal data (and, for an individual case, the text).
    erased_at = models.DateTimeField(_("persondata slettet"), null=True, blank=True)

    # Personal data never enters the audit journal (core.audit): it records that these changed, not the values.
    AUDIT_PRIVATE_FIELDS = ("text", "name", "organisation", "email", "phone", "reply")

    class Meta:
        verbose_name = _("henvendelse")
        verbose_name_plural = _("henvendelser")
        ordering = ["council", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(classification="individual") | Q(topic__isnull=True),
                name="inquiry_individual_case_no_topic",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def audit_label(self) -> str:
        return self.reference


class InquiryEvent(BaseModel):
    """A step in an inquiry's life, as its sender sees it on the status page (in their language)."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=20, choices=Inquiry.Status.choices)
    at = models.DateTimeField(_("tidspunkt"))
    # A public note to the sender (no personal data; masked): "Rådet drøfter emnet på mødet 10. december".
    note = models.TextField(_("besked til afsenderen"), blank=True)

    class Meta:
        verbose_name = _("hændelse for henvendelse")
        verbose_name_plural = _("hændelser for henvendelser")
        ordering = ["inquiry", "at", "id"]

    def __str__(self) -> str:
        return f"{self.inquiry} {self.status}"


class DialogueEntry(BaseModel):
    """An entry in the dialogue log: the council met, heard or visited someone (purpose 2)."""

    class Counterpart(models.TextChoices):
        CITIZENS = "citizens", _("Borgere")
        PROFESSIONALS = "professionals", _("Fagprofessionelle")
        BUSINESSES = "businesses", _("Virksomheder")
        AUTHORITIES = "authorities", _("Offentlige myndigheder")
        ASSOCIATIONS = "associations", _("Foreninger")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="dialogue_entries")
    held_on = models.DateField(_("dato"))
    counterpart = models.CharField(_("med hvem"), max_length=20, choices=Counterpart.choices)
    # Organisations by name; private people never by name (the form says so; the service masks).
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    participants = models.ManyToManyField(
        "membership.Person", verbose_name=_("fra rådet"), related_name="dialogue_entries", blank=True
    )
    learned = models.TextField(_("hvad vi hørte"))
    follow_up = models.TextField(_("opfølgning"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("emner"), related_name="dialogue_entries", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("dialoglog")
        verbose_name_plural = _("dialoglog")
        ordering = ["council", "-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on:%d.%m.%Y} {self.get_counterpart_display()} {self.organisation}".strip()
