"""The statements' sources for the search index (raad.core.search, docs/search.md): published statements and
the consultations they answer. Built on `public_statements` and `public_statements_shown`
(`public_statement` of many at once) only; a group is a
statement's pk. Registered in apps.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse

from raad.core.search import Document, batches, group_pks
from raad.councils.selectors import public_councils
from raad.statements.selectors import PublicStatement, public_statements, public_statements_shown

CHUNK = 500  # statements read together: a rebuild reads every statement of the installation in bounded memory


def _published(groups: Iterable[str] | None) -> Iterator[PublicStatement]:
    wanted = group_pks(groups)
    for council in public_councils():
        qs = public_statements(council)
        if wanted is not None:
            qs = qs.filter(pk__in=wanted)
        for chunk in batches(list(qs.values_list("pk", flat=True)), CHUNK):
            yield from public_statements_shown(council, chunk)


def _base(shown: PublicStatement) -> dict:
    statement = shown.statement
    purpose = statement.purpose
    return {
        "group": str(statement.pk),
        "key": str(statement.pk),
        "url": reverse("statements:public_detail", args=[statement.council.slug, statement.pk]),
        "council": statement.council.slug,
        "council_name": statement.council.name,
        "date": statement.adopted_on,
        "purposes": ((str(purpose.pk), str(purpose)),) if purpose is not None else (),
    }


def statements(groups: Iterable[str] | None) -> Iterator[Document]:
    for shown in _published(groups):
        statement = shown.statement
        minority = [m.text for m in shown.minority_statements if getattr(m, "text", "")]
        yield Document(
            title=f"{statement.get_kind_display()}: {statement.title}",
            body="\n".join([shown.text, *minority]),
            **_base(shown),
        )


def consultations(groups: Iterable[str] | None) -> Iterator[Document]:
    for shown in _published(groups):
        consultation = shown.consultation
        if consultation is None:
            continue
        committee = consultation.committee.name if consultation.committee_id else ""
        yield Document(
            title=consultation.subject,
            body="\n".join([committee, consultation.summary, *(d.title for d in shown.documents)]),
            **(_base(shown) | {"date": consultation.received_on}),
        )


def register() -> None:
    from django.utils.translation import gettext_lazy

    from raad.core import search

    search.register_source(kind="statement", label=gettext_lazy("Udtalelser"), documents=statements, order=40)
    search.register_source(kind="consultation", label=gettext_lazy("Høringer"), documents=consultations, order=50)


def statement_changed(statement_pk: int) -> None:
    """What the publishing services call: re-read the statement and its consultation after commit."""
    from raad.core import search

    for kind in ("statement", "consultation"):
        search.refresh_on_commit(kind, statement_pk)
