"""Work is counted against the purposes of the council's own terms of reference (kommissorium "Formål"): every
service that files something under purposes refuses another council's purpose with the same named rule, and
writes nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from raad.community.models import Event
from raad.community.services import events as event_services
from raad.core.errors import RuleViolation
from raad.councils.models import Council, Purpose, TermsOfReference
from raad.councils.selectors import council_purposes, purposes_outside
from raad.finance import services as finance_services
from raad.finance.models import Expense
from raad.testing import assert_unchanged
from raad.testing.cast import build_cast

pytestmark = pytest.mark.django_db
REFUSAL = "Formålet hører til et andet råds kommissorium."


@pytest.fixture
def councils():
    cast = build_cast(members=3)
    other = Council.objects.create(municipality=cast.council.municipality, name="Handicaprådet", slug="handicapraadet")
    terms = TermsOfReference.objects.create(council=other)
    foreign = Purpose.objects.create(terms_of_reference=terms, number=1, title="Tilgængelighed")
    return cast, foreign


def test_the_check_costs_one_query_and_none_for_no_purposes(councils, django_assert_num_queries):
    cast, foreign = councils
    own = list(council_purposes(cast.council))
    assert [p.number for p in own] == list(range(1, len(own) + 1)) and foreign not in own
    with django_assert_num_queries(0):
        assert purposes_outside(cast.council.pk, []) is False
    with django_assert_num_queries(1):
        assert purposes_outside(cast.council.pk, own) is False
    with django_assert_num_queries(1):
        assert purposes_outside(cast.council.pk, [own[0], foreign]) is True


def test_an_event_and_an_expense_refuse_another_councils_purpose(councils):
    cast, foreign = councils
    start = timezone.now() + datetime.timedelta(days=5)
    data = {"title": "Sprogcafé", "starts_at": start, "place": "Biblioteket", "purposes": [foreign]}
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        event_services.event_create(council=cast.council, data=data, by=cast.secretary)
    assert refused.value.messages == [REFUSAL] and refused.value.violations[0].field == "purposes"
    assert not Event.objects.exists()

    budget = finance_services.budget_year_create(
        council=cast.council,
        year=timezone.localdate().year,
        transport_rate=Decimal("3.81"),
        decision_reference="KB 10.12, pkt. 4",
        claim_limit=Decimal("1000.00"),
        by=cast.secretary,
    )
    line = finance_services.budget_line_set(
        budget=budget, name="Arrangementer", amount=Decimal("20000.00"), receives_claims="", by=cast.secretary
    )
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        finance_services.expense_register(
            line=line,
            spent_on=timezone.localdate(),
            payee="Café Isefjord",
            amount=Decimal("100.00"),
            purposes=[foreign],
            by=cast.secretary,
        )
    assert refused.value.messages == [REFUSAL]
    assert not Expense.objects.exists()
    own = council_purposes(cast.council).first()
    event = event_services.event_create(council=cast.council, data={**data, "purposes": [own]}, by=cast.secretary)
    assert list(event.purposes.all()) == [own]
