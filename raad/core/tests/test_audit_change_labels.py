"""Every key a service records in the journal's changes that is not a field of a model (`changed(what=…)`,
`created(items=…)`) has a registered human name (audit.register_change_labels), in Danish and in English, so the
audit table on the secretariat's desk never shows a raw key such as "What" or "Items" on a Danish page.

The scan reads the source of every module under raad/ (tests and migrations excepted): the keyword names of
`audit.changed(...)`/`audit.created(...)`, the string keys of a dict literal passed as `changes=`, and keys set
as `changes["…"] = …` (or on `before`/`after` snapshots). Keys that are fields of a model take the field's
verbose_name, as readable_changes shows them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation

from raad.core.audit import change_label, readable_changes
from raad.core.models import AuditEntry

RAAD = Path(__file__).resolve().parents[2]


def collect_change_keys() -> dict[str, str]:
    """{key: first place recorded}."""
    keys: dict[str, str] = {}
    for path in sorted(RAAD.rglob("*.py")):
        if {"tests", "migrations"} & set(path.relative_to(RAAD).parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = str(path.relative_to(RAAD.parent))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name in ("changed", "created"):
                    for keyword in node.keywords:
                        if keyword.arg:
                            keys.setdefault(keyword.arg, f"{where}:{node.lineno}")
            elif isinstance(node, ast.keyword) and node.arg == "changes" and isinstance(node.value, ast.Dict):
                for key in node.value.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        keys.setdefault(key.value, f"{where}:{node.value.lineno}")
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if (
                        isinstance(target, ast.Subscript)
                        and isinstance(target.value, ast.Name)
                        and target.value.id in ("changes", "before", "after")
                        and isinstance(target.slice, ast.Constant)
                        and isinstance(target.slice.value, str)
                    ):
                        keys.setdefault(target.slice.value, f"{where}:{node.lineno}")
    return keys


def model_field_names() -> set[str]:
    return {
        field.name
        for model in apps.get_models()
        if model.__module__.startswith("raad.")
        for field in model._meta.get_fields()
        if hasattr(field, "verbose_name")
    }


def test_the_scan_finds_keyword_dict_and_subscript_keys():
    keys = collect_change_keys()
    for key in ("what", "items", "substitutes_present", "late", "tasks", "retention_months"):
        assert key in keys, f"the scan missed {key!r}"
    assert "before" not in keys and "after" not in keys


def test_every_recorded_change_key_that_is_not_a_field_has_a_danish_and_an_english_label():
    fields = model_field_names()
    missing, untranslated = [], []
    for key, where in sorted(collect_change_keys().items()):
        if key in fields:
            continue
        with translation.override("da"):
            danish = change_label(key)
        with translation.override("en"):
            english = change_label(key)
        if danish is None:
            missing.append(f"{key} ({where})")
        elif english == danish:
            untranslated.append(f"{key}: {danish!r} ({where})")
    assert missing == [], "no label (audit.register_change_labels in the app's ready()): " + "; ".join(missing)
    assert untranslated == [], "label without an English translation in the app's .po: " + "; ".join(untranslated)


@pytest.mark.django_db
def test_the_audit_table_shows_the_labels_in_the_readers_language():
    from django.contrib.contenttypes.models import ContentType

    meeting = apps.get_model("meetings", "Meeting")
    # the closed items read on the meeting screen, as meetings.closed_items_read_record records them
    entry = AuditEntry(
        verb="closed_items.read",
        target_type=ContentType.objects.get_for_model(meeting),
        changes={"what": {"before": None, "after": "meeting_screen"}, "items": {"before": None, "after": ["3"]}},
    )
    with translation.override("da"):
        assert [c.label for c in readable_changes(entry)] == ["Læst i", "Punkter"]
    with translation.override("en"):
        assert [c.label for c in readable_changes(entry)] == ["Read in", "Items"]
