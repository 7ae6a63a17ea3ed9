"""Høringer og udtalelser: consultations the council receives and the statements it makes (R3, R22, R24, R29).

Nothing here is ever hard-deleted (R34): a statement moves draft → adopted → sent → published; versions are
kept for good; a correction after adoption is a new version.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.minority import MinorityStatementBase
from raad.core.models import BaseModel
from raad.councils.models import Council, Municipality, Purpose, RulesOfProcedure
from raad.membership.models import Membership


class Committee(BaseModel):
    """A sender or recipient in the municipality: a standing committee, the board or the administration."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="committees")
    name = models.CharField(_("navn"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("udvalg")
        verbose_name_plural = _("udvalg")
        ordering = ["municipality", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="committee_name_unique")]

    def __str__(self) -> str:
        return self.name


class Consultation(BaseModel):
    """A høring: a request for the council's view from a committee, the board or the administration."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="consultations")
    subject = models.CharField(_("emne"), max_length=300)
    summary = models.TextField(_("kort beskrivelse"), blank=True)
    committee = models.ForeignKey(
        Committee, verbose_name=_("afsender (udvalg)"), on_delete=models.PROTECT, related_name="consultations"
    )
    reply_to = models.EmailField(_("svar sendes til (e-mail)"), blank=True)
    received_on = models.DateField(_("modtaget"))
    deadline = models.DateField(_("høringsfrist"))
    link = models.URLField(_("link til kommunens side"), blank=True)
    case_number = models.CharField(_("sagsnummer"), max_length=60)

    class Meta:
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        ordering = ["deadline", "id"]
        # The desk reads one council's consultations by deadline (statements.selectors.open_consultations).
        indexes = [models.Index(fields=["council", "deadline"], name="consultation_council_deadline")]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("received_on")), name="consultation_deadline_after_received"
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def answer_address(self) -> str:
        return self.reply_to or self.committee.email


def _document_path(instance: ConsultationDocument, filename: str) -> str:
    return f"statements/consultations/{instance.consultation_id}/{filename}"


class ConsultationDocument(BaseModel):
    """A høringsmateriale file. Type and size are checked by content in the service."""

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(_("titel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=_document_path)
    content_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveBigIntegerField(_("størrelse (bytes)"))

    class Meta:
        verbose_name = _("høringsdokument")
        verbose_name_plural = _("høringsdokumenter")
        ordering = ["consultation", "id"]

    def __str__(self) -> str:
        return self.title


class Statement(BaseModel):
    """The council's høringssvar, udtalelse or kommentar, with its whole life."""

    class Kind(models.TextChoices):
        RESPONSE = "response", _("Høringssvar")
        STATEMENT = "statement", _("Udtalelse")
        COMMENT = "comment", _("Kommentar")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Udkast")
        ADOPTED = "adopted", _("Vedtaget")
        SENT = "sent", _("Sendt")
        PUBLISHED = "published", _("Offentliggjort")

    class Route(models.TextChoices):
        MEETING = "meeting", _("Beslutning på et møde")
        WRITTEN = "written", _("Skriftlig procedure")
        URGENT = "urgent", _("Hasteprocedure (forperson og næstforperson)")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="statements")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("høring"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
    )
    title = models.CharField(_("titel"), max_length=300)
    recipient = models.ForeignKey(
        Committee, verbose_name=_("modtager"), on_delete=models.PROTECT, related_name="statements_received"
    )
    purpose = models.ForeignKey(
        Purpose,
        verbose_name=_("formål i kommissoriet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
    )
    case_number = models.CharField(_("sagsnummer"), max_length=60, blank=True)
    rapporteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ordfører"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    planned_route = models.CharField(_("planlagt vej til vedtagelse"), max_length=20, choices=Route.choices, blank=True)
    # Adoption (R3, R24): exactly one of the three routes, recorded.
    adoption_route = models.CharField(_("vedtaget ved"), max_length=20, choices=Route.choices, blank=True)
    adopted_on = models.DateField(_("vedtaget den"), null=True, blank=True)
    adopted_version = models.ForeignKey(
        "StatementVersion",
        verbose_name=_("vedtaget version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_reference = models.CharField(
        _("beslutningsreference"),
        max_length=300,
        blank=True,
        help_text=_("Fx mødet og punktet, hvor rådet vedtog udtalelsen."),
    )
    # The meeting route: the agenda item where the council is to decide, and the decision that adopted it.
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("dagsordenspunkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.OneToOneField(
        "meetings.Decision",
        verbose_name=_("rådets beslutning"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statement",
    )
    # An urgent adoption must be reported at the next meeting (R24): due until an item reports it.
    report_at_next_meeting = models.BooleanField(_("skal forelægges på næste møde"), default=False)
    report_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("orienteringspunkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Sending (R29)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    sent_to = models.EmailField(_("sendt til"), blank=True)
    late_reason = models.TextField(_("begrundelse for sen fremsendelse"), blank=True)
    letter = models.FileField(_("brev (PDF)"), upload_to="statements/letters/", blank=True)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)

    class Meta:
        verbose_name = _("udtalelse")
        verbose_name_plural = _("udtalelser")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="response") | Q(consultation__isnull=False),
                name="statement_response_has_consultation",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | (~Q(adoption_route="") & Q(adopted_on__isnull=False)),
                name="statement_adopted_has_route",
            ),
            # Adopted at a meeting means adopted by a recorded decision of that meeting, and only then.
            models.CheckConstraint(
                condition=(Q(adoption_route="meeting") & Q(decision__isnull=False))
                | (~Q(adoption_route="meeting") & Q(decision__isnull=True)),
                name="statement_meeting_route_has_decision",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["sent"]) | Q(sent_at__isnull=False), name="statement_sent_has_date"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="statement_published_has_date"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_adopted(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def get_absolute_url(self) -> str:
        return reverse("statements:public_detail", kwargs={"slug": self.council.slug, "pk": self.pk})

    def get_workspace_url(self) -> str:
        return reverse("statements:statement", kwargs={"slug": self.council.slug, "pk": self.pk})


class StatementVersion(models.Model):
    """One saved text of a statement. Never changed: a new save is a new version (R21 by analogy, R34)."""

    class Kind(models.TextChoices):
        DRAFT = "draft", _("Udkast")
        CORRECTION = "correction", _("Rettelse efter vedtagelse")

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.DRAFT)
    text = models.TextField(_("tekst"))
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemt af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gemt"), auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versioner")
        ordering = ["statement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "number"], name="statement_version_number_unique"),
        ]

    def __str__(self) -> str:
        return str(_("Version %(n)s") % {"n": self.number})

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("A statement version cannot be changed; save a new version.")
        super().save(*args, **kwargs)


class DraftComment(BaseModel):
    """An internal comment or proposed change on a draft. Never public (R3, R28 as internal working paper)."""

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="comments")
    version = models.ForeignKey(StatementVersion, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("kommentar"))
    proposed_text = models.TextField(_("forslag til ændret tekst"), blank=True)

    class Meta:
        verbose_name = _("kommentar til udkast")
        verbose_name_plural = _("kommentarer til udkast")
        ordering = ["statement", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class UrgentApproval(BaseModel):
    """The forperson's or næstforperson's approval of an urgent answer (R24)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Forperson")
        VICE_CHAIR = "vice_chair", _("Næstforperson")

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="urgent_approvals")
    version = models.ForeignKey(StatementVersion, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("godkendelse i hastesag")
        verbose_name_plural = _("godkendelser i hastesager")
        ordering = ["statement", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "version", "role"], name="urgent_approval_once_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.approved_by}"


class WrittenProcedure(BaseModel):
    """A skriftlig procedure: members answer agree / disagree / comment on one version within the rules' days."""

    class Status(models.TextChoices):
        OPEN = "open", _("Åben")
        CLOSED = "closed", _("Afsluttet")

    class Result(models.TextChoices):
        ADOPTED = "adopted", _("Vedtaget")
        REJECTED = "rejected", _("Ikke vedtaget")
        NOT_QUORATE = "not_quorate", _("For få svar")

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="written_procedures")
    version = models.ForeignKey(StatementVersion, on_delete=models.PROTECT, related_name="+")
    rules = models.ForeignKey(
        RulesOfProcedure, verbose_name=_("forretningsorden anvendt"), on_delete=models.PROTECT, related_name="+"
    )
    opened_on = models.DateField(_("sendt ud"))
    closes_on = models.DateField(_("svarfrist"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    result = models.CharField(_("resultat"), max_length=20, choices=Result.choices, blank=True)
    closed_on = models.DateField(_("afsluttet"), null=True, blank=True)
    tally = models.JSONField(pgettext_lazy("written procedure", "optælling"), default=dict, blank=True)

    class Meta:
        verbose_name = _("skriftlig procedure")
        verbose_name_plural = _("skriftlige procedurer")
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement"], condition=Q(status="open"), name="written_procedure_one_open_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opened_on")), name="written_procedure_closes_after_open"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Skriftlig procedure om %(title)s") % {"title": self.statement})


class WrittenAnswer(BaseModel):
    """One member's answer in a written procedure. One per member; never public (R3)."""

    class Answer(models.TextChoices):
        AGREE = "agree", _("Enig")
        DISAGREE = "disagree", _("Uenig")
        COMMENT = "comment", _("Bemærkning")

    procedure = models.ForeignKey(WrittenProcedure, on_delete=models.PROTECT, related_name="answers")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("svar"), max_length=20, choices=Answer.choices)
    comment = models.TextField(_("bemærkning"), blank=True)
    answered_on = models.DateField(_("svaret"))
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("svar i skriftlig procedure")
        verbose_name_plural = _("svar i skriftlig procedure")
        ordering = ["procedure", "answered_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "membership"], name="written_answer_once_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.membership.person}: {self.get_answer_display()}"


class MinorityStatement(MinorityStatementBase):
    """A dissent attached to a statement, kept word for word (R22)."""

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="minority_statements")

    class Meta(MinorityStatementBase.Meta):
        ordering = ["statement", "created_at", "id"]


class FollowUp(BaseModel):
    """Hvad skete der så? What the board or committee decided and how the statement was used."""

    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="follow_ups")
    decided_on = models.DateField(_("besluttet den"))
    body = models.CharField(_("besluttende organ"), max_length=200)
    decision = models.TextField(_("hvad blev besluttet"))
    how_used = models.TextField(_("hvordan blev rådets udtalelse brugt"), blank=True)
    link = models.URLField(_("link til beslutningen"), blank=True)

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["statement", "decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.body} {self.decided_on:%d.%m.%Y}"


class RecordEntry(BaseModel):
    """Journalisering (R29): every incoming consultation and outgoing statement, with date and subject."""

    class Direction(models.TextChoices):
        INCOMING = "in", _("Modtaget")
        OUTGOING = "out", _("Afsendt")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="record_entries")
    case_number = models.CharField(_("sagsnummer"), max_length=60)
    entry_date = models.DateField(_("dato"))
    direction = models.CharField(_("retning"), max_length=3, choices=Direction.choices)
    subject = models.CharField(_("emne"), max_length=400)
    consultation = models.ForeignKey(
        Consultation, null=True, blank=True, on_delete=models.PROTECT, related_name="record_entries"
    )
    statement = models.ForeignKey(
        Statement, null=True, blank=True, on_delete=models.PROTECT, related_name="record_entries"
    )
    counterpart = models.CharField(_("afsender/modtager"), max_length=300, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("case file", "journalpost")
        verbose_name_plural = _("journal")
        ordering = ["-entry_date", "-id"]

    def __str__(self) -> str:
        return f"{self.case_number} {self.entry_date:%d.%m.%Y} {self.subject}"


class ReminderSent(models.Model):
    """A reminder already sent, so the reminder command never sends the same one twice."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sendt påmindelse")
        verbose_name_plural = _("sendte påmindelser")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.key
