"""Expenses: booked against a line; over the budget only with an explicit approval that names the approver;
corrected by a reversing entry, never deleted; receipts checked by content; the year's accounts as CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.finance import selectors, services
from raad.finance.models import Expense
from raad.testing import assert_unchanged

from .conftest import PDF_BYTES, pdf

TODAY = timezone.localdate


def book(line, amount, by, **extra):
    return services.expense_register(
        line=line, spent_on=TODAY(), payee="Café Isefjord", amount=Decimal(amount), by=by, **extra
    )


def test_an_expense_within_the_budget_is_booked_and_journalled(lines, secretary):
    expense = book(lines["Møder og forplejning"], "1234.50", secretary, description="Forplejning til rådsmøde")
    assert (expense.amount, expense.status, expense.over_budget_approved_by) == (Decimal("1234.50"), "committed", None)
    entry = AuditEntry.objects.get(verb="expense.registered")
    assert entry.changes["amount"] == {"before": None, "after": "1234.50"}
    assert entry.actor == secretary


def test_over_the_budget_is_refused_without_approval_naming_the_rule(lines, secretary):
    line = lines["Andet"]  # 2.000,00
    book(line, "1500.00", secretary)
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        book(line, "500.01", secretary)
    assert refused.value.messages == [
        "Udgiften på 500,01 kr. fører budgetposten »Andet« 0,01 kr. over budgettet. En udgift ud over budgettet "
        "kræver en særskilt godkendelse: sæt kryds i »Jeg godkender overskridelsen«, så dit navn bliver "
        "registreret som den, der godkendte."
    ]
    assert refused.value.violations[0].field == "approve_over_budget"
    book(line, "500.00", secretary)  # exactly the budget is allowed


def test_over_the_budget_with_approval_records_who_approved(lines, secretary):
    line = lines["Andet"]
    expense = book(line, "2500.00", secretary, approve_over_budget=True)
    assert expense.over_budget_approved_by == secretary
    entry = AuditEntry.objects.get(verb="expense.over_budget_approved")
    assert (entry.actor, entry.changes["over_budget_by"]["after"]) == (secretary, "500.00")


def test_a_reversal_is_a_negative_entry_pointing_at_the_original(lines, secretary):
    line = lines["Arrangementer"]
    original = book(line, "4000.00", secretary)
    services.expense_mark_paid(expense=original, by=secretary)
    reversal = services.expense_reverse(expense=original, reason="Fejlbogført, skulle på tolkning", by=secretary)
    original.refresh_from_db()
    assert (reversal.amount, reversal.reverses, reversal.line, reversal.status) == (
        Decimal("-4000.00"),
        original,
        line,
        "paid",
    )
    assert original.amount == Decimal("4000.00")  # the original stays as it was (R34)
    [(_line, figures)] = [(li, f) for li, f in selectors.line_figures(line.budget) if li == line]
    assert (figures.spent, figures.committed, figures.remaining) == (Decimal("0.00"), Decimal("0.00"), line.amount)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede tilbageført"):
        services.expense_reverse(expense=original, reason="igen", by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="En tilbageførsel kan ikke tilbageføres"):
        services.expense_reverse(expense=reversal, reason="igen", by=secretary)
    assert AuditEntry.objects.get(verb="expense.reversed").changes["amount"]["after"] == "-4000.00"


def test_an_expense_cannot_be_deleted_through_its_line(lines, secretary):
    from django.db.models import ProtectedError

    book(lines["Kørsel"], "10.00", secretary)
    with pytest.raises(ProtectedError):
        lines["Kørsel"].delete()


def test_a_receipt_is_checked_by_its_content(lines, secretary):
    exe = SimpleUploadedFile("kvittering.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="application/pdf")
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        book(lines["Andet"], "100.00", secretary, receipt=exe)
    assert refused.value.messages == ["Filtypen kan ikke bruges. Brug PDF, JPEG, PNG."]
    assert refused.value.violations[0].field == "receipt"
    expense = book(lines["Andet"], "100.00", secretary, receipt=pdf())
    assert expense.receipt_content_type == "application/pdf" and expense.receipt.read() == PDF_BYTES


def test_the_new_expense_page_refuses_an_exe_renamed_pdf_and_keeps_what_was_typed(sec_client, council, budget, lines):
    exe = SimpleUploadedFile("faktura.pdf", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf")
    url = reverse("finance:expense_new", args=[council.slug]) + f"?aar={budget.year}"
    with assert_unchanged(ignore={"sessions.Session"}):
        response = sec_client.post(
            url,
            {
                "line": lines["Andet"].pk,
                "spent_on": TODAY().isoformat(),
                "payee": "Tolkecentralen",
                "amount": "1.234,50",
                "status": "committed",
                "receipt": exe,
            },
        )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Filtypen kan ikke bruges. Brug PDF, JPEG, PNG." in page and "Tolkecentralen" in page


def test_the_new_expense_page_books_a_danish_amount(sec_client, council, budget, lines):
    url = reverse("finance:expense_new", args=[council.slug]) + f"?aar={budget.year}"
    response = sec_client.post(
        url,
        {
            "line": lines["Andet"].pk,
            "spent_on": TODAY().isoformat(),
            "payee": "Tolkecentralen",
            "amount": "1.234,50",
            "status": "paid",
            "receipt": pdf(),
        },
    )
    expense = Expense.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "finance:expense", args=[council.slug, expense.pk]
    )
    assert (expense.amount, expense.status) == (Decimal("1234.50"), "paid")
    receipt = sec_client.get(reverse("finance:expense_receipt", args=[council.slug, expense.pk]))
    assert receipt["Content-Type"] == "application/pdf" and b"".join(receipt.streaming_content) == PDF_BYTES
    bad = sec_client.post(
        url,
        {
            "line": lines["Andet"].pk,
            "spent_on": TODAY().isoformat(),
            "payee": "X",
            "amount": "1,234.50",
            "status": "paid",
        },
    )
    assert bad.status_code == 400
    assert "Skriv beløbet i kroner og øre som fx 1.234,50" in bad.content.decode()


def test_the_over_budget_checkbox_on_the_page(sec_client, council, budget, lines, secretary):
    url = reverse("finance:expense_new", args=[council.slug]) + f"?aar={budget.year}"
    data = {
        "line": lines["Andet"].pk,
        "spent_on": TODAY().isoformat(),
        "payee": "Trykkeriet",
        "amount": "2.000,01",
        "status": "committed",
    }
    refused = sec_client.post(url, data)
    assert refused.status_code == 400 and "Jeg godkender overskridelsen" in refused.content.decode()
    assert "0,01 kr. over budgettet" in refused.content.decode()
    assert sec_client.post(url, {**data, "approve_over_budget": "on"}).status_code == 302
    assert Expense.objects.get().over_budget_approved_by == secretary


def test_the_accounts_csv_has_every_entry_with_danish_amounts(sec_client, council, budget, lines, secretary):
    first = book(lines["Møder og forplejning"], "0.10", secretary)
    book(lines["Møder og forplejning"], "1234.50", secretary)
    services.expense_reverse(expense=first, reason="Dobbelt", by=secretary)
    response = sec_client.get(reverse("finance:accounts_csv", args=[council.slug, budget.year]))
    assert response["Content-Disposition"] == f'attachment; filename="regnskab-{council.slug}-{budget.year}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows[0][:5] == ["Dato", "Budgetpost", "Modtager", "Beløb", "Status"]
    assert [(r[1], r[3], r[9]) for r in rows[1:]] == [
        ("Møder og forplejning", "0,10", ""),
        ("Møder og forplejning", "1.234,50", ""),
        ("Møder og forplejning", "'-0,10", str(first.pk)),  # a leading minus is kept as text, never a formula
    ]


def test_the_overview_shows_chart_and_table_with_the_same_figures(sec_client, council, budget, lines, secretary):
    book(lines["Kørsel"], "2700.00", secretary)
    page = sec_client.get(reverse("finance:overview", args=[council.slug])).content.decode()
    assert '<svg role="img"' in page and "<table" in page
    assert '<th scope="row">Kørsel</th>' in page
    assert "2.700,00" in page and "300,00" in page and "90 %" in page
    desk = sec_client.get(reverse("secretariat:council", args=[council.slug])).content.decode()
    assert "Budgetposter brugt 90 % eller mere" in desk and "Kørsel: 90 %" in desk


def test_a_line_is_renamed_with_its_expenses_and_the_old_name_in_the_journal(lines, secretary, sec_client):
    from raad.core.models import AuditEntry as Entry

    line = lines["Andet"]
    expense = book(line, "100.00", secretary)
    budget_url = reverse("finance:budget_line_set", args=[line.budget.council.slug, line.budget.year])
    taken = sec_client.post(budget_url, {"name": "Andet", "amount": "2000,00", "new_name": "Kørsel"})
    assert taken.status_code == 400
    assert "Der er allerede en budgetpost med det navn." in taken.content.decode()
    with assert_unchanged(), pytest.raises(RuleViolation, match="ingen budgetpost med det navn"):
        services.budget_line_set(
            budget=line.budget, name="Findes ikke", amount=Decimal("1"), new_name="Ny", by=secretary
        )
    sec_client.post(
        budget_url, {"name": "Andet", "amount": "2500,00", "receives_claims": "other", "new_name": "Kommunikation"}
    )
    line.refresh_from_db()
    expense.refresh_from_db()
    assert (line.name, line.amount, expense.line_id) == ("Kommunikation", Decimal("2500.00"), line.pk)
    changed = Entry.objects.filter(verb="budget_line.changed").latest("id")
    assert changed.changes == {
        "amount": {"before": "2000.00", "after": "2500.00"},
        "name": {"before": "Andet", "after": "Kommunikation"},
    }


def test_edit_on_a_row_fills_the_form_with_that_line(lines, sec_client):
    line = lines["Kørsel"]
    budget_url = reverse("finance:budget", args=[line.budget.council.slug])
    page = sec_client.get(f"{budget_url}?aar={line.budget.year}&ret={line.pk}").content.decode()
    assert "Ret budgetposten »Kørsel«" in page
    assert 'name="name" value="Kørsel"' in page and 'name="amount" value="3.000,00"' in page
    assert '<option value="transport" selected>' in page  # the claims setting is kept, not reset
    english = sec_client.get(f"/en{budget_url}?aar={line.budget.year}&ret={line.pk}").content.decode()
    assert 'name="amount" value="3.000,00"' in english  # the field reads Danish amounts on every page
    assert "Tilføj eller ændr en budgetpost" in sec_client.get(f"{budget_url}?ret=999999").content.decode()


def test_opening_the_new_budget_year_address_goes_to_the_budget_page(sec_client, council):
    """A GET of the POST-only action (a bookmark, a reload) was a 500 (found by the authorization matrix)."""
    response = sec_client.get(reverse("finance:budget_year_new", args=[council.slug]))
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("finance:budget", args=[council.slug])
