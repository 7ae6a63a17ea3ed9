"""Every action the audit journal can show has a human name, in Danish and in English.

The test reads the source of every module under raad/ (tests and migrations excepted) and collects each
verb passed as `verb=` to the journal: a string literal, or a literal reached through a module-level dict
(`verb=_END_VERB[reason]`). A verb built at run time (an f-string) cannot be checked and is refused: write
it out. Apps name their verbs with `audit.register_verbs` in AppConfig.ready(), which has run here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.utils import translation

from raad.core.audit import verb_label

RAAD = Path(__file__).resolve().parents[2]


def _modules() -> list[Path]:
    return [
        path for path in sorted(RAAD.rglob("*.py")) if not {"tests", "migrations"} & set(path.relative_to(RAAD).parts)
    ]


def _module_values(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level names and what they are bound to (`_END_VERB = {...}`)."""
    values: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            values[node.target.id] = node.value
    return values


def _resolve(expr: ast.expr, names: dict[str, ast.expr]) -> list[str] | None:
    """The verbs an expression can give, or None when they cannot be read from the source."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if isinstance(expr, ast.IfExp):
        body, orelse = _resolve(expr.body, names), _resolve(expr.orelse, names)
        return None if body is None or orelse is None else body + orelse
    if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name):
        table = names.get(expr.value.id)
        if isinstance(table, ast.Dict):
            verbs: list[str] = []
            for value in table.values:
                found = _resolve(value, names)
                if found is None:
                    return None
                verbs += found
            return verbs
        return None
    if isinstance(expr, ast.Name):
        if expr.id in names:
            return _resolve(names[expr.id], names)
        return []  # a parameter passed through (core.services.fields_update): its callers' literals are checked
    return None


def collect_verbs() -> tuple[dict[str, list[str]], list[str]]:
    """{verb: [where it is recorded]} and the places whose verb is computed at run time."""
    verbs: dict[str, list[str]] = {}
    computed: list[str] = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = _module_values(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "verb":
                where = f"{path.relative_to(RAAD.parent)}:{node.value.lineno}"
                found = _resolve(node.value, names)
                if found is None:
                    computed.append(where)
                    continue
                for verb in found:
                    verbs.setdefault(verb, []).append(where)
    return verbs, computed


def test_the_scan_finds_literal_and_looked_up_verbs():
    verbs, _computed = collect_verbs()
    # literals in membership and meetings, and verbs reached through a module-level dict
    for verb in ("member.appointed", "meeting.planned", "member.term_ended", "minutes.approve"):
        assert verb in verbs, f"the scan missed {verb!r}"
    assert "verb" not in verbs and "candidate" not in verbs  # parameter names and dict keys are not verbs
    assert _resolve(ast.parse('f"minutes.{kind}"', mode="eval").body, {}) is None


def test_every_recorded_verb_is_written_out():
    _verbs, computed = collect_verbs()
    assert computed == [], "a verb computed at run time cannot be checked for a label; write it out: " + ", ".join(
        computed
    )


def test_every_recorded_verb_has_a_danish_and_an_english_label():
    verbs, _computed = collect_verbs()
    missing, untranslated = [], []
    for verb, places in sorted(verbs.items()):
        with translation.override("da"):
            danish = verb_label(verb)
        with translation.override("en"):
            english = verb_label(verb)
        if danish == verb:
            missing.append(f"{verb} ({places[0]})")
        elif english == danish:
            untranslated.append(f"{verb}: {danish!r} ({places[0]})")
    assert missing == [], "no label registered (audit.register_verbs in the app's ready()): " + "; ".join(missing)
    assert untranslated == [], "label without an English translation in the app's .po: " + "; ".join(untranslated)
