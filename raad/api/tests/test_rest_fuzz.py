"""The API's own OpenAPI document, fuzzed with schemathesis (a bounded run): whatever a client sends that the
document allows, or breaks (wrong types, out of range, malformed), the API answers without a server error, and
with a status the document lists for that operation."""

from __future__ import annotations

import pytest
import schemathesis
from django.utils.http import urlencode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from raad.api.rest.api import api

pytestmark = pytest.mark.django_db


def test_fuzzing_every_operation_finds_no_server_error(client, cast):
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 20
    strategy = st.one_of(
        [
            operation.as_strategy(generation_mode=mode)
            for operation in operations
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        ]
    )
    answered = []

    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def call(case):
        headers = {f"HTTP_{k.upper().replace('-', '_')}": str(v) for k, v in (case.headers or {}).items()}
        query = urlencode(case.query or {}, doseq=True)
        response = client.get(case.formatted_path, QUERY_STRING=query, **headers)
        answered.append(response.status_code)
        assert response.status_code < 500, (case.formatted_path, query, response.content[:300])
        documented = {str(code) for code in case.operation.definition.raw["responses"]}
        assert str(response.status_code) in documented, (case.formatted_path, query, response.status_code)
        if response.status_code >= 400:
            assert response.json()["error"], (case.formatted_path, query)

    call()
    assert len(answered) >= 100
    assert {200, 400} <= set(answered)
