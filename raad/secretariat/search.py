"""The annual reports' source for the search index (raad.core.search, docs/search.md): each published report
(R23) with the forperson's foreword and the comments on its sections, as its public page shows them; its
figures are tables and charts, not words to search. Built on `public_annual_reports` only; a group is a
report's pk. Registered in apps.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.search import Document, group_pks
from raad.secretariat.rules import SECTIONS
from raad.secretariat.selectors.annual_report import public_annual_reports


def annual_reports(groups: Iterable[str] | None) -> Iterator[Document]:
    for report in public_annual_reports(group_pks(groups)):
        comments = report.comments or {}
        texts = [report.introduction] + [
            f"{title}\n{comments[key]}" for key, title in SECTIONS if comments.get(key, "").strip()
        ]
        yield Document(
            group=str(report.pk),
            key=str(report.pk),
            title=_("Årsberetning %(year)s") % {"year": report.year},
            body="\n".join(t for t in texts if t),
            url=report.get_absolute_url(),
            council=report.council.slug,
            council_name=report.council.name,
            date=timezone.localtime(report.published_at).date() if report.published_at else None,
        )


def register() -> None:
    from django.utils.translation import gettext_lazy

    from raad.core import search

    search.register_source(
        kind="annual_report", label=gettext_lazy("Årsberetninger"), documents=annual_reports, order=90
    )


def report_published(report_pk: int) -> None:
    """What the publishing service calls: index the report once the transaction commits."""
    from raad.core import search

    search.refresh_on_commit("annual_report", report_pk)
