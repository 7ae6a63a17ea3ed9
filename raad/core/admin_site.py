"""The Django admin: a read-only window for staff, behind the same second factor as the workspace.

Every model admin registered on the site (ours, django.contrib.auth's groups, django-otp's devices) is made
read-only here, whatever its own class allows, and never shows a secret: a device's key, a password hash.
A staff user who logged in with a password alone is sent to the workspace's one-time code page."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.admin import OTPAdminSite

from raad.core.twofactor import confirmed_device

# Fields that hold a secret, excluded from every admin page.
SECRET_FIELDS = frozenset({"key", "secret", "password", "bin_key", "token"})


class ReadOnlySecretFreeMixin:
    """No add, change or delete for anyone; secret fields left out of every form, list and fieldset."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)  # type: ignore[misc]
        return [
            (name, {**options, "fields": [f for f in options.get("fields", ()) if f not in SECRET_FIELDS]})
            for name, options in fieldsets
        ]

    def get_fields(self, request, obj=None):
        return [f for f in super().get_fields(request, obj) if f not in SECRET_FIELDS]  # type: ignore[misc]

    def get_readonly_fields(self, request, obj=None):
        return [f for f in super().get_readonly_fields(request, obj) if f not in SECRET_FIELDS]  # type: ignore[misc]

    def get_list_display(self, request):
        return [f for f in super().get_list_display(request) if f not in SECRET_FIELDS | {"qrcode_link"}]  # type: ignore[misc]

    def get_search_fields(self, request):
        return [f for f in super().get_search_fields(request) if f.split("__")[-1] not in SECRET_FIELDS]  # type: ignore[misc]


class RaadAdminSite(OTPAdminSite):
    site_header = "Råd"
    site_title = "Råd"

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def register(self, model_or_iterable, admin_class=None, **options):
        base = admin_class or admin.ModelAdmin
        read_only = (
            base
            if issubclass(base, ReadOnlySecretFreeMixin)
            else type(base.__name__, (ReadOnlySecretFreeMixin, base), {"__module__": base.__module__})
        )
        super().register(model_or_iterable, read_only, **options)

    def login(self, request, extra_context=None):
        """The workspace's log-in, then its one-time code (or setting one up), then back to the admin."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect(f"{reverse('core:login')}?{REDIRECT_FIELD_NAME}={next_url}")
        if request.user.is_staff and not request.user.is_verified():
            target = "core:otp_verify" if confirmed_device(request.user) else "core:otp_setup"
            return redirect(f"{reverse(target)}?{REDIRECT_FIELD_NAME}={next_url}")
        return super().login(request, extra_context)
