"""Scoped API tokens: the secretariat makes one in its workspace (the secret shown once, stored hashed), the
municipality's records system reads the journal or the record entries with it, every use is journalled, and a
wrong, revoked or out-of-scope token gets a 401 or 403 with a clear message."""

from __future__ import annotations

import re

import pytest

from raad.api.models import ApiToken
from raad.api.selectors import token_hash
from raad.api.services.tokens import api_token_create, api_token_revoke
from raad.core.models import AuditEntry
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

pytestmark = pytest.mark.django_db


def _page(cast) -> str:
    return f"/arbejdsrum/{cast.council.slug}/api-noegler/"


def test_the_secretariat_makes_a_token_and_sees_its_secret_once(client, cast):
    log_in_verified(client, cast.secretary)

    response = client.post(_page(cast), {"name": "ESDH", "scopes": ["journal:read"]})

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    [secret] = re.findall(r"<code>(raad_[0-9a-f]+_[\w-]+)</code>", response.content.decode())
    token = ApiToken.objects.get()
    assert (token.name, token.scopes, token.created_by) == ("ESDH", ["journal:read"], cast.secretary)
    assert token.secret_hash == token_hash(secret) and secret not in str(ApiToken.objects.values().get())
    entry = AuditEntry.objects.filter(verb="api_token.created").get()
    assert (entry.actor, entry.council_id) == (cast.secretary, cast.council.pk)
    assert secret not in str(entry.changes)
    again = client.get(_page(cast)).content.decode()
    assert secret not in again and f"raad_{token.prefix}_…" in again


def test_a_token_without_name_or_access_is_refused_and_nothing_is_written(client, cast):
    log_in_verified(client, cast.secretary)

    with assert_unchanged(ignore={"sessions.Session"}):
        response = client.post(_page(cast), {"name": "", "scopes": ["everything"]})

    assert response.status_code == 400
    assert "Dette felt er påkrævet." in response.content.decode()


def test_a_member_may_not_manage_tokens(client, cast):
    log_in_verified(client, cast.users["medlem"])

    assert client.get(_page(cast)).status_code == 403
    with assert_unchanged(ignore={"sessions.Session"}):
        assert client.post(_page(cast), {"name": "Mit", "scopes": ["journal:read"]}).status_code == 403


def test_the_records_system_reads_the_journal_and_each_use_is_journalled(client, cast):
    token, secret = api_token_create(council=cast.council, name="ESDH", scopes=["journal:read"], by=cast.secretary)

    response = client.get("/api/journal", {"page_size": 100}, HTTP_AUTHORIZATION=f"Bearer {secret}")

    assert response.status_code == 200
    verbs = [e["verb"] for e in response.json()["results"]]
    assert "api_token.created" in verbs
    use = AuditEntry.objects.filter(verb="api_token.used").get()
    assert (use.council_id, use.target_id, use.changes) == (
        cast.council.pk,
        str(token.pk),
        {"path": {"before": None, "after": "/api/journal?page_size=100"}},
    )
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_the_records_system_reads_the_record_entries_with_the_cases_scope(client, cast):
    _token, secret = api_token_create(council=cast.council, name="ESDH", scopes=["cases:read"], by=cast.secretary)

    response = client.get("/api/cases", HTTP_AUTHORIZATION=f"Bearer {secret}")

    assert response.status_code == 200
    assert response.json()["count"] == 0  # the cast has no consultation yet: an empty page, not an error


def test_a_wrong_revoked_or_out_of_scope_token_is_refused_clearly(client, cast):
    token, secret = api_token_create(council=cast.council, name="ESDH", scopes=["cases:read"], by=cast.secretary)

    def get(url, auth=None):
        headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
        response = client.get(url, **headers)
        return response.status_code, response.json()["error"]

    assert get("/api/journal") == (401, "Kræver en API-nøgle: Authorization: Bearer raad_…")
    assert get("/api/journal", f"Bearer {secret}") == (403, "API-nøglen giver ikke adgang til journal:read.")
    assert get("/api/cases", f"Bearer {secret}x") == (401, "Ukendt API-nøgle.")
    assert get("/api/cases", "Bearer raad_x") == (401, "Ukendt API-nøgle.")
    api_token_revoke(token=token, by=cast.secretary)
    assert get("/api/cases", f"Bearer {secret}") == (401, "API-nøglen er tilbagekaldt.")
    assert not AuditEntry.objects.filter(verb="api_token.used").exists()


def test_the_secretariat_revokes_a_token(client, cast):
    token, secret = api_token_create(council=cast.council, name="ESDH", scopes=["cases:read"], by=cast.secretary)
    log_in_verified(client, cast.secretary)

    response = client.post(f"{_page(cast)}{token.pk}/tilbagekald/", follow=True)

    assert "Nøglen er tilbagekaldt. Den virker ikke længere." in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_by == cast.secretary
    assert AuditEntry.objects.filter(verb="api_token.revoked", target_id=str(token.pk)).count() == 1
    assert client.get("/api/cases", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
