"""The Django admin is a read-only window for staff: every write goes through the workspace and its
services, so that it is checked against the rules and recorded in the audit journal."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from raad.core.models import AuditEntry, User


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_label", "verb", "target_label", "council_id")
    list_filter = ("verb",)
    search_fields = ("actor_label", "verb", "target_label")
    date_hierarchy = "at"


@admin.register(User)
class RaadUserAdmin(ReadOnlyAdmin, UserAdmin):
    pass
