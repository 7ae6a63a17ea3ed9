"""Cleaning text that people type, in one place: formatted text (HTML) and plain text.

Every free text passes one of these before it is stored:

- `clean_text(text)`: plain text, stripped, CPR numbers masked (`core.redaction`).
- `clean_html(html)`: formatted text: CPR numbers masked, then only harmless tags and links kept (nh3),
  so what a person pasted from a word processor cannot carry scripts, styles or tracking.
- `plain_text(html)`: the words of formatted text without tags, for e-mails, search and summaries.
"""

from __future__ import annotations

import html
import re

import nh3

from raad.core.redaction import mask_cpr

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "h3", "h4", "blockquote", "a"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = frozenset({"https", "http", "mailto"})


def clean_text(text: str | None) -> str:
    """Plain text as it will be stored: surrounding whitespace removed, CPR numbers masked."""
    return mask_cpr((text or "").strip())


def clean_html(text: str | None) -> str:
    """Formatted text: CPR numbers masked, then only the allowed tags, attributes and link schemes kept."""
    return nh3.clean(
        mask_cpr(text or ""),
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
    ).strip()


_BLOCK = re.compile(r"<(?=/?(?:p|br|li|ul|ol|h[1-6]|div|blockquote|tr|td|th)\b)", re.IGNORECASE)


def plain_text(text: str | None) -> str:
    """Formatted text without any tags (a block ends a word), entities decoded, whitespace runs collapsed."""
    spaced = _BLOCK.sub(" <", text or "")
    return " ".join(html.unescape(nh3.clean(spaced, tags=set())).split())
