"""django.contrib.admin on Råd's own site (raad.core.admin_site): the second factor required, every page
read-only. Listed in INSTALLED_APPS instead of django.contrib.admin."""

from django.contrib.admin.apps import AdminConfig


class RaadAdminConfig(AdminConfig):
    default_site = "raad.core.admin_site.RaadAdminSite"
