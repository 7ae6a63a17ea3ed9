"""A council set up from a preset: writes of councils (raad.councils.services.setup)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from raad.core import audit, search
from raad.core.models import User
from raad.councils.models import Council, Municipality, Purpose, TermsOfReference
from raad.councils.presets.values import split_settings

from .common import ENGLISH, _save_english
from .decisions import board_decision_record
from .procedure import rules_adopt_version
from .terms import term_create
from .terms_of_reference import _tasks_create


def _split_english(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """A preset's values: (the model's own fields, {field: English} from its `<field>_en` keys)."""
    suffix = f"_{ENGLISH}"
    own = {name: value for name, value in data.items() if not name.endswith(suffix)}
    english = {name.removesuffix(suffix): value for name, value in data.items() if name.endswith(suffix)}
    return own, english


@transaction.atomic
def council_setup_from_preset(*, preset: dict[str, Any], by: User | None = None) -> tuple[Council, bool]:
    """Create a council from a preset (kommissorium, rules, terms). Idempotent: an existing council
    with the preset's slug is returned unchanged. Returns (council, created)."""
    existing = Council.objects.filter(slug=preset["council"]["slug"]).first()
    if existing is not None:
        return existing, False
    municipality, created = Municipality.objects.get_or_create(
        code=preset["municipality"]["code"], defaults=preset["municipality"]
    )
    if created:
        audit.record(actor=by, verb="municipality.created", target=municipality)
    established = board_decision_record(municipality=municipality, by=by, **preset["established_by"])
    council_data, council_english = _split_english(preset["council"])
    council = Council.objects.create(municipality=municipality, established_by=established, **council_data)
    audit.record(
        actor=by,
        verb="council.created",
        target=council,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(council, ("name", "slug", "kind", "secretariat_unit"))),
    )
    _save_english(council, council_english, by=by, council_id=council.pk, created=True)
    terms_data, terms_english = _split_english(preset["terms_of_reference"])
    terms = TermsOfReference.objects.create(council=council, **terms_data)
    _save_english(terms, terms_english, by=by, council_id=council.pk, created=True)
    for purpose_data in preset["purposes"]:
        data, english = _split_english(purpose_data)
        tasks = data.pop("tasks")
        purpose = Purpose.objects.create(terms_of_reference=terms, **data)
        _save_english(purpose, english, by=by, council_id=council.pk, created=True)
        _tasks_create(purpose, [(da, en) for da, en in tasks], by=by, council_id=council.pk, record=True)
    audit.record(
        actor=by,
        verb="terms_of_reference.created",
        target=terms,
        council_id=council.pk,
        changes=audit.created(purposes=[p["title"] for p in preset["purposes"]]),
    )
    rules_decision = board_decision_record(municipality=municipality, by=by, **preset["rules_decision"])
    rules_data = preset["rules"]
    values, examples = split_settings(rules_data["settings"])
    rules_adopt_version(
        council=council,
        settings=values,
        to_be_confirmed=examples,
        in_force_from=rules_data["in_force_from"],
        adopted_on=rules_data["adopted_on"],
        decision=rules_decision,
        change_summary=rules_data.get("change_summary", ""),
        change_summary_en=rules_data.get("change_summary_en", ""),
        by=by,
    )
    for term in preset["terms"]:
        term_create(council=council, by=by, **term)
    search.refresh_on_commit("council", council.pk)  # its page in the search index (raad.core.search)
    return council, True
