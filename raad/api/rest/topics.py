"""Topics citizens raised that the council works with ("I sagde – vi gjorde")."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema

from raad.dialogue.models import Topic
from raad.dialogue.selectors.topics import public_topic, public_topic_list, raised_count

from .common import (
    ID,
    MODIFIED_SINCE,
    PAGE_PARAMS,
    PAGE_QUERY,
    PAGE_SIZE_QUERY,
    check_params,
    link,
    not_found,
    paginate,
    set_last_modified,
    since,
)
from .councils import SLUG, council_or_404
from .schemas import Page

STATUS = Query(None)

router = Router(tags=["topics"])


class TopicOut(Schema):
    number: int
    council: str
    title: str
    summary: str
    status: str
    raised: int
    outcome: str
    outcome_on: datetime.date | None
    html_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


class TopicDetailOut(TopicOut):
    meeting: int | None
    statement: int | None


def topic_out(t: Topic, slug: str, raised: int) -> dict:
    return {
        "number": t.number,
        "council": slug,
        "title": t.title,
        "summary": t.summary,
        "status": t.status,
        "raised": raised,
        "outcome": t.outcome,
        "outcome_on": t.outcome_on if t.outcome.strip() else None,
        "html_url": link("dialogue:topic", slug, t.number),
        "created_at": t.created_at,
        "updated_at": t.updated_at,
    }


@router.get(
    "/councils/{slug}/topics",
    response=Page[TopicOut],
    summary=gettext_lazy("Emner"),
    description=gettext_lazy(
        "Offentliggjorte emner, sorteret efter nummer, med hvor mange der rejste hvert (aldrig hvem)."
    ),
)
def topic_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = SLUG,
    status: Topic.Status | None = STATUS,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, ("status", *PAGE_PARAMS))
    council = council_or_404(slug)
    qs = since(public_topic_list(council), modified_since)
    if status is not None:
        qs = qs.filter(status=status.value)
    return paginate(
        request,
        response,
        qs,
        page=page,
        page_size=page_size,
        serialize=lambda t: topic_out(t, council.slug, raised_count(t)),
        key="number",
    )


@router.get(
    "/councils/{slug}/topics/{number}",
    response=TopicDetailOut,
    summary=gettext_lazy("Ét emne"),
    description=gettext_lazy(
        "Et offentliggjort emne med det møde, der tog det op (når dagsordenspunktet er åbent og dagsordenen er udsendt), og den udtalelse, der besvarede det (når den er offentliggjort)."
    ),
)
def topic_detail(request: HttpRequest, response: HttpResponse, slug: str = SLUG, number: int = ID):
    check_params(request, ())
    council = council_or_404(slug)
    try:
        found = public_topic(council, number)
    except Topic.DoesNotExist:
        raise not_found() from None
    set_last_modified(response, [found.topic.updated_at])
    return {
        **topic_out(found.topic, council.slug, found.raised),
        "meeting": found.meeting.pk if found.meeting is not None else None,
        "statement": found.statement.pk if found.statement is not None else None,
    }
