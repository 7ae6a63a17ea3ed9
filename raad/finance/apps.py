from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class FinanceConfig(AppConfig):
    """Økonomi (kommissorium: "Kommunalbestyrelsen afholder udgifterne til rådets virksomhed"): the yearly
    budget, expenses with receipts, members' expense claims and their approval."""

    name = "raad.finance"
    label = "finance"
    verbose_name = _("Økonomi")

    def ready(self) -> None:
        from raad.core import desk as _desk
        from raad.finance import desk_tasks

        _desk.register_tasks(key="finance", collect=desk_tasks.collect)  # its deadlines on the desk (docs/desk.md)
        from raad.core import audit, desk
        from raad.finance import (
            permissions,  # noqa: F401  (registers the permissions)
            selectors,
        )

        desk.register_panel(
            key="finance",
            title=_("Økonomi"),
            template="finance/_desk_panel.html",
            context=selectors.desk_panel,
            order=40,
        )
        audit.register_verbs(
            {
                "budget_year.created": _("Budgetår oprettet"),
                "budget_line.created": _("Budgetpost oprettet"),
                "budget_line.changed": _("Budgetpost ændret"),
                "expense.registered": _("Udgift bogført"),
                "expense.over_budget_approved": _("Udgift ud over budgettet godkendt"),
                "expense.paid": _("Udgift betalt"),
                "expense.reversed": _("Udgift tilbageført"),
                "claim.submitted": _("Udlægskrav indsendt"),
                "claim.approved": _("Udlægskrav godkendt"),
                "claim.over_limit_approved": _("Udlægskrav over beløbsgrænsen godkendt"),
                "claim.rejected": _("Udlægskrav afvist"),
            }
        )
        audit.register_change_labels(
            {
                "line": pgettext_lazy("audit change", "Budgetpost"),
                "receipt": pgettext_lazy("audit change", "Bilag (filtype)"),
                "over_budget_by": pgettext_lazy("audit change", "Over budgettet med"),
                "reason": pgettext_lazy("audit change", "Begrundelse"),
                "claim_limit": pgettext_lazy("audit change", "Beløbsgrænse for krav"),
            }
        )

        # Work areas linked from the desk (raad/core/desk.py)
        desk.register_area(
            key="finance", title=_("Økonomi"), url_name="finance:overview", permission="finance.manage", order=70
        )
        desk.register_area(
            key="my_claims", title=_("Mine udlæg"), url_name="finance:my_claims", permission="finance.claim", order=72
        )
