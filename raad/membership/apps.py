from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "raad.membership"
    label = "membership"
    verbose_name = _("Bemanding og udpegning")

    def ready(self) -> None:
        from raad.core import roles
        from raad.membership import permissions  # noqa: F401  (registers the permissions)
        from raad.membership.selectors import member_council_ids, member_roles

        roles.register_provider(member_roles, member_council_ids)
