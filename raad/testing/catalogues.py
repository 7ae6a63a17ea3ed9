"""English catalogues in tests: a small .po reader (polib is not a dependency) and the two checks every app
runs on its catalogue (complete, compiled)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

RAAD = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalogue(app: str) -> Path:
    return RAAD / app / "locale" / "en" / "LC_MESSAGES" / "django.po"


def entries(path: Path) -> list[dict]:
    """Each entry of a .po file: flags, msgid, msgid_plural, msgstr (list), obsolete, line."""
    entries: list[dict] = []
    current: dict | None = None
    key: tuple[str, int] | None = None

    def start(line_no: int) -> dict:
        entry = {"flags": set(), "msgid": None, "msgid_plural": None, "msgstr": {}, "obsolete": False}
        entry["line"] = line_no
        entries.append(entry)
        return entry

    for line_no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            current, key = None, None
            continue
        if line.startswith("#~"):
            (current or start(line_no))["obsolete"] = True
            current = entries[-1]
            continue
        if line.startswith("#,"):
            current = current or start(line_no)
            current["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            current = current or start(line_no)
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if match:
            current = current or start(line_no)
            name, index, literal = match.groups()
            key = ("msgstr", int(index or 0)) if name.startswith("msgstr") else (name, 0)
            value = ast.literal_eval(literal)
        elif line.startswith('"') and current is not None and key is not None:
            value = ast.literal_eval(line)
        else:
            raise AssertionError(f"{path}:{line_no}: cannot read {raw!r}")
        if key[0] == "msgstr":
            current["msgstr"][key[1]] = current["msgstr"].get(key[1], "") + value
        else:
            current[key[0]] = (current.get(key[0]) or "") + value
    return entries


def assert_english_complete(app: str) -> None:
    """Every string of `app`'s English catalogue translated, placeholders kept, no fuzzy or obsolete entries."""
    path = catalogue(app)
    assert path.exists(), f"{path} is missing: run makemessages -l en in raad/{app}"
    all_entries = entries(path)
    header = [e for e in all_entries if e["msgid"] == ""]
    messages = [e for e in all_entries if e["msgid"] and not e["obsolete"]]
    assert header and "fuzzy" not in header[0]["flags"], f"{path}: the header is marked fuzzy"
    assert messages, f"{path} holds no messages"

    problems = []
    for entry in messages:
        where = f"{path.relative_to(RAAD.parent)}:{entry['line']} {entry['msgid']!r}"
        if "fuzzy" in entry["flags"]:
            problems.append(f"{where}: fuzzy")
        expected_forms = 2 if entry["msgid_plural"] is not None else 1
        translations = [entry["msgstr"].get(i, "") for i in range(expected_forms)]
        if not all(t.strip() for t in translations):
            problems.append(f"{where}: not translated")
            continue
        if "python-format" in entry["flags"]:
            wanted = set(PLACEHOLDER.findall(entry["msgid"])) | set(PLACEHOLDER.findall(entry["msgid_plural"] or ""))
            for translation in translations:
                got = set(PLACEHOLDER.findall(translation))
                if got - wanted or (expected_forms == 1 and got != wanted):
                    problems.append(f"{where}: placeholders {sorted(got)} instead of {sorted(wanted)}")
    obsolete = [e for e in all_entries if e["obsolete"]]
    if obsolete:
        problems.append(f"{path}: {len(obsolete)} obsolete (#~) entries; run makemessages and drop them")
    assert not problems, "\n".join(problems)


def assert_compiled(app: str) -> None:
    """The compiled .mo of `app`'s English catalogue is there and not older than the .po."""
    po = catalogue(app)
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime, f"{mo} is missing or stale: run `make messages`"
