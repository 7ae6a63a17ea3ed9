"""Security headers on every response, and every record the demo writes has its audit entry."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from raad.core.models import AuditEntry, User
from raad.councils.models import BoardDecision, Council, RulesOfProcedure, StaffAssignment, Term, TermsOfReference
from raad.membership.models import Membership, NominatingBody, Person, Seat, Substitute

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/en/", reverse("core:login"), "/findes-ikke/"])
def test_security_headers(client, holbaek, url):
    response = client.get(url)
    assert response["Content-Security-Policy"].startswith("default-src 'self';")
    assert "script-src 'self';" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_every_record_the_demo_writes_is_in_the_audit_journal(demo_data):
    models = [
        Council,
        TermsOfReference,
        RulesOfProcedure,
        Term,
        BoardDecision,
        StaffAssignment,
        User,
        NominatingBody,
        Seat,
        Person,
        Membership,
        Substitute,
    ]
    for model in models:
        content_type = ContentType.objects.get_for_model(model)
        audited = set(AuditEntry.objects.filter(target_type=content_type).values_list("target_id", flat=True))
        ids = {str(pk) for pk in model.objects.values_list("pk", flat=True)}
        assert ids, f"the demo has no {model.__name__}"
        assert ids <= audited, f"{model.__name__} without an audit entry: {sorted(ids - audited)}"
