from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
]

urlpatterns += i18n_patterns(
    path("konto/", include("raad.core.urls")),
    path("", include("raad.statements.urls")),
    path("arbejdsrum/", include("raad.secretariat.urls")),
    path("admin/", admin.site.urls),
    path("", include("raad.portal.urls")),
    prefix_default_language=False,
)

handler403 = "raad.portal.errors.forbidden"
handler404 = "raad.portal.errors.not_found"
handler500 = "raad.portal.errors.server_error"
