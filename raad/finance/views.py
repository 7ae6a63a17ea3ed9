"""The council's money in the workspace: the overview per line (chart and table), the budget, expenses and
their reversal, the claims queue, members' own claims ("Mine udlæg") and the year's accounts as CSV.
Nothing here is public; the secretariat sees everything, a member only their own claims."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.core.csvexport import csv_response
from raad.core.errors import RuleViolation
from raad.councils.selectors import council_purposes
from raad.finance import forms, rules, selectors, services
from raad.finance.models import BudgetYear, Claim, Expense

SECTION = (gettext_lazy("Økonomi"), "finance:overview")


def _year(request) -> int | None:
    try:
        return int(request.GET.get("aar", ""))
    except ValueError:
        return None


class FinanceView(workspace.CouncilView):
    perm = "finance.manage"
    section = SECTION

    def budget_or_404(self, year: int | None) -> BudgetYear:
        if year is None:
            years = selectors.budget_years(self.council)
            if not years:
                raise Http404(_("Der er intet budget endnu."))
            return years[0]
        budget = selectors.budget_year(self.council, year)
        if budget is None:
            raise Http404(_("Der er intet budget for det år."))
        return budget


class OverviewView(FinanceView):
    def get(self, request, slug):
        screen = selectors.overview_screen(self.council, _year(request))
        if _year(request) and screen.budget is None:
            raise Http404(_("Der er intet budget for det år."))
        return self.page(
            "finance/overview.html",
            {"screen": screen, "waiting": selectors.claims_waiting(self.council).count(), "crumbs": self.crumbs()},
        )


# --- Budget -------------------------------------------------------------------------------------------------


class BudgetPage(FinanceView):
    def budget_page(self, year_form=None, line_form=None, errors=(), status=200):
        years = selectors.budget_years(self.council)
        budget = next((b for b in years if b.year == _year(self.request)), years[0] if years else None)
        lines = selectors.line_figures(budget) if budget else []
        # "Ret" on a row fills the form with that line (?ret=<id>), so changing an amount keeps the rest as it was.
        editing = next((line for line, _f in lines if str(line.pk) == self.request.GET.get("ret")), None)
        initial = {}
        if editing is not None:
            initial = {"name": editing.name, "amount": editing.amount, "receives_claims": editing.receives_claims}
        return self.page(
            "finance/budget.html",
            {
                "budget": budget,
                "years": years,
                "lines": lines,
                "editing": editing,
                "year_form": year_form or forms.BudgetYearForm(initial={"year": timezone.localdate().year + 1}),
                "line_form": line_form or forms.BudgetLineForm(initial=initial),
                "errors": list(errors),
                "crumbs": self.crumbs((_("Budget"), None)),
            },
            status=status,
        )


class BudgetView(BudgetPage):
    def get(self, request, slug):
        return self.budget_page()


class BudgetYearNewView(workspace.ActionView, BudgetPage):
    form_class = forms.BudgetYearForm
    success = gettext_lazy("Budgetåret er oprettet.")

    def act(self, data):
        self.created = services.budget_year_create(council=self.council, by=self.request.user, **data)

    def success_url(self):
        url = reverse("finance:budget", args=[self.council.slug])
        created = getattr(self, "created", None)  # a GET (no year created) goes to the budget page itself
        return url + f"?aar={created.year}" if created is not None else url

    def invalid(self, form, errors):
        return self.budget_page(year_form=form, errors=errors, status=400)


class BudgetLineSetView(workspace.ActionView, BudgetPage):
    form_class = forms.BudgetLineForm
    success = gettext_lazy("Budgetposten er gemt.")

    def load(self):
        self.budget = self.budget_or_404(self.kwargs["year"])

    def act(self, data):
        services.budget_line_set(budget=self.budget, by=self.request.user, **data)

    def success_url(self):
        return reverse("finance:budget", args=[self.council.slug]) + f"?aar={self.budget.year}"

    def invalid(self, form, errors):
        self.request.GET = self.request.GET.copy()
        self.request.GET["aar"] = str(self.budget.year)
        return self.budget_page(line_form=form, errors=errors, status=400)


# --- Expenses -----------------------------------------------------------------------------------------------


class ExpensesView(FinanceView):
    def get(self, request, slug):
        years = selectors.budget_years(self.council)
        budget = next((b for b in years if b.year == _year(request)), years[0] if years else None)
        return self.page(
            "finance/expenses.html",
            {
                "budget": budget,
                "years": years,
                "expenses": list(selectors.expenses_of(budget)) if budget else [],
                "crumbs": self.crumbs((_("Udgifter"), None)),
            },
        )


class ExpenseNewView(FinanceView):
    def make_form(self, budget, data=None, files=None):
        return forms.ExpenseForm(
            data,
            files,
            budget=budget,
            meetings=selectors.meetings_of_year(self.council, budget.year),
            events=selectors.events_of_year(self.council, budget.year),
            purposes=council_purposes(self.council),
        )

    def form_page(self, budget, form, errors=(), status=200):
        return self.page(
            "finance/expense_form.html",
            {
                "budget": budget,
                "form": form,
                "errors": list(errors),
                "crumbs": self.crumbs(
                    (_("Udgifter"), reverse("finance:expenses", args=[self.council.slug])), (_("Ny udgift"), None)
                ),
            },
            status=status,
        )

    def get(self, request, slug):
        budget = self.budget_or_404(_year(request))
        return self.form_page(budget, self.make_form(budget))

    def post(self, request, slug):
        budget = self.budget_or_404(_year(request))
        form = self.make_form(budget, request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                expense = services.expense_register(
                    line=data["line"],
                    spent_on=data["spent_on"],
                    payee=data["payee"],
                    amount=data["amount"],
                    description=data["description"],
                    status=data["status"],
                    receipt=data["receipt"],
                    meeting=data["meeting"],
                    event=data["event"],
                    purposes=list(data["purposes"]),
                    approve_over_budget=data["approve_over_budget"],
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Udgiften er bogført."))
                return redirect("finance:expense", slug=slug, pk=expense.pk)
        return self.form_page(budget, form, status=400)


class ExpensePage(FinanceView):
    def expense_or_404(self, pk: int) -> Expense:
        try:
            return selectors.expense(self.council, pk)
        except Expense.DoesNotExist:
            raise Http404(_("Udgiften findes ikke.")) from None

    def expense_page(self, expense, reverse_form=None, errors=(), status=200):
        return self.page(
            "finance/expense.html",
            {
                "expense": expense,
                "reversed_by": Expense.objects.filter(reverses=expense).first(),
                "reverse_form": reverse_form or forms.ReverseForm(),
                "errors": list(errors),
                "crumbs": self.crumbs(
                    (_("Udgifter"), reverse("finance:expenses", args=[self.council.slug])), (str(expense), None)
                ),
            },
            status=status,
        )


class ExpenseView(ExpensePage):
    def get(self, request, slug, pk):
        return self.expense_page(self.expense_or_404(pk))


class ExpenseReverseView(workspace.ActionView, ExpensePage):
    form_class = forms.ReverseForm
    success = gettext_lazy("Udgiften er tilbageført med en modpostering.")

    def load(self):
        self.expense = self.expense_or_404(self.kwargs["pk"])

    def act(self, data):
        services.expense_reverse(expense=self.expense, reason=data["reason"], by=self.request.user)

    def success_url(self):
        return reverse("finance:expense", args=[self.council.slug, self.expense.pk])

    def invalid(self, form, errors):
        return self.expense_page(self.expense, reverse_form=form, errors=errors, status=400)


class ExpensePaidView(ExpenseReverseView):
    form_class = None
    success = gettext_lazy("Udgiften er markeret som betalt.")

    def act(self, data):
        services.expense_mark_paid(expense=self.expense, by=self.request.user)


class ExpenseReceiptView(ExpensePage):
    def get(self, request, slug, pk):
        expense = self.expense_or_404(pk)
        if not expense.receipt:
            raise Http404(_("Udgiften har intet bilag."))
        return FileResponse(
            expense.receipt.open("rb"),
            content_type=expense.receipt_content_type,
            filename=expense.receipt.name.rsplit("/", 1)[-1],
        )


class AccountsCsvView(FinanceView):
    def get(self, request, slug, year):
        budget = self.budget_or_404(year)
        header = [
            _("Dato"),
            _("Budgetpost"),
            _("Modtager"),
            _("Beløb"),
            _("Status"),
            _("Beskrivelse"),
            _("Møde"),
            _("Arrangement"),
            _("Formål"),
            _("Tilbagefører"),
            _("Overskridelse godkendt af"),
            _("Nummer"),
        ]
        rows = [
            [
                e.spent_on.isoformat(),
                e.line.name,
                e.payee,
                rules.format_amount(e.amount),
                e.get_status_display(),
                e.description,
                e.meeting.starts_at.date().isoformat() if e.meeting else "",
                e.event.title if e.event else "",
                ", ".join(str(p.number) for p in e.purposes.all()),
                e.reverses_id or "",
                str(e.over_budget_approved_by) if e.over_budget_approved_by else "",
                e.pk,
            ]
            for e in selectors.accounts_rows(budget)
        ]
        return csv_response(filename=f"regnskab-{self.council.slug}-{budget.year}.csv", header=header, rows=rows)


# --- Claims -------------------------------------------------------------------------------------------------


class ClaimsView(FinanceView):
    def get(self, request, slug):
        return self.page(
            "finance/claims.html",
            {
                "waiting": list(selectors.claims_waiting(self.council)),
                "decided": list(selectors.claims_decided(self.council)),
                "crumbs": self.crumbs((_("Udlægskrav"), None)),
            },
        )


class ClaimPage(FinanceView):
    def claim_or_404(self, pk: int) -> Claim:
        try:
            return selectors.claim(self.council, pk)
        except Claim.DoesNotExist:
            raise Http404(_("Kravet findes ikke.")) from None

    def claim_page(self, claim, approve_form=None, reject_form=None, errors=(), status=200):
        default = selectors.default_claim_line(claim.budget, claim.kind)
        return self.page(
            "finance/claim.html",
            {
                "claim": claim,
                "approve_form": approve_form or forms.ApproveForm(claim=claim, default_line=default),
                "reject_form": reject_form or forms.RejectForm(),
                "errors": list(errors),
                "crumbs": self.crumbs(
                    (_("Udlægskrav"), reverse("finance:claims", args=[self.council.slug])), (str(claim), None)
                ),
            },
            status=status,
        )


class ClaimView(ClaimPage):
    def get(self, request, slug, pk):
        return self.claim_page(self.claim_or_404(pk))


class ClaimApproveView(workspace.ActionView, ClaimPage):
    success = gettext_lazy("Kravet er godkendt og bogført. Udlægsholderen får besked.")

    def load(self):
        self.claim = self.claim_or_404(self.kwargs["pk"])

    def make_form(self, data, files):
        return forms.ApproveForm(data, claim=self.claim)

    def act(self, data):
        services.claim_approve(claim=self.claim, by=self.request.user, **data)

    def success_url(self):
        return reverse("finance:claims", args=[self.council.slug])

    def invalid(self, form, errors):
        return self.claim_page(self.claim, approve_form=form, errors=errors, status=400)


class ClaimRejectView(ClaimApproveView):
    success = gettext_lazy("Kravet er afvist. Udlægsholderen får begrundelsen.")

    def make_form(self, data, files):
        return forms.RejectForm(data)

    def act(self, data):
        services.claim_reject(claim=self.claim, reason=data["reason"], by=self.request.user)

    def invalid(self, form, errors):
        return self.claim_page(self.claim, reject_form=form, errors=errors, status=400)


class ClaimReceiptView(workspace.CouncilView):
    """A claim's receipt: the secretariat, and the claimant for their own claim; 403 for anyone else."""

    def get(self, request, slug, pk):
        try:
            claim = selectors.claim(self.council, pk)
        except Claim.DoesNotExist:
            raise Http404(_("Kravet findes ikke.")) from None
        if claim.claimant_id != request.user.pk:
            self.check("finance.manage")
        if not claim.receipt:
            raise Http404(_("Kravet har ingen kvittering."))
        return FileResponse(
            claim.receipt.open("rb"),
            content_type=claim.receipt_content_type,
            filename=claim.receipt.name.rsplit("/", 1)[-1],
        )


class MyClaimsView(workspace.CouncilView):
    perm = "finance.claim"
    section = (gettext_lazy("Mine udlæg"), "finance:my_claims")

    def my_page(self, form=None, errors=(), status=200):
        budget = selectors.budget_year(self.council, timezone.localdate().year)
        return self.page(
            "finance/my_claims.html",
            {
                "claims": list(selectors.claims_of(self.council, self.request.user)),
                "form": form or forms.ClaimForm(initial={"incurred_on": timezone.localdate()}),
                "budget": budget,
                "errors": list(errors),
                "crumbs": self.crumbs(),
            },
            status=status,
        )

    def get(self, request, slug):
        return self.my_page()

    def post(self, request, slug):
        form = forms.ClaimForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.claim_submit(council=self.council, claimant=request.user, **form.cleaned_data)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Dit udlæg er sendt til sekretariatet."))
                return redirect("finance:my_claims", slug=slug)
        return self.my_page(form=form, status=400)
