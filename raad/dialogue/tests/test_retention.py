"""Retention (R35): the sender's details and an individual case's text are erased after the periods in the
rules of procedure in force, once; the journal holds counts, never the data."""

import datetime
import zoneinfo
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from raad.core.models import AuditEntry
from raad.councils import rules as council_rules
from raad.councils.selectors import rules_in_force
from raad.councils.services import rules_adopt_version
from raad.dialogue import links
from raad.dialogue.models import Inquiry
from raad.dialogue.services import inquiries as services
from raad.testing.cast import make_decision

from .inquiry_helpers import make_referral, submit, url

pytestmark = pytest.mark.django_db
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
ARRIVED = datetime.datetime(2027, 1, 10, 12, 0, tzinfo=CPH)


def run(day: str) -> str:
    out = StringIO()
    call_command("dialogue_retention", today=day, stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def inquiries(holbaek):
    """On 10 January 2027: a general inquiry with contact details, and an individual case referred that day."""
    with time_machine.travel(ARRIVED, tick=False):
        general = submit(holbaek, text="Flere aftenhold i dansk", name="Nadia Saleh", phone="12345678")
        case = submit(holbaek, text="Min bolig er for lille", name="Omar Haddad", email="omar@test.invalid")
        services.inquiry_refer(inquiry=case, referral=make_referral(holbaek), reply="Ring til jobcentret", by=None)
    return general, case


def test_individual_case_text_goes_after_three_months_and_details_after_twelve(client, holbaek, inquiries):
    general, case = inquiries
    # Holbæk's rules: details 12 months after arrival, an individual case's text 3 months after the referral
    assert (
        rules_in_force(holbaek).inquiry_retention_months,
        rules_in_force(holbaek).individual_case_retention_months,
    ) == (12, 3)
    assert run("2027-04-10") == "Erased the details of 0 inquiry(ies) and the text of 0 individual case(s)."
    assert run("2027-04-11") == "Erased the details of 0 inquiry(ies) and the text of 1 individual case(s)."
    case.refresh_from_db()
    general.refresh_from_db()
    assert (case.text, case.reply, case.name, case.email) == ("", "", "", "")
    assert case.erased_at is not None and case.status == "referred" and case.referral_id is not None
    assert (general.text, general.name, general.erased_at) == ("Flere aftenhold i dansk", "Nadia Saleh", None)
    assert (
        run("2027-04-12") == "Erased the details of 0 inquiry(ies) and the text of 0 individual case(s)."
    )  # idempotent
    assert run("2028-01-11") == "Erased the details of 1 inquiry(ies) and the text of 0 individual case(s)."
    general.refresh_from_db()
    assert (general.text, general.name, general.phone) == ("Flere aftenhold i dansk", "", "")  # a general text stays
    assert run("2028-01-12") == "Erased the details of 0 inquiry(ies) and the text of 0 individual case(s)."

    # The status page still shows the steps, not the text
    page = client.get(url("inquiry_status", links.status_token(inquiry_id=case.pk))).content.decode()
    assert "Min bolig er for lille" not in page
    assert "Teksten er slettet, fordi opbevaringsperioden er udløbet." in page
    assert page.count("<li><strong>") == 2


def test_the_periods_come_from_the_rules_in_force(holbaek, inquiries):
    _general, case = inquiries
    current = rules_in_force(holbaek)
    values = {name: getattr(current, name) for name in council_rules.SETTING_FIELDS}
    values["individual_case_retention_months"] = 1
    values["inquiry_retention_months"] = 2
    rules_adopt_version(
        council=holbaek,
        settings=values,
        in_force_from=datetime.date(2027, 2, 1),
        adopted_on=datetime.date(2027, 1, 20),
        decision=make_decision(holbaek, decided_on=datetime.date(2027, 1, 20), reference="KB 20.01.2027, pkt. 3"),
        by=None,
    )
    assert run("2027-02-10") == "Erased the details of 0 inquiry(ies) and the text of 0 individual case(s)."
    assert run("2027-02-11") == "Erased the details of 0 inquiry(ies) and the text of 1 individual case(s)."
    assert run("2027-03-11") == "Erased the details of 1 inquiry(ies) and the text of 0 individual case(s)."
    entry = AuditEntry.objects.filter(verb="inquiry.retention_erased").order_by("pk").last()
    assert entry.changes["inquiry_retention_months"]["after"] == 2
    assert entry.changes["details_erased"]["after"] == 1


def test_the_journal_never_holds_the_personal_data(holbaek, inquiries):
    run("2028-06-01")
    entries = AuditEntry.objects.filter(verb__in=["inquiry.received", "inquiry.referred", "inquiry.retention_erased"])
    assert entries.count() == 4
    for entry in entries:
        text = f"{entry.target_label} {entry.changes}"
        for secret in (
            "Nadia",
            "Omar",
            "omar@test.invalid",
            "12345678",
            "Min bolig",
            "aftenhold",
            "Ring til jobcentret",
        ):
            assert secret not in text, (entry.verb, text)
    for entry in AuditEntry.objects.filter(target_type__model="inquiry"):
        for field in set(entry.changes) & set(Inquiry.AUDIT_PRIVATE_FIELDS):
            assert set(entry.changes[field].values()) <= {None, "", "[personoplysning]"}, (entry.verb, field)
    assert Inquiry.objects.filter(erased_at__lte=timezone.now()).count() == 2
