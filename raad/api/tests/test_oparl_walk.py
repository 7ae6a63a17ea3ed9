"""The key OParl test: from the System object at /oparl/, walk the whole API (every list, every page, every object
and every /oparl/ URL they name), validate every object against the official OParl 1.1 JSON schemas
(a copy in oparl_schema/), and check exactly what must never appear and what appears as deleted."""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.conf import settings
from django.urls import resolve
from referencing import Registry
from referencing.jsonschema import DRAFT7

from raad.api.oparl.common import when
from raad.meetings.models import Meeting

from .oparl_scenario import SECRETS, build

SCHEMAS = Path(__file__).resolve().parent / "oparl_schema"  # the official schemas, unchanged (README there)
BASE = "https://schema.oparl.org/1.1/"
EPOCH = "2000-01-01T00:00:00+00:00"


def _standard(node):
    """The schemas' own key `"schema": "File.json"` (an embedded object of that type) as a standard `$ref`."""
    if isinstance(node, dict):
        if node.get("type") == "object" and str(node.get("schema", "")).endswith(".json"):
            return {"$ref": node["schema"]}
        return {key: _standard(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_standard(value) for value in node]
    return node


def _validators(deleted: bool = False) -> dict[str, jsonschema.Validator]:
    """One validator per type; for deleted objects (`deleted`) each schema's `required` is only id and type
    plus what a deleted object must keep (OParl 1.1, "Gelöschte Objekte": the other properties may go)."""
    schemas = {
        path.stem: {"$id": BASE + path.name, **_standard(json.loads(path.read_text()))}
        for path in SCHEMAS.glob("*.json")
    }
    if deleted:
        for schema in schemas.values():
            schema["required"] = ["id", "type", "created", "modified", "deleted"]
    registry = Registry().with_resources((schema["$id"], DRAFT7.create_resource(schema)) for schema in schemas.values())
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    return {
        BASE + name: jsonschema.Draft7Validator(schema, registry=registry, format_checker=checker)
        for name, schema in schemas.items()
    }


@pytest.fixture
def scenario(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build(cast)


def _oparl_urls(node, found: set[str]) -> None:
    if isinstance(node, dict):
        for value in node.values():
            _oparl_urls(value, found)
    elif isinstance(node, list):
        for value in node:
            _oparl_urls(value, found)
    elif isinstance(node, str) and node.startswith(settings.SITE_URL + "/oparl/"):
        found.add(node)


def _objects(node):
    """Every OParl object in an answer, embedded ones included."""
    if isinstance(node, dict):
        if "type" in node and str(node["type"]).startswith(BASE):
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def walk(client, start: str) -> dict[str, dict]:
    """Fetch `start` and everything reachable from it within /oparl/; url → decoded answer."""
    seen: dict[str, dict] = {}
    queue = deque([start])
    while queue:
        address = queue.popleft()
        if address in seen:
            continue
        parts = urlsplit(address)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200, (address, response.content)
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Access-Control-Allow-Origin"] == "*"
        seen[address] = answer = response.json()
        found: set[str] = set()
        _oparl_urls(answer, found)
        queue.extend(sorted(found - set(seen)))
    return seen


def test_the_whole_api_validates_against_the_official_schemas_and_shows_only_what_is_public(client, scenario):
    validators, deleted_validators = _validators(), _validators(deleted=True)
    start = settings.SITE_URL + "/oparl/"
    answers = walk(client, start)
    # the deleted objects, as a client that updates its copy sees them (OParl 1.1: only with modified_since)
    body = answers[start]["body"]
    bodies = answers[body]["data"]
    assert len(bodies) == 1
    lists = [
        value
        for key, value in bodies[0].items()
        if isinstance(value, str) and value.endswith("/") and key not in ("id", "system", "website", "web")
    ]
    updating = walk(client, lists[0] + "?modified_since=" + EPOCH.replace("+", "%2B"))
    for url in lists[1:]:
        updating |= walk(client, url + "?modified_since=" + EPOCH.replace("+", "%2B"))
    answers |= updating

    validated = 0
    types = set()
    for address, answer in answers.items():
        if "data" in answer:  # a list page
            assert set(answer) == {"data", "pagination", "links"}, address
            assert answer["pagination"]["currentPage"] <= answer["pagination"]["totalPages"]
        for obj in _objects(answer):
            validator = (deleted_validators if obj.get("deleted") else validators)[obj["type"]]
            errors = sorted(validator.iter_errors(obj), key=str)
            assert not errors, (address, obj, [e.message for e in errors])
            types.add(obj["type"].removeprefix(BASE))
            validated += 1
        for obj in _objects(answer):  # every file's public address is a page of the site
            for key in ("accessUrl", "downloadUrl", "web"):
                if key in obj:
                    assert obj[key].startswith(settings.SITE_URL + "/")
                    resolve(urlsplit(obj[key]).path)
    assert types == {
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
        "LegislativeTerm",
    }
    assert validated > 100

    text = json.dumps(answers, ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in text
    s = scenario
    url = settings.SITE_URL + "/oparl/"
    everything = set(answers)
    # closed items, closed attachments, drafts and unsent statements never appear, not even as deleted
    assert f"{url}agendaitem/{s.closed_item.pk}/" not in text
    for attachment in s.closed_attachments:
        assert f"{url}file/attachment/{attachment.pk}/" not in text
    for statement in (s.draft, s.unsent):
        assert f"{url}paper/{statement.pk}/" not in text
        assert f"{url}consultation/{statement.pk}/" not in text
    for item in s.planned.items.all():  # its notice is not sent: its items are not public yet
        assert f"{url}agendaitem/{item.pk}/" not in text
    assert "agendaItem" not in answers[f"{url}meeting/{s.planned.pk}/"]
    # what is public is there
    assert f"{url}agendaitem/{s.open_item.pk}/" in everything
    assert f"{url}paper/{s.published.pk}/" in everything
    assert f"{url}file/minutes/{s.meeting.pk}/" in everything
    # what was public and is no more: deleted, with the time it stopped
    gone = answers[f"{url}file/minutes/{s.unpublished.meeting_id}/"]
    assert gone == {
        "id": f"{url}file/minutes/{s.unpublished.meeting_id}/",
        "type": BASE + "File",
        "accessUrl": gone["accessUrl"],
        "created": when(s.unpublished.created_at),
        "modified": when(s.unpublished.updated_at),
        "deleted": True,
    }
    # an item closed after its agenda went out, and its open attachment: nothing but that they are gone (R20)
    item_url = f"{url}agendaitem/{s.withdrawn.pk}/"
    assert answers[item_url] == {
        "id": item_url,
        "type": BASE + "AgendaItem",
        "created": when(s.withdrawn.created_at),
        "modified": when(s.withdrawn.unpublished_at),
        "deleted": True,
    }
    listed = [obj for a in updating.values() for obj in a.get("data", []) if obj["id"] == item_url]
    assert listed and all(obj == answers[item_url] for obj in listed)  # (a page may be reached by two links)
    file_url = f"{url}file/attachment/{s.withdrawn_attachment.pk}/"
    gone_file = answers[file_url]
    assert gone_file == {
        "id": file_url,
        "type": BASE + "File",
        "accessUrl": gone_file["accessUrl"],
        "created": when(s.withdrawn_attachment.created_at),
        "modified": when(s.withdrawn.unpublished_at),
        "deleted": True,
    }
    assert client.get(urlsplit(gone_file["accessUrl"]).path).status_code == 404
    later = answers[f"{url}meeting/{s.withdrawn.meeting_id}/"]
    assert "agendaItem" not in later and later["modified"] >= answers[item_url]["modified"]
    # the open item's result, as the published minutes record it; each council lists its meetings and seats
    decided = answers[f"{url}agendaitem/{s.open_item.pk}/"]
    assert decided["result"] == "Vedtaget"
    assert decided["resolutionText"] == (
        "Beslutning: Rådet anbefaler flere praktikpladser.\n\nAfstemning: 8 for, 2 imod, 0 undlod. Vedtaget efter "
        "reglen om simpelt flertal (forretningsorden § 6, stk. 2)."
    )
    assert "result" not in answers[f"{url}agendaitem/{s.withdrawn.pk}/"]
    organization = answers[f"{url}organization/council/{s.meeting.council_id}/"]
    council_meetings = Meeting.objects.filter(council_id=s.meeting.council_id).order_by("pk")
    assert [m["id"] for m in answers[organization["meeting"]]["data"]] == [
        f"{url}meeting/{pk}/" for pk in council_meetings.values_list("pk", flat=True)
    ]
    assert organization["membership"] == [f"{url}membership/{m.pk}/" for m in s.sitting]
    assert answers[f"{url}membership/{s.resigned.pk}/"]["deleted"] is True
    assert answers[f"{url}person/{s.resigned.person_id}/"]["deleted"] is True
    meeting = answers[f"{url}meeting/{s.unpublished.meeting_id}/"]
    assert "resultsProtocol" not in meeting and meeting.get("deleted") is None
