"""Rådets møder: meetings, agenda items, attachments, attendance, conflicts, votes, decisions, minutes."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.minority import MinorityStatementBase
from raad.core.models import BaseModel
from raad.councils.models import Council, Purpose, Room, Term
from raad.membership.models import Membership, Substitute


class Meeting(BaseModel):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinært møde")
        EXTRAORDINARY = "extraordinary", _("Ekstraordinært møde")
        CONSTITUENT = "constituent", _("Konstituerende møde")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        NOTICE_SENT = "notice_sent", _("Indkaldt")
        HELD = "held", _("Afholdt")
        CANCELLED = "cancelled", _("Aflyst")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meetings")
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="meetings", null=True, blank=True)
    kind = models.CharField(_("mødetype"), max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    starts_at = models.DateTimeField(_("begynder"))
    ends_at = models.DateTimeField(_("slutter"), null=True, blank=True)
    room = models.ForeignKey(
        Room, verbose_name=_("lokale"), null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    # Used only when no room from the catalogue is chosen (older meetings, a place outside the catalogue).
    place = models.CharField(_("sted"), max_length=200, blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    accessibility_note = models.TextField(_("tilgængelighed"), blank=True)
    online_link = models.URLField(_("link til onlinedeltagelse"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    notice_sent_at = models.DateTimeField(_("indkaldelse sendt"), null=True, blank=True)
    notice_override_reason = models.TextField(
        _("begrundelse for at offentliggøre dagsordenen trods mulige personoplysninger"), blank=True
    )
    leader = models.ForeignKey(
        Membership, verbose_name=_("mødeleder"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("begrundelse for ekstraordinært møde"), blank=True)

    class Meta:
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        from django.utils import timezone

        return f"{self.get_kind_display()} {timezone.localtime(self.starts_at):%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", kwargs={"slug": self.council.slug, "pk": self.pk})

    def get_public_url(self) -> str:
        return reverse("meetings_public:meeting", kwargs={"slug": self.council.slug, "pk": self.pk})

    @property
    def notice_sent(self) -> bool:
        return self.notice_sent_at is not None

    # Where the meeting is: the room from the catalogue when one is chosen, else the free place and address.
    # Pages, PDFs, e-mails and iCal read these, so a room's details are typed once, in the catalogue.

    @property
    def location_name(self) -> str:
        return self.room.name if self.room is not None else self.place

    @property
    def location_address(self) -> str:
        return self.room.address if self.room is not None else self.address

    @property
    def location(self) -> str:
        """`<place>, <address>`: one line for iCal's LOCATION and the e-mails."""
        return ", ".join(part for part in (self.location_name, self.location_address) if part)

    @property
    def room_accessibility(self) -> list[str]:
        """The chosen room's accessibility facts, each a short translated line (empty without a room)."""
        room = self.room
        if room is None:
            return []
        lines = [str(_("Niveaufri adgang")) if room.step_free else str(_("Ikke niveaufri adgang"))]
        if room.hearing_loop:
            lines.append(str(_("Teleslynge")))
        if room.accessibility_note:
            lines.append(room.accessibility_note)
        return lines


class AgendaItem(BaseModel):
    class Kind(models.TextChoices):
        DECISION = "decision", _("Til beslutning")
        DISCUSSION = "discussion", _("Til drøftelse")
        INFORMATION = "information", _("Til orientering")

    class Admission(models.TextChoices):
        NOT_NEEDED = "not_needed", _("Rettidigt")
        PENDING = "pending", _("Afventer optagelse")
        ADMITTED = "admitted", _("Optaget ved afstemning")
        REFUSED = "refused", _("Ikke optaget")

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveSmallIntegerField(_("nummer"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.DECISION)
    title = models.CharField(_("overskrift"), max_length=300)
    case_presentation = models.TextField(_("sagsfremstilling"), blank=True)
    # The Markdown the secretariat typed; `case_presentation` holds its sanitised HTML, which every reader
    # (pages, PDFs, e-mails) shows. Empty for items written before Markdown: their HTML is edited as it is.
    case_presentation_source = models.TextField(_("sagsfremstilling (Markdown)"), blank=True)
    proposed_decision = models.TextField(pgettext_lazy("agenda item", "indstilling"), blank=True)
    is_closed = models.BooleanField(_("lukket punkt"), default=False)
    purposes = models.ManyToManyField(
        Purpose, verbose_name=pgettext_lazy("agenda item", "formål i kommissoriet"), blank=True, related_name="+"
    )
    proposed_by = models.ForeignKey(
        Membership, verbose_name=_("foreslået af"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("foreslået"), null=True, blank=True)
    is_late = models.BooleanField(_("for sent foreslået"), default=False)
    admission = models.CharField(_("optagelse"), max_length=20, choices=Admission.choices, default=Admission.NOT_NEEDED)
    # When an item the public had seen (open, on an agenda sent out) stopped being public: closed afterwards, or
    # refused admission at the meeting. Open data answers it as deleted from then on (docs/oparl.md).
    unpublished_at = models.DateTimeField(_("ikke længere offentligt"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        ordering = ["meeting", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_late=False) | ~Q(admission="not_needed"), name="agenda_item_late_needs_admission"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    @property
    def council_id(self) -> int:
        return self.meeting.council_id

    @property
    def can_be_treated(self) -> bool:
        return self.admission in (self.Admission.NOT_NEEDED, self.Admission.ADMITTED)


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"meetings/{instance.item.meeting_id}/{secrets.token_hex(8)}-{filename}"


class Attachment(BaseModel):
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="attachments")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("fil"), upload_to=attachment_path)
    content_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveIntegerField(_("størrelse (bytes)"))
    is_closed = models.BooleanField(_("lukket bilag"), default=False)

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return self.title


class Attendance(BaseModel):
    class Status(models.TextChoices):
        EXPECTED = "expected", _("Forventes")
        PRESENT = "present", _("Til stede")
        APOLOGY = "apology", _("Afbud")
        ABSENT = "absent", _("Fraværende uden afbud")

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="attendances")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("fremmøde"), max_length=20, choices=Status.choices, default=Status.EXPECTED)
    apology_at = models.DateTimeField(_("afbud givet"), null=True, blank=True)
    substitute = models.ForeignKey(
        Substitute, verbose_name=_("stedfortræder"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    substitute_invited_at = models.DateTimeField(_("stedfortræder indkaldt"), null=True, blank=True)
    substitute_present = models.BooleanField(_("stedfortræder til stede"), default=False)
    # The secretariat confirmed an apology where no substitute is called in (the member has none): off the desk.
    no_substitute_confirmed_at = models.DateTimeField(_("bekræftet uden stedfortræder"), null=True, blank=True)

    class Meta:
        verbose_name = _("fremmøde")
        verbose_name_plural = _("fremmøde")
        ordering = ["meeting", "membership__seat__number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "membership"], name="attendance_unique")]

    def __str__(self) -> str:
        return f"{self.membership.person}: {self.get_status_display()}"

    @property
    def counts_as_present(self) -> bool:
        """The seat is filled: the member is present, or their substitute sits in their place (R19)."""
        return self.status == self.Status.PRESENT or (self.status != self.Status.PRESENT and self.substitute_present)


class ConflictDeclaration(BaseModel):
    """Inhabilitet (forvaltningsloven § 3): the member takes no part in the item (R26)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="conflicts")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("begrundelse"), max_length=300)

    class Meta:
        verbose_name = _("inhabilitet")
        verbose_name_plural = _("inhabilitet")
        ordering = ["item", "id"]
        constraints = [models.UniqueConstraint(fields=["item", "membership"], name="conflict_unique")]

    def __str__(self) -> str:
        return f"{self.membership.person} ({self.item})"


class Vote(BaseModel):
    class Subject(models.TextChoices):
        DECISION = "decision", _("Beslutning")
        ADMISSION = "admission", _("Optagelse af for sent foreslået punkt")

    class Method(models.TextChoices):
        COUNTS = "counts", _("Optælling")
        BY_NAME = "by_name", _("Ved navneopråb")
        SECRET = "secret", _("Skriftlig, hemmelig afstemning")

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="votes")
    subject = models.CharField(_("afstemning om"), max_length=20, choices=Subject.choices)
    method = models.CharField(_("afstemningsform"), max_length=20, choices=Method.choices, default=Method.COUNTS)
    votes_for = models.PositiveSmallIntegerField(_("for"))
    votes_against = models.PositiveSmallIntegerField(_("imod"))
    abstentions = models.PositiveSmallIntegerField(_("undlader"))
    chair_vote = models.CharField(_("forpersonens stemme"), max_length=10, blank=True)
    casting_voter = models.ForeignKey(
        Membership,
        verbose_name=_("udslagsgivende stemme afgivet af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    members = models.PositiveSmallIntegerField(_("medlemmer i alt"))
    present = models.PositiveSmallIntegerField(_("til stede"))
    recused = models.PositiveSmallIntegerField(_("inhabile"))
    quorum_required = models.PositiveSmallIntegerField(_("krævet for beslutningsdygtighed"))
    outcome = models.CharField(_("resultat"), max_length=20)
    rule_applied = models.CharField(_("anvendt regel"), max_length=30)
    rule_text = models.CharField(_("anvendt regel (tekst)"), max_length=300)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("afstemning")
        verbose_name_plural = _("afstemninger")
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return f"{self.item}: {self.votes_for}-{self.votes_against}-{self.abstentions}"


class NamedVote(BaseModel):
    """One member's vote, recorded by name (never for a secret ballot)."""

    class Choice(models.TextChoices):
        FOR = "for", _("For")
        AGAINST = "against", _("Imod")
        ABSTAIN = "abstain", _("Undlader")

    vote = models.ForeignKey(Vote, on_delete=models.PROTECT, related_name="named_votes")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    by_substitute = models.BooleanField(_("afgivet af stedfortræder"), default=False)
    choice = models.CharField(_("stemme"), max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = _("stemme")
        verbose_name_plural = pgettext_lazy("ballot", "stemmer")
        ordering = ["vote", "membership__seat__number"]
        constraints = [models.UniqueConstraint(fields=["vote", "membership"], name="named_vote_unique")]

    def __str__(self) -> str:
        return f"{self.membership.person}: {self.get_choice_display()}"


class Decision(BaseModel):
    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Vedtaget")
        REJECTED = "rejected", _("Forkastet")
        NOTED = "noted", _("Taget til efterretning")
        DISCUSSED = "discussed", _("Drøftet")

    item = models.OneToOneField(AgendaItem, on_delete=models.PROTECT, related_name="decision")
    vote = models.OneToOneField(Vote, null=True, blank=True, on_delete=models.PROTECT, related_name="decision")
    text = models.TextField(_("beslutning"))
    outcome = models.CharField(_("resultat"), max_length=20, choices=Outcome.choices)
    rule_applied = models.CharField(_("anvendt regel"), max_length=300, blank=True)
    decided_at = models.DateTimeField(_("besluttet"))

    class Meta:
        verbose_name = _("beslutning")
        verbose_name_plural = _("beslutninger")
        ordering = ["item"]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_outcome_display()}"


class MinorityStatement(MinorityStatementBase):
    """A minority's dissent, recorded word for word with a decision (R22)."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="minority_statements")

    class Meta(MinorityStatementBase.Meta):
        ordering = ["decision", "id"]


class Minutes(BaseModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Udkast")
        CIRCULATED = "circulated", _("Rundsendt til godkendelse")
        APPROVED = "approved", _("Godkendt")

    class Approval(models.TextChoices):
        CIRCULATION = "circulation", _("Ved skriftlig rundsendelse")
        NEXT_MEETING = "next_meeting", _("På det næste møde")

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="minutes")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    revision = models.PositiveIntegerField(_("udkastets version"), default=1)
    introduction = models.TextField(_("indledning"), blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    circulated_at = models.DateTimeField(_("rundsendt"), null=True, blank=True)
    approval_due_on = models.DateField(_("frist for indsigelser"), null=True, blank=True)
    approved_at = models.DateTimeField(_("godkendt"), null=True, blank=True)
    approved_how = models.CharField(_("godkendt"), max_length=20, choices=Approval.choices, blank=True)
    approved_at_meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    is_published = models.BooleanField(_("offentliggjort"), default=False)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    unpublished_at = models.DateTimeField(_("skjult"), null=True, blank=True)
    publish_override_reason = models.TextField(
        _("begrundelse for at offentliggøre referatet trods mulige personoplysninger"), blank=True
    )

    class Meta:
        verbose_name = _("referat")
        verbose_name_plural = _("referater")
        ordering = ["meeting"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(status="approved"), name="minutes_published_only_approved"
            )
        ]

    def __str__(self) -> str:
        return str(_("Referat af %(meeting)s") % {"meeting": self.meeting})

    @property
    def council_id(self) -> int:
        return self.meeting.council_id


class MinutesEntry(BaseModel):
    """The minutes text of one agenda item in the draft."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="entries")
    item = models.OneToOneField(AgendaItem, on_delete=models.PROTECT, related_name="minutes_entry")
    text = models.TextField(_("referat"), blank=True)

    class Meta:
        verbose_name = _("referatpunkt")
        verbose_name_plural = _("referatpunkter")
        ordering = ["item__position", "id"]

    def __str__(self) -> str:
        return str(self.item)


class MinutesVersion(BaseModel):
    """An approved, immutable text of the minutes. A correction is a new version, shown beside the old."""

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("indhold"))
    correction_reason = models.TextField(_("begrundelse for rettelse"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("referatversion")
        verbose_name_plural = _("referatversioner")
        ordering = ["minutes", "-number"]
        constraints = [models.UniqueConstraint(fields=["minutes", "number"], name="minutes_version_unique")]

    def __str__(self) -> str:
        return f"{self.minutes} v{self.number}"


class MinutesResponse(BaseModel):
    class Kind(models.TextChoices):
        APPROVE = "approve", _("Godkender")
        OBJECT = "object", _("Gør indsigelse")

    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="responses")
    revision = models.PositiveIntegerField(_("udkastets version"))
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(pgettext_lazy("minutes response", "svar"), max_length=10, choices=Kind.choices)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        verbose_name = _("svar på referat")
        verbose_name_plural = _("svar på referater")
        ordering = ["minutes", "id"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "revision", "membership"], name="minutes_response_unique")
        ]

    def __str__(self) -> str:
        return f"{self.membership.person}: {self.get_kind_display()}"


class CalendarToken(BaseModel):
    """A private, renewable link to a member's calendar feed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    token = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kalenderlink")
        verbose_name_plural = _("kalenderlinks")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} ({self.council})"


class ExtraordinaryRequest(BaseModel):
    """Members ask, with reasons, for an extraordinary meeting (R14). When the supporters reach the rules'
    threshold, the chair and the secretariat get the task of calling it."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="extraordinary_requests")
    requested_by = models.ForeignKey(
        Membership, verbose_name=_("anmodet af"), on_delete=models.PROTECT, related_name="+"
    )
    reasons = models.TextField(_("begrundelse"))
    threshold = models.PositiveSmallIntegerField(_("krævet antal medlemmer"))
    threshold_reached_at = models.DateTimeField(_("tærskel nået"), null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("indkaldt møde"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("anmodning om ekstraordinært møde")
        verbose_name_plural = _("anmodninger om ekstraordinært møde")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return str(_("Anmodning om ekstraordinært møde fra %(name)s") % {"name": self.requested_by.person})


class ExtraordinarySupport(BaseModel):
    request = models.ForeignKey(ExtraordinaryRequest, on_delete=models.PROTECT, related_name="supports")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("støtte til anmodning")
        verbose_name_plural = _("støtte til anmodninger")
        ordering = ["request", "id"]
        constraints = [models.UniqueConstraint(fields=["request", "membership"], name="extraordinary_support_unique")]

    def __str__(self) -> str:
        return str(self.membership.person)
