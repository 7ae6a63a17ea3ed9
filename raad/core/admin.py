"""The Django admin is a read-only window for staff: every write goes through the workspace and its
services, so that it is checked against the rules and recorded in the audit journal. The site itself
(raad.core.admin_site) makes every registered admin read-only and demands the second factor."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from raad.core.admin_site import ReadOnlySecretFreeMixin
from raad.core.models import AuditEntry, ProviderIdentity, User


class ReadOnlyAdmin(ReadOnlySecretFreeMixin, admin.ModelAdmin):
    pass


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_label", "verb", "target_label", "council_id")
    list_filter = ("verb",)
    search_fields = ("actor_label", "verb", "target_label")
    date_hierarchy = "at"


@admin.register(User)
class RaadUserAdmin(ReadOnlyAdmin, UserAdmin):
    pass


@admin.register(ProviderIdentity)
class ProviderIdentityAdmin(ReadOnlyAdmin):
    """Who is bound to which identity at the single sign-on provider (unbinding: `manage.py sso_unbind`)."""

    list_display = ("user", "issuer", "created_at")
    search_fields = ("user__username",)
