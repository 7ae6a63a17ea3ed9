from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    """Økonomi (kommissorium: "Kommunalbestyrelsen afholder udgifterne til rådets virksomhed"): the yearly
    budget, expenses with receipts, members' expense claims and their approval."""

    name = "raad.finance"
    label = "finance"
    verbose_name = _("Økonomi")
