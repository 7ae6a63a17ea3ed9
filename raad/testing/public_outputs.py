"""The test that hunts for leaks: every app registers its public outputs (see docs/kernel-plug.md).

An app's `tests/public_outputs.py` calls `register(app=..., build=...)` at import. `build(cast)` creates the
app's scenario in the test database (published things next to closed, draft and internal ones) and returns
a `PublicOutputs`: the URLs anyone may fetch (200), the URLs of hidden things (404), the secret strings that
must never appear in any public body, and texts that must appear (proof the checks read real output).
`raad/testing/tests/test_public_outputs.py` builds every registered scenario together and fetches every
public URL of every app anonymously: a secret of one app cannot leak through another app's page either.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class PublicOutputs:
    public: list[str]  # each answers 200 to anyone
    secrets: list[str]  # never in the decoded body (page, PDF text, iCal, CSV) of any public URL
    hidden: list[str] = field(default_factory=list)  # each answers 404 to anyone, without the secrets
    shown: dict[str, list[str]] = field(default_factory=dict)  # url → texts its decoded body contains


_builders: dict[str, Callable[[Any], PublicOutputs]] = {}


def register(*, app: str, build: Callable[[Any], PublicOutputs]) -> None:
    _builders[app] = build


def registered() -> dict[str, Callable[[Any], PublicOutputs]]:
    """Every app's builder, after importing `tests/public_outputs.py` of each installed app that has one."""
    autodiscover_modules("tests.public_outputs")
    return dict(sorted(_builders.items()))


def body_text(response) -> str:
    """What a reader gets out of a response: PDF text and metadata, iCal and CSV as text, pages decoded."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "") == "application/pdf":  # a PDF that does not parse fails here
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(body))
        return "\n".join(page.extract_text() for page in reader.pages) + str(reader.metadata)
    if response.get("Content-Type", "").startswith("text/calendar"):
        from icalendar import Calendar

        calendar = Calendar.from_ical(body)  # a feed that does not parse fails here
        return body.decode() + "\n".join(str(c.get(k, "")) for c in calendar.walk() for k in c)
    return body.decode("utf-8", errors="replace")
