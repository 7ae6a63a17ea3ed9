from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecretariatConfig(AppConfig):
    name = "raad.secretariat"
    label = "secretariat"
    verbose_name = _("Sekretariatsbetjening")

    def ready(self) -> None:
        from raad.core import audit
        from raad.secretariat import permissions  # noqa: F401  (registers the permissions)

        audit.register_verbs(
            {
                "archive.case_exported": _("Sag udleveret til aktindsigt (ZIP)"),
                "archive.year_exported": _("Årets arkiv eksporteret (ZIP)"),
            }
        )
        audit.register_change_labels({"year": _("År")})
