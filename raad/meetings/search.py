"""The meetings' sources for the search index (raad.core.search, docs/search.md): open agenda items once the
notice is sent, decisions and minutes once the minutes are published. Built on `public_agendas` and
`public_minutes_of` only (`public_agenda` and `public_minutes` of many meetings at once); a group is a meeting's pk. Registered in apps.py."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from raad.core.search import Document, batches, group_pks
from raad.core.text import plain_text
from raad.meetings.models import AgendaItem, Meeting
from raad.meetings.selectors.public import public_agendas, public_minutes_of

CHUNK = 500  # meetings read together: a rebuild reads every meeting of the installation in bounded memory


def _chunks(groups: Iterable[str] | None) -> Iterator[list[Meeting]]:
    """The meetings of `groups` (every meeting when None), oldest first, CHUNK at a time."""
    qs = Meeting.objects.order_by("starts_at", "id")
    wanted = group_pks(groups)
    if wanted is not None:
        qs = qs.filter(pk__in=wanted)
    for chunk in batches(list(qs.values_list("pk", flat=True)), CHUNK):
        found = Meeting.objects.select_related("council").in_bulk(chunk)
        yield [found[pk] for pk in chunk if pk in found]


def _purposes(meetings: list[Meeting]) -> dict[tuple[int, int], tuple[tuple[str, str], ...]]:
    """(meeting pk, item position) → the item's purposes, read once for all the meetings; only ever attached
    to an item `public_agenda` shows as open."""
    found: dict[tuple[int, int], list[tuple[str, str]]] = {}
    rows = AgendaItem.purposes.through.objects.filter(agendaitem__meeting__in=meetings).values_list(
        "agendaitem__meeting_id", "agendaitem__position", "purpose_id", "purpose__number", "purpose__title"
    )
    for meeting_id, position, pk, number, title in rows.order_by("purpose__number"):
        found.setdefault((meeting_id, position), []).append((str(pk), f"{number}. {title}"))
    return {key: tuple(value) for key, value in found.items()}


def _base(meeting: Meeting) -> dict:
    return {
        "group": str(meeting.pk),
        "url": reverse("meetings_public:meeting", args=[meeting.council.slug, meeting.pk]),
        "council": meeting.council.slug,
        "council_name": meeting.council.name,
        "date": timezone.localtime(meeting.starts_at).date(),
    }


def _label(meeting: Meeting) -> str:
    return _("Møde %(date)s") % {"date": date_format(timezone.localtime(meeting.starts_at), "j. F Y")}


def agenda_items(groups: Iterable[str] | None) -> Iterator[Document]:
    for meetings in _chunks(groups):
        agendas = public_agendas(meetings)
        purposes = _purposes(meetings)
        for meeting in meetings:
            base = _base(meeting)
            for item in agendas[meeting.pk]:
                if item.closed:
                    continue
                yield Document(
                    key=f"{meeting.pk}-{item.position}",
                    title=item.title,
                    # the case presentation is formatted (HTML): the index and its snippets hold the words
                    body=f"{_label(meeting)}. {plain_text(item.case_presentation)}\n{plain_text(item.proposed_decision)}",
                    purposes=purposes.get((meeting.pk, item.position), ()),
                    **base,
                )


def decisions(groups: Iterable[str] | None) -> Iterator[Document]:
    for meetings in _chunks(groups):
        published = public_minutes_of(meetings)
        purposes = _purposes([meeting for meeting in meetings if meeting.pk in published])
        for meeting in meetings:
            if meeting.pk not in published:
                continue
            base = _base(meeting)
            for item in published[meeting.pk].items:
                if item["closed"] or not item.get("outcome_label"):
                    continue
                yield Document(
                    key=f"{meeting.pk}-{item['position']}",
                    title=f"{item['title']} ({item['outcome_label']})",
                    body=f"{_label(meeting)}. {item['text']}",
                    purposes=purposes.get((meeting.pk, item["position"]), ()),
                    **base,
                )


def minutes(groups: Iterable[str] | None) -> Iterator[Document]:
    for meetings in _chunks(groups):
        published = public_minutes_of(meetings)
        for meeting in meetings:
            if meeting.pk not in published:
                continue
            shown = published[meeting.pk]
            texts = [shown.introduction] + [
                f"{item['position']}. {item['title']}\n{item['text']}" for item in shown.items if not item["closed"]
            ]
            yield Document(
                key=str(meeting.pk),
                title=_("Referat af møde %(date)s")
                % {"date": date_format(timezone.localtime(meeting.starts_at), "j. F Y")},
                body="\n".join(t for t in texts if t),
                **_base(meeting),
            )


def register() -> None:
    from django.utils.translation import gettext_lazy

    from raad.core import search

    search.register_source(
        kind="agenda_item", label=gettext_lazy("Dagsordenspunkter"), documents=agenda_items, order=10
    )
    search.register_source(kind="decision", label=gettext_lazy("Beslutninger"), documents=decisions, order=20)
    search.register_source(kind="minutes", label=gettext_lazy("Referater"), documents=minutes, order=30)


def meeting_changed(meeting_pk: int) -> None:
    """What the publishing services call: re-read the meeting's items, decisions and minutes after commit."""
    from raad.core import search

    for kind in ("agenda_item", "decision", "minutes"):
        search.refresh_on_commit(kind, meeting_pk)
