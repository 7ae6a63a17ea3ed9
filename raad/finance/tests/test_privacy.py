"""Nothing of finance is public: every finance page sends an anonymous visitor to the login page without a
word of the council's money (the leak test, raad/finance/tests/public_outputs.py, checks every public page)."""

from __future__ import annotations

from django.urls import reverse

from raad.finance import services

from .public_outputs import SECRETS, build


def test_every_finance_url_sends_an_anonymous_visitor_to_the_login_page(client, small_cast, council):
    build(small_cast)
    expense = services.Expense.objects.get()
    claim = services.Claim.objects.get()
    year = expense.line.budget.year
    urls = [
        reverse(f"finance:{name}", args=[council.slug])
        for name in ("overview", "budget", "expenses", "claims", "my_claims", "expense_new")
    ]
    urls += [reverse(f"finance:{name}", args=[council.slug, expense.pk]) for name in ("expense", "expense_receipt")]
    urls += [reverse(f"finance:{name}", args=[council.slug, claim.pk]) for name in ("claim", "claim_receipt")]
    urls += [reverse("finance:accounts_csv", args=[council.slug, year])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/log-ind/"), url
        assert not [s for s in SECRETS if s in response.content.decode()], url
    assert client.get(reverse("portal:home")).status_code == 200
