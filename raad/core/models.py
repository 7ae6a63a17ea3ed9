"""Shared kernel models: the user, a base model and the audit journal."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from raad.core import languages


class BaseModel(models.Model):
    """Every domain model records when it was created and last changed."""

    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        abstract = True


class User(AbstractUser):
    """A person who can log in. Roles are per council (see raad.core.roles)."""

    # The language of the e-mails this user receives (raad.core.i18n.recipient_language); blank: the council's.
    language = models.CharField(
        _("sprog i e-mails"),
        max_length=10,
        blank=True,
        choices=languages.whole_site_choices(),
        help_text=_("Tomt: rådets sprog."),
    )

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class ProviderIdentity(BaseModel):
    """The identity at the municipal single sign-on provider a user first logged in with (raad.core.sso): its
    issuer and subject (`sub`, which the provider never reuses). From then on that identity logs in as this user,
    and no other identity from the same provider can, whatever its e-mail address says."""

    user = models.ForeignKey(
        User, verbose_name=_("bruger"), on_delete=models.PROTECT, related_name="provider_identities"
    )
    issuer = models.CharField(_("udsteder"), max_length=500)
    subject = models.CharField(_("subjekt (sub)"), max_length=255)

    class Meta:
        verbose_name = _("login fra kommunen")
        verbose_name_plural = _("logins fra kommunen")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="provider_identity_unique_subject"),
            models.UniqueConstraint(fields=["user", "issuer"], name="provider_identity_one_per_issuer"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.issuer}"


class AuditQuerySet(models.QuerySet):
    """The journal is append-only: no update or delete through the ORM."""

    def update(self, **kwargs):  # type: ignore[override]
        raise PermissionError("The audit journal cannot be changed.")

    def delete(self):  # type: ignore[override]
        raise PermissionError("The audit journal cannot be deleted.")


class AuditEntry(models.Model):
    """One change of record: who did what to which object, with the fields before and after.

    Append-only: the ORM refuses updates and deletes, and database triggers refuse them too.
    """

    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("udført af"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("udført af (navn)"), max_length=200, blank=True)
    verb = models.CharField(_("handling"), max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("objekttype"), null=True, blank=True, on_delete=models.PROTECT
    )
    target_id = models.CharField(_("objekt-id"), max_length=64, blank=True)
    target_label = models.CharField(_("objekt"), max_length=300, blank=True)
    council_id = models.BigIntegerField(_("råd"), null=True, blank=True, db_index=True)
    changes = models.JSONField(_("ændringer"), default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("journalpost")
        verbose_name_plural = _("auditjournal")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb} {self.target_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit journal cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit journal cannot be deleted.")


class OutgoingMail(BaseModel):
    """One e-mail queued by a service in the transaction of the change; delivered after commit by a task,
    retried with backoff, sent once (the unique key; a conditional UPDATE claims it). See raad.core.mail."""

    key = models.CharField(_("nøgle"), max_length=200, unique=True)
    council_id = models.BigIntegerField(_("råd"), null=True, blank=True, db_index=True)
    to = models.EmailField(_("modtager"))
    cc = models.JSONField(_("kopi til"), default=list, blank=True)
    reply_to = models.EmailField(_("svar til"), blank=True)
    language = models.CharField(_("sprog"), max_length=10, blank=True)
    subject = models.CharField(_("emne"), max_length=300)
    body = models.TextField(_("tekst"))
    # [{"name": "…pdf", "mimetype": "application/pdf", "content": "<base64>"}]
    attachments = models.JSONField(_("bilag"), default=list, blank=True)
    # Extra message headers, e.g. {"List-Unsubscribe": "<https://…>", "List-Unsubscribe-Post": "…"} (RFC 8058).
    headers = models.JSONField(_("ekstra brevhoveder"), default=dict, blank=True)
    next_attempt_at = models.DateTimeField(_("næste forsøg"), null=True, blank=True)
    claimed_until = models.DateTimeField(_("under afsendelse til"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("forsøg"), default=0)
    last_error = models.TextField(_("seneste fejl"), blank=True)

    class Meta:
        verbose_name = _("udgående e-mail")
        verbose_name_plural = _("udgående e-mails")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"], name="core_outgoingmail_due")]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class ContentTranslation(BaseModel):
    """One field of one object in one language other than the source (raad.core.translations).

    The Danish text is the record and stays on the object itself; every other language, and the easy-read
    Danish version (`translations.EASY_READ`), is a row here. Any number of languages, no migration per
    language. `status` tells the secretariat and the reader whether a professional has reviewed it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Udkast (ikke gennemgået)")
        REVIEWED = "reviewed", _("Gennemgået")

    content_type = models.ForeignKey(ContentType, verbose_name=_("objekttype"), on_delete=models.PROTECT)
    object_id = models.CharField(_("objekt-id"), max_length=64)
    field = models.CharField(_("felt"), max_length=100)
    language = models.CharField(_("sprog"), max_length=20)
    text = models.TextField(_("tekst"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # A hash of the Danish text the translation was made from: a changed source makes it outdated.
    source_hash = models.CharField(_("kildetekstens fingeraftryk"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("oversættelse")
        verbose_name_plural = _("oversættelser")
        ordering = ["content_type", "object_id", "field", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"], name="content_translation_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "language"], name="core_translation_lookup")]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}.{self.field} [{self.language}]"


from raad.core.search.models import SearchDocument, SearchPurpose  # noqa: E402, F401  (the search index)


class DeskFeedToken(BaseModel):
    """A private link to a user's desk as an iCal feed. Only the SHA-256 of the secret in the URL is kept, so a
    leaked database does not give the feeds away; revoking sets `revoked_at` and the link answers 404."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kalenderlink til opgaver")
        verbose_name_plural = _("kalenderlinks til opgaver")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.user)
