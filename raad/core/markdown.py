"""A small, safe subset of Markdown for texts the secretariat writes (an agenda item's case presentation).

No Markdown library is locked, so this is the subset a case presentation needs, and no more:

- paragraphs (separated by a blank line; a single line break is kept as a line break),
- bulleted lists (`- ` or `* `) and numbered lists (`1. ` or `1) `),
- headings `### ` and `#### ` (`#` and `##` are shown as `###`: the page has its own headings above),
- quotes (`> `),
- **bold** / __bold__, *italic* / _italic_, and links `[text](https://…)` (http, https, mailto only).

Everything else is text: `<`, `>` and `&` typed in a Markdown paragraph are shown as typed. A block that
starts with an HTML tag (as case presentations were written before Markdown) is kept as HTML. Either way the
result passes `core.text.clean_html` (CPR numbers masked, only harmless tags and links kept), so what is
stored and shown is exactly as safe as before.
"""

from __future__ import annotations

import html
import re

from raad.core.text import clean_html

_HTML_BLOCK = re.compile(r"^\s*</?[a-zA-Z][a-zA-Z0-9]*[\s/>]")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_HEADING = re.compile(r"^(#{1,4})\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*((?:https?://|mailto:)[^\s)]+)\s*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")
_EM_UNDERSCORE = re.compile(r"(?<![_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])")


def _inline(text: str) -> str:
    """One line of Markdown text as HTML: escaped, then links, bold and italic."""
    out = html.escape(text, quote=True)
    out = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', out)
    out = _STRONG.sub(r"<strong>\2</strong>", out)
    out = _EM_STAR.sub(r"<em>\1</em>", out)
    return _EM_UNDERSCORE.sub(r"<em>\1</em>", out)


def _list(lines: list[str], pattern: re.Pattern[str], tag: str) -> str:
    items: list[list[str]] = []
    for line in lines:
        match = pattern.match(line)
        if match:
            items.append([match.group(1)])
        elif items:
            items[-1].append(line.strip())  # a continuation line of the item above
    return f"<{tag}>" + "".join("<li>" + " ".join(_inline(p) for p in item) + "</li>" for item in items) + f"</{tag}>"


def _block(lines: list[str]) -> str:
    first = lines[0]
    if _HTML_BLOCK.match(first):
        return "\n".join(lines)
    if _BULLET.match(first):
        return _list(lines, _BULLET, "ul")
    if _NUMBERED.match(first):
        return _list(lines, _NUMBERED, "ol")
    heading = _HEADING.match(first)
    if heading and len(lines) == 1:
        tag = "h4" if len(heading.group(1)) == 4 else "h3"
        return f"<{tag}>{_inline(heading.group(2))}</{tag}>"
    if all(_QUOTE.match(line) for line in lines):
        inner = "<br>".join(_inline(_QUOTE.match(line).group(1)) for line in lines)  # type: ignore[union-attr]
        return f"<blockquote><p>{inner}</p></blockquote>"
    return "<p>" + "<br>".join(_inline(line.strip()) for line in lines) + "</p>"


def _list_kind(line: str) -> str | None:
    if _BULLET.match(line):
        return "ul"
    return "ol" if _NUMBERED.match(line) else None


def _blocks(text: str) -> list[list[str]]:
    """Lines grouped into blocks: a blank line ends a block, and so does the start or end of a list."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            if current:
                blocks.append(current)
            current = []
            continue
        if current and not _HTML_BLOCK.match(current[0]):
            kind = _list_kind(current[0])
            continuation = kind is not None and line.startswith((" ", "\t")) and _list_kind(line) is None
            after_heading = len(current) == 1 and _HEADING.match(current[0])
            if (_list_kind(line) != kind and not continuation) or _HEADING.match(line) or after_heading:
                blocks.append(current)
                current = []
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def markdown_to_html(text: str | None) -> str:
    """The Markdown subset above as sanitised HTML (through `core.text.clean_html`)."""
    return clean_html("\n".join(_block(lines) for lines in _blocks(text or "")))
