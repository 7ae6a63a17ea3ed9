"""The API's documentation page, built from its own OpenAPI document (so it cannot drift from the API)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.api.rest.api import api

# The headings of the page, in this order: the OpenAPI document's tags (its group names, in English) in the page's
# language.
TAGS = {
    "councils": gettext_lazy("Råd og medlemmer"),
    "meetings": gettext_lazy("Møder og dagsordenspunkter"),
    "statements": gettext_lazy("Høringer, høringssvar og udtalelser"),
    "events and associations": gettext_lazy("Arrangementer og foreninger"),
    "topics": gettext_lazy("Emner"),
    "annual reports": gettext_lazy("Årsberetninger"),
    "records (token)": gettext_lazy("Auditlog og journalposter (kræver API-nøgle)"),
}


def _type(schema: dict[str, Any], components: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_type(s, components) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "")
    if kind == "array":
        return f"list[{_type(schema.get('items', {}), components)}]"
    fmt = schema.get("format")
    return f"{kind} ({fmt})" if fmt else str(kind)


def _limits(schema: dict[str, Any]) -> str:
    words = []
    for key, label in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", _("maks. længde"))):
        if key in schema:
            words.append(f"{label} {schema[key]}")
    if "default" in schema and schema["default"] is not None:
        words.append(f"{_('standardværdi')} {schema['default']}")
    return ", ".join(words)


def _fields(ref: str, components: dict[str, Any]) -> list[dict[str, str]]:
    schema = components.get(ref.rsplit("/", 1)[-1], {})
    props = schema.get("properties", {})
    if "results" in props and "items" in props["results"]:  # a page: show its rows' fields
        return _fields(props["results"]["items"].get("$ref", ""), components)
    return [{"name": name, "type": _type(p, components)} for name, p in props.items()]


def document() -> dict[str, Any]:
    spec = api.get_openapi_schema()
    components = spec.get("components", {}).get("schemas", {})
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            ok = op.get("responses", {}).get("200", {})
            ref = ok.get("content", {}).get("application/json", {}).get("schema", {})
            if "items" in ref:
                ref = ref["items"]
            groups.setdefault(op.get("tags", ["api"])[0], []).append(
                {
                    "id": op.get("operationId", ""),
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "token": bool(op.get("security")),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": _type(p.get("schema", {}), components),
                            "limits": _limits(p.get("schema", {})),
                            "description": p.get("description") or p.get("schema", {}).get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "fields": _fields(ref.get("$ref", ""), components) if ref else [],
                }
            )
    return {
        "title": spec["info"]["title"],
        "version": spec["info"]["version"],
        "description": spec["info"].get("description", ""),
        "groups": [
            (str(TAGS.get(tag, tag)), groups[tag])
            for tag in sorted(groups, key=lambda tag: (list(TAGS).index(tag) if tag in TAGS else len(TAGS), tag))
        ],
    }
