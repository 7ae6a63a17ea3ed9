"""One msgid, one translation: Django merges every app's catalogue into one per language, and where two apps
translate the same msgid (in the same context) differently, the app listed first in INSTALLED_APPS wins for
both, so the other app silently shows a wrong word. This check finds such msgids in the project's .po files.

Run it as `python -m raad.testing.i18n_check` (from `make lint`); it exits 1 and names each conflict.
Fix a conflict with a context (`pgettext`, `pgettext_lazy`, `{% translate "…" context "…" %}`) where the
word means different things, or with one translation where it does not.

It also checks each catalogue on its own: one of a language other than Danish and English (a community
language) says in its header whether it is a draft or reviewed (`X-Translation-Status:`), and every plural entry
has as many forms as the catalogue's `Plural-Forms` (Arabic 6, Ukrainian 3); see docs/translations.md.

Only entries that end up in the compiled catalogue count: an empty or fuzzy msgstr is left out by
`compilemessages`, so it cannot override anything; obsolete (`#~`) entries are ignored too.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from raad.testing.cli import command_logger

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Entry:
    """One translated message of a .po file."""

    path: Path
    line: int
    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    msgstr: tuple[str, ...]
    fuzzy: bool

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def compiled(self) -> bool:
        """Whether compilemessages puts it into the .mo file (header, empty and fuzzy entries are left out)."""
        return bool(self.msgid) and not self.fuzzy and all(self.msgstr)


@dataclass
class _Pending:
    line: int = 0
    flags: set[str] = field(default_factory=set)
    fields: dict[str, list[str]] = field(default_factory=dict)
    current: str | None = None


def parse_po(text: str, path: Path = Path("<string>")) -> Iterator[Entry]:
    """The entries of a .po file (a small reader for the subset gettext writes: one field per keyword,
    continuation lines of quoted strings, `#,` flags; obsolete `#~` entries are skipped)."""
    pending = _Pending()

    def finish() -> Iterator[Entry]:
        nonlocal pending
        if "msgid" in pending.fields:
            strings = {name: "".join(parts) for name, parts in pending.fields.items()}
            plural_forms = sorted(
                (int(name[7:-1]), value) for name, value in strings.items() if name.startswith("msgstr[")
            )
            msgstr = tuple(value for _, value in plural_forms) if plural_forms else (strings.get("msgstr", ""),)
            yield Entry(
                path=path,
                line=pending.line,
                msgctxt=strings.get("msgctxt"),
                msgid=strings["msgid"],
                msgid_plural=strings.get("msgid_plural"),
                msgstr=msgstr,
                fuzzy="fuzzy" in pending.flags,
            )
        pending = _Pending()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            yield from finish()
            continue
        if line.startswith("#"):
            if pending.fields and pending.current is not None:
                yield from finish()  # a comment after the strings starts the next entry
            if line.startswith("#,"):
                pending.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith('"'):
            if pending.current is None:
                raise ValueError(f"{path}:{number}: a string outside any field")
            pending.fields[pending.current].append(_unquote(line, path, number))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and ("msgstr" in pending.fields or "msgstr[0]" in pending.fields):
            yield from finish()  # a new entry without a blank line before it
        if not (keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr") or keyword.startswith("msgstr[")):
            raise ValueError(f"{path}:{number}: unknown keyword {keyword!r}")
        if not pending.fields:
            pending.line = number
        pending.current = keyword
        pending.fields[keyword] = [_unquote(rest.strip(), path, number)]
    yield from finish()


def _unquote(quoted: str, path: Path, number: int) -> str:
    if len(quoted) < 2 or not (quoted.startswith('"') and quoted.endswith('"')):
        raise ValueError(f"{path}:{number}: expected a quoted string, got {quoted!r}")
    value = ast.literal_eval(quoted)
    assert isinstance(value, str)
    return value


def catalogues(root: Path = ROOT) -> list[Path]:
    """The project's .po files (one per app and language)."""
    return sorted(root.glob("raad/*/locale/*/LC_MESSAGES/django.po"))


def conflicts(paths: Iterable[Path]) -> list[str]:
    """One line per msgid (with its context) that two catalogues of the same language translate differently."""
    by_language: dict[tuple[str, tuple[str | None, str, str | None]], dict[tuple[str, ...], list[Entry]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for path in paths:
        language = path.parent.parent.name
        for entry in parse_po(path.read_text(encoding="utf-8"), path):
            if entry.compiled:
                by_language[(language, entry.key)][entry.msgstr].append(entry)
    problems = []
    for (language, (msgctxt, msgid, _plural)), translations in sorted(
        by_language.items(), key=lambda item: (item[0][0], item[0][1][1], item[0][1][0] or "")
    ):
        if len(translations) < 2:
            continue
        where = "; ".join(
            f"{_relative(entry.path)}:{entry.line} {' / '.join(msgstr)!r}"
            for msgstr, entries in translations.items()
            for entry in entries
        )
        context = f" (context {msgctxt!r})" if msgctxt is not None else ""
        problems.append(f"[{language}] msgid {msgid!r}{context} has {len(translations)} translations: {where}")
    return problems


# The languages whose catalogues are the project's own work from the start (the source and English); every
# other language's catalogue says in its header whether it is a draft or reviewed (docs/translations.md).
WHOLE_SITE_LANGUAGES = ("da", "en")
STATUS_HEADER = "X-Translation-Status:"


def _header(path: Path) -> str:
    for entry in parse_po(path.read_text(encoding="utf-8"), path):
        if entry.msgid == "" and entry.msgctxt is None:
            return entry.msgstr[0]
    return ""


def catalogue_problems(paths: Iterable[Path]) -> list[str]:
    """Per catalogue: a community language without its translation status in the header; a plural entry with
    another number of forms than its `Plural-Forms: nplurals=N` (Arabic has 6, Ukrainian 3)."""
    problems = []
    for path in paths:
        language = path.parent.parent.name
        header = _header(path)
        if language not in WHOLE_SITE_LANGUAGES and STATUS_HEADER not in header:
            problems.append(
                f"{_relative(path)}: no {STATUS_HEADER} header (draft or reviewed, see docs/translations.md)"
            )
        nplurals = None
        for line in header.splitlines():
            if line.startswith("Plural-Forms:") and "nplurals=" in line:
                nplurals = int(line.split("nplurals=", 1)[1].split(";", 1)[0].strip())
        for entry in parse_po(path.read_text(encoding="utf-8"), path):
            wrong = entry.msgid_plural is not None and nplurals is not None and len(entry.msgstr) != nplurals
            if wrong and entry.compiled:
                problems.append(
                    f"{_relative(path)}:{entry.line} msgid {entry.msgid!r} has {len(entry.msgstr)} plural forms, "
                    f"the catalogue's Plural-Forms says {nplurals}"
                )
    return problems


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(arg) for arg in args] if args else catalogues()
    problems = conflicts(paths) + catalogue_problems(paths)
    log = command_logger("raad.i18n_check")
    for problem in problems:
        log.error(problem)
    if problems:
        log.error(
            "%s msgid(s) with more than one translation: Django shows the first app's for all. "
            "Give each meaning a context (pgettext) or use one translation.",
            len(problems),
        )
        return 1
    log.info("i18n check: %s catalogues, no msgid with two translations", len(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
