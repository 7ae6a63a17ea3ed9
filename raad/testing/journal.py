"""The secretariat's audit journal as a test reads it: every page of it (it pages 100 entries at a time)."""

from __future__ import annotations

from django.urls import reverse


def journal_text(client, slug: str, *, prefix: str = "") -> str:
    """All pages of the council's journal page joined, in the language of `prefix` ("" Danish, "/en" English).

    Under the test clock each test starts at the same moment, so entries made earlier (the demo data) may carry a
    later time than the test's own and stand on a later page: a test reads them all."""
    from raad.core import audit
    from raad.councils.selectors import council_by_slug
    from raad.secretariat.views import AuditJournalView

    url = prefix + reverse("secretariat:audit", args=[slug])
    entries = audit.journal_for_council(council_by_slug(slug).pk).count()
    pages = max(1, -(-entries // AuditJournalView.per_page))
    return "".join(client.get(url, {"side": n}).content.decode() for n in range(1, pages + 1))
