"""The council pages' source for the search index (raad.core.search, docs/search.md): the council's name and
its kommissorium (purposes and tasks), as its public page shows them; a group is a council's pk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse

from raad.core.search import Document, group_pks
from raad.councils.models import TermsOfReference
from raad.councils.selectors import public_councils, terms_of_reference_for


def council_pages(groups: Iterable[str] | None) -> Iterator[Document]:
    councils = public_councils()
    wanted = group_pks(groups)
    if wanted is not None:
        councils = councils.filter(pk__in=wanted)
    for council in councils:
        try:
            terms = terms_of_reference_for(council)
        except TermsOfReference.DoesNotExist:
            terms = None
        texts = []
        if terms is not None:
            texts += [getattr(terms, f) for f in TermsOfReference.TEXT_FIELDS]
            for purpose in terms.purposes.all():
                texts += [str(purpose), purpose.description, *(task.text for task in purpose.tasks.all())]
        yield Document(
            group=str(council.pk),
            key=str(council.pk),
            title=council.name,
            body="\n".join(t for t in texts if t),
            url=reverse("portal:council", args=[council.slug]),
            council=council.slug,
            council_name=council.name,
            date=terms.approved_on if terms is not None else None,
        )


def register() -> None:
    from django.utils.translation import gettext_lazy

    from raad.core import search

    search.register_source(kind="council", label=gettext_lazy("Rådets side"), documents=council_pages, order=60)
