"""The topics' source for the search index (raad.core.search, docs/search.md): published topics from
`public_topics`, their title and description only (never an inquiry); a group is a topic's pk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils import timezone

from raad.core.search import Document, group_pks
from raad.councils.selectors import public_councils
from raad.dialogue.models import Topic
from raad.dialogue.selectors.topics import public_topics


def topics(groups: Iterable[str] | None) -> Iterator[Document]:
    wanted = group_pks(groups)
    councils = public_councils()
    if wanted is not None:
        councils = councils.filter(topics__pk__in=wanted).distinct()
    for council in councils:
        shown = [t for t in public_topics(council) if wanted is None or t.pk in wanted]
        purposes: dict[int, list[tuple[str, str]]] = {}
        rows = Topic.purposes.through.objects.filter(topic__in=shown).values_list(
            "topic_id", "purpose_id", "purpose__number", "purpose__title"
        )
        for topic_id, pk, number, title in rows.order_by("purpose__number"):
            purposes.setdefault(topic_id, []).append((str(pk), f"{number}. {title}"))
        for topic in shown:
            yield Document(
                group=str(topic.pk),
                key=str(topic.pk),
                title=topic.title,
                body=topic.summary,
                url=reverse("dialogue:topic", args=[council.slug, topic.number]),
                council=council.slug,
                council_name=council.name,
                date=timezone.localtime(topic.created_at).date(),
                purposes=tuple(purposes.get(topic.pk, ())),
            )


def register() -> None:
    from django.utils.translation import gettext_lazy

    from raad.core import search

    search.register_source(kind="topic", label=gettext_lazy("Emner"), documents=topics, order=80)
