"""Members' expense claims: transport as km × the year's rate, other expenses with a receipt; the secretariat
approves (an expense on the line, over the limit only with a named approval) or rejects with a reason; the
claimant gets an e-mail and sees the status; nobody else sees a member's claims."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry, OutgoingMail
from raad.finance import services
from raad.finance.models import Claim, Expense
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .conftest import PDF_BYTES, pdf


def yesterday() -> datetime.date:
    # Within this year's budget even on 1 January (the claim is then dated today).
    today = timezone.localdate()
    return today - datetime.timedelta(days=1) if today.timetuple().tm_yday > 1 else today


def transport(council, member, km="24"):
    return services.claim_submit(
        council=council, claimant=member, incurred_on=yesterday(), kind="transport", what="Rådsmøde", km=Decimal(km)
    )


def test_a_transport_claim_is_km_times_the_years_rate(council, budget, member):
    claim = transport(council, member, km="24")
    assert (claim.amount, claim.rate, claim.status) == (Decimal("91.44"), Decimal("3.81"), "submitted")
    assert AuditEntry.objects.get(verb="claim.submitted").changes["amount"]["after"] == "91.44"


def test_another_expense_needs_a_receipt(council, budget, member):
    with assert_unchanged(), pytest.raises(RuleViolation, match="Vedlæg kvitteringen."):
        services.claim_submit(
            council=council,
            claimant=member,
            incurred_on=yesterday(),
            kind="other",
            what="Parkering",
            amount=Decimal("40"),
        )


def test_approval_books_an_expense_on_the_line_and_mails_the_claimant(council, budget, lines, member, secretary):
    claim = transport(council, member)
    expense = services.claim_approve(claim=claim, line=lines["Kørsel"], by=secretary)
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by) == ("approved", secretary)
    assert (expense.line, expense.amount, expense.claim, expense.payee) == (
        lines["Kørsel"],
        Decimal("91.44"),
        claim,
        "Ahmad Rahimi",
    )
    sent = OutgoingMail.objects.get(key=f"claim-decided:{claim.pk}")
    assert (sent.to, sent.subject) == (member.email, f"Dit udlæg nr. {claim.pk} er godkendt")
    assert "91,44 kr." in sent.body
    with assert_unchanged(), pytest.raises(RuleViolation, match="Kravet er allerede afgjort."):
        services.claim_reject(claim=claim, reason="nej", by=secretary)


def test_a_claim_over_the_limit_needs_a_named_approval(council, budget, lines, member, secretary):
    claim = services.claim_submit(
        council=council,
        claimant=member,
        incurred_on=yesterday(),
        kind="other",
        what="Togbillet til landsmøde",
        amount=Decimal("1000.01"),
        receipt=pdf(),
    )
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.claim_approve(claim=claim, line=lines["Andet"], by=secretary)
    assert refused.value.messages == [
        "Kravet på 1.000,01 kr. er over budgetårets beløbsgrænse for krav uden særskilt godkendelse (1.000,00 kr.). "
        "Sæt kryds i »Jeg godkender beløbet over grænsen«, så dit navn bliver registreret."
    ]
    expense = services.claim_approve(claim=claim, line=lines["Andet"], approve_over_limit=True, by=secretary)
    claim.refresh_from_db()
    assert claim.over_limit_approved_by == secretary
    assert AuditEntry.objects.get(verb="claim.over_limit_approved").actor == secretary
    assert expense.receipt.name == claim.receipt.name


def test_rejection_needs_a_reason_and_tells_the_claimant(council, budget, member, secretary):
    claim = transport(council, member)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Skriv begrundelsen"):
        services.claim_reject(claim=claim, reason="  ", by=secretary)
    services.claim_reject(claim=claim, reason="Mødet blev holdt online.", by=secretary)
    sent = OutgoingMail.objects.get(key=f"claim-decided:{claim.pk}")
    assert sent.subject == f"Dit udlæg nr. {claim.pk} er afvist" and "Mødet blev holdt online." in sent.body
    assert not Expense.objects.exists()


def test_the_member_submits_on_the_page_without_javascript_and_sees_the_status(client, council, budget, member):
    log_in_verified(client, member)
    url = reverse("finance:my_claims", args=[council.slug])
    response = client.post(
        url, {"kind": "transport", "incurred_on": yesterday().isoformat(), "what": "Rådsmøde", "km": "12,5"}
    )
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert claim.amount == Decimal("47.63")
    page = client.get(url).content.decode()
    assert "47,63" in page and "Indsendt" in page
    bad = client.post(
        url, {"kind": "other", "incurred_on": yesterday().isoformat(), "what": "Parkering", "amount": "12.34"}
    )
    assert bad.status_code == 400 and "Skriv beløbet i kroner og øre som fx 1.234,50" in bad.content.decode()


def test_a_member_sees_only_their_own_claims_and_receipts(client, small_cast, council, budget):
    ahmad, amina = small_cast.users["medlem"], small_cast.users["forperson"]
    own = services.claim_submit(
        council=council,
        claimant=ahmad,
        incurred_on=yesterday(),
        kind="other",
        what="AHMADS-PARKERING",
        amount=Decimal("40.00"),
        receipt=pdf(),
    )
    other = services.claim_submit(
        council=council,
        claimant=amina,
        incurred_on=yesterday(),
        kind="other",
        what="AMINAS-TOGBILLET",
        amount=Decimal("120.00"),
        receipt=pdf(),
    )
    log_in_verified(client, ahmad)
    page = client.get(reverse("finance:my_claims", args=[council.slug])).content.decode()
    assert "AHMADS-PARKERING" in page and "AMINAS-TOGBILLET" not in page
    mine = client.get(reverse("finance:claim_receipt", args=[council.slug, own.pk]))
    assert mine.status_code == 200 and b"".join(mine.streaming_content) == PDF_BYTES
    assert client.get(reverse("finance:claim_receipt", args=[council.slug, other.pk])).status_code == 403
    for name in ("overview", "claims", "expenses", "budget"):
        assert client.get(reverse(f"finance:{name}", args=[council.slug])).status_code == 403, name
    assert client.get(reverse("finance:claim", args=[council.slug, other.pk])).status_code == 403
    assert client.post(reverse("finance:claim_approve", args=[council.slug, own.pk])).status_code == 403
    assert client.get(reverse("finance:accounts_csv", args=[council.slug, budget.year])).status_code == 403


def test_a_citizen_and_the_liaison_cannot_claim_or_see_money(client, small_cast, council, budget):
    for username in ("borger", "kontaktperson"):
        log_in_verified(client, small_cast.users[username])
        assert client.get(reverse("finance:my_claims", args=[council.slug])).status_code == 403
        assert client.get(reverse("finance:overview", args=[council.slug])).status_code == 403


def test_the_secretariat_decides_on_the_page(sec_client, council, budget, lines, member, secretary):
    claim = transport(council, member)
    queue = sec_client.get(reverse("finance:claims", args=[council.slug])).content.decode()
    assert "Ahmad Rahimi" in queue and "91,44" in queue
    page = sec_client.get(reverse("finance:claim", args=[council.slug, claim.pk])).content.decode()
    assert f'<option value="{lines["Kørsel"].pk}" selected>' in page  # the transport line is proposed
    refused = sec_client.post(reverse("finance:claim_reject", args=[council.slug, claim.pk]), {"reason": ""})
    assert refused.status_code == 400
    response = sec_client.post(
        reverse("finance:claim_approve", args=[council.slug, claim.pk]), {"line": lines["Kørsel"].pk}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "approved" and claim.expense.amount == Decimal("91.44")
    desk = sec_client.get(reverse("secretariat:council", args=[council.slug])).content.decode()
    assert "Ingen udlægskrav venter." in desk
