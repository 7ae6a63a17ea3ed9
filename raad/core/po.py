"""A small reader and writer for the subset of gettext PO files Råd exchanges with translators.

The subset: a header entry, then entries with translator comments (`# `), extracted comments (`#. `), flags
(`#, fuzzy`), `msgctxt`, `msgid` and `msgstr` (strings may continue over several quoted lines). Plural forms
and obsolete entries (`#~`) are not part of it: the reader reports them as errors. What the writer makes passes
`msgfmt -c` (raad/core/tests/test_translation_po.py checks it), so a translator opens it in Poedit, Lokalize or
any other tool they use for the interface catalogues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Entry:
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # extracted comments (#.)
    line: int = 0  # where the entry starts in the file read (1-based)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


class POError(ValueError):
    """The file is not a PO file of the subset; `line` says where (1-based)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(character, character) for character in text)


def _quoted(keyword: str, text: str) -> list[str]:
    """`keyword "text"`, or over several lines (one per line of the text) when it has line breaks."""
    if "\n" not in text:
        return [f'{keyword} "{_escape(text)}"']
    lines = [f'{keyword} ""']
    parts = text.split("\n")
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if last and not part:
            break
        lines.append(f'"{_escape(part + ("" if last else chr(10)))}"')
    return lines


def write(entries: list[Entry], header: dict[str, str], header_comments: Sequence[str] = ()) -> str:
    """The PO file: `header` (ordered fields of the header entry), then `entries`."""
    out = [f"# {line}".rstrip() for line in header_comments]
    out.append('msgid ""')
    out.append('msgstr ""')
    out.extend(f'"{_escape(f"{key}: {value}")}\\n"' for key, value in header.items())
    for entry in entries:
        out.append("")
        out.extend(f"#. {line}".rstrip() for comment in entry.comments for line in comment.split("\n"))
        if entry.flags:
            out.append("#, " + ", ".join(entry.flags))
        if entry.msgctxt is not None:
            out.extend(_quoted("msgctxt", entry.msgctxt))
        out.extend(_quoted("msgid", entry.msgid))
        out.extend(_quoted("msgstr", entry.msgstr))
    return "\n".join(out) + "\n"


_STRING = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*$')
_KEYWORD = re.compile(r"^(msgctxt|msgid|msgstr)\s+(.*)$")


def _unquote(literal: str, line: int) -> str:
    match = _STRING.match(literal.strip())
    if match is None:
        raise POError("a string in double quotes was expected", line)
    body, out, index = match.group(1), [], 0
    while index < len(body):
        character = body[index]
        if character == "\\":
            index += 1
            escaped = body[index]
            if escaped not in _UNESCAPES:
                raise POError(f"unknown escape \\{escaped}", line)
            out.append(_UNESCAPES[escaped])
        else:
            out.append(character)
        index += 1
    return "".join(out)


def read(text: str) -> tuple[dict[str, str], list[Entry]]:
    """The header fields and the entries of a PO file. Raises `POError` for anything outside the subset."""
    header: dict[str, str] = {}
    entries: list[Entry] = []
    current: Entry | None = None
    keyword: str | None = None
    pending_flags: list[str] = []
    pending_comments: list[str] = []
    pending_line = 0
    values: dict[str, str] = {}

    def finish() -> None:
        nonlocal current, keyword, values
        if current is None:
            return
        if "msgid" not in values or "msgstr" not in values:
            raise POError("an entry needs both msgid and msgstr", current.line)
        current.msgid, current.msgstr = values["msgid"], values["msgstr"]
        current.msgctxt = values.get("msgctxt")
        if current.msgctxt is None and current.msgid == "" and not entries and not header:
            for raw in current.msgstr.split("\n"):
                if ":" in raw:
                    key, value = raw.split(":", 1)
                    header[key.strip()] = value.strip()
        else:
            entries.append(current)
        current, keyword, values = None, None, {}

    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#~"):
            raise POError("obsolete entries (#~) cannot be imported: remove them", number)
        if line.startswith("#"):
            if current is not None and keyword == "msgstr":
                finish()
            if line.startswith("#,"):
                pending_flags.extend(flag.strip() for flag in line[2:].split(",") if flag.strip())
            elif line.startswith("#."):
                pending_comments.append(line[2:].strip())
            pending_line = pending_line or number
            continue
        match = _KEYWORD.match(line)
        if match is not None:
            word, rest = match.groups()
            if word in ("msgctxt", "msgid") and (current is None or keyword == "msgstr"):
                finish()
                current = Entry(msgid="", flags=pending_flags, comments=pending_comments, line=pending_line or number)
                pending_flags, pending_comments, pending_line = [], [], 0
            elif current is None or word in values:
                raise POError(f"{word} in an unexpected place", number)
            keyword = word
            values[word] = _unquote(rest, number)
            continue
        if line.startswith("msgid_plural") or line.startswith("msgstr["):
            raise POError("plural forms are not used in content translations", number)
        if line.startswith('"'):
            if current is None or keyword is None:
                raise POError("a continued string outside an entry", number)
            values[keyword] += _unquote(line, number)
            continue
        raise POError("this line is not part of a PO file", number)
    finish()
    return header, entries
