from django.urls import path

from raad.finance import views

app_name = "finance"

W = "arbejdsrum/<slug:slug>/oekonomi/"

urlpatterns: list = [
    path(W, views.OverviewView.as_view(), name="overview"),
    path(W + "budget/", views.BudgetView.as_view(), name="budget"),
    path(W + "budget/nyt-aar/", views.BudgetYearNewView.as_view(), name="budget_year_new"),
    path(W + "budget/<int:year>/poster/", views.BudgetLineSetView.as_view(), name="budget_line_set"),
    path(W + "udgifter/", views.ExpensesView.as_view(), name="expenses"),
    path(W + "udgifter/ny/", views.ExpenseNewView.as_view(), name="expense_new"),
    path(W + "udgifter/<int:pk>/", views.ExpenseView.as_view(), name="expense"),
    path(W + "udgifter/<int:pk>/tilbagefoer/", views.ExpenseReverseView.as_view(), name="expense_reverse"),
    path(W + "udgifter/<int:pk>/betalt/", views.ExpensePaidView.as_view(), name="expense_paid"),
    path(W + "udgifter/<int:pk>/bilag/", views.ExpenseReceiptView.as_view(), name="expense_receipt"),
    path(W + "regnskab-<int:year>.csv", views.AccountsCsvView.as_view(), name="accounts_csv"),
    path(W + "krav/", views.ClaimsView.as_view(), name="claims"),
    path(W + "krav/<int:pk>/", views.ClaimView.as_view(), name="claim"),
    path(W + "krav/<int:pk>/godkend/", views.ClaimApproveView.as_view(), name="claim_approve"),
    path(W + "krav/<int:pk>/afvis/", views.ClaimRejectView.as_view(), name="claim_reject"),
    path(W + "krav/<int:pk>/kvittering/", views.ClaimReceiptView.as_view(), name="claim_receipt"),
    path(W + "mine-udlaeg/", views.MyClaimsView.as_view(), name="my_claims"),
]
