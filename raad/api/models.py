"""Scoped API tokens: the secretariat lets the municipality's records system read the journal and case data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raad.core.models import BaseModel


class ApiToken(BaseModel):
    """A token is `raad_<prefix>_<secret>`; only the prefix (to find it) and a SHA-256 of the whole token are
    stored, so the secret is shown once, when it is made."""

    class Scope(models.TextChoices):
        JOURNAL_READ = "journal:read", _("Læse auditloggen")
        CASES_READ = "cases:read", _("Læse sagsdata (journalposter)")

    council = models.ForeignKey("councils.Council", on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField(_("navn"), max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    scopes = models.JSONField(_("adgang"), default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_used_at = models.DateTimeField(_("sidst brugt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def scope_labels(self) -> list[str]:
        return [str(self.Scope(s).label) for s in self.scopes if s in self.Scope.values]
