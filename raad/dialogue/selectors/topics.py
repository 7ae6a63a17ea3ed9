"""Reads about topics. `public_…` functions are all a person without login may see: counts of who raised a
topic, never their words unless they consented to publishing that text (then without name, CPR masked); the
meeting only where its item is open and the agenda out; the statement only when published."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from raad.core import translations
from raad.core.redaction import mask_cpr
from raad.councils.models import Council, Purpose
from raad.dialogue.models import Inquiry, Topic
from raad.meetings.models import AgendaItem, Meeting
from raad.statements.models import Statement


def _with_counts(qs: QuerySet[Topic]) -> QuerySet[Topic]:
    return qs.annotate(
        inquiry_count=Count(
            "inquiries",
            filter=~Q(inquiries__classification=Inquiry.Classification.INDIVIDUAL),
            distinct=True,
        ),
        entry_count=Count("dialogue_entries", distinct=True),
    )


def raised_count(topic: Topic) -> int:
    """How many raised it: inquiries, people counted elsewhere, entries of the dialogue log (on an annotated topic)."""
    return (
        int(getattr(topic, "inquiry_count", 0)) + topic.raised_elsewhere_count + int(getattr(topic, "entry_count", 0))
    )


# --- Workspace -----------------------------------------------------------------------------------------------


def topics_for_workspace(council: Council, status: str | None = None) -> list[Topic]:
    """Every topic of the council with its counts and purposes (3 queries)."""
    qs = _with_counts(Topic.objects.filter(council=council)).prefetch_related(
        Prefetch("purposes", queryset=Purpose.objects.order_by("number"))
    )
    if status:
        qs = qs.filter(status=status)
    topics = list(qs.order_by("-number"))
    for topic in topics:
        topic.raised = raised_count(topic)  # type: ignore[attr-defined]  # annotated by the query
    return topics


def topic_for_workspace(council: Council, number: int) -> Topic:
    topic = (
        _with_counts(Topic.objects.filter(council=council))
        .select_related("council", "agenda_item__meeting", "statement")
        .prefetch_related(Prefetch("purposes", queryset=Purpose.objects.order_by("number")))
        .get(number=number)
    )
    topic.raised = raised_count(topic)  # type: ignore[attr-defined]  # annotated by the query
    return topic


def linkable_topics(council: Council) -> QuerySet[Topic]:
    """Every topic of the council, newest first (another app links to them, e.g. an indicator)."""
    return Topic.objects.filter(council=council).order_by("-number")


def open_topics(council: Council) -> QuerySet[Topic]:
    """The council's topics that are not closed (a dialogue-log entry may concern them)."""
    return Topic.objects.filter(council=council).exclude(status=Topic.Status.CLOSED)


def linkable_statements(council: Council) -> QuerySet[Statement]:
    """The council's adopted statements a topic may be answered with, newest first."""
    return (
        Statement.objects.filter(council=council).exclude(status=Statement.Status.DRAFT).order_by("-adopted_on", "-id")
    )


def topic_inquiries(topic: Topic) -> QuerySet[Inquiry]:
    """The inquiries gathered into the topic (for the secretariat)."""
    return Inquiry.objects.filter(topic=topic).order_by("-created_at", "-id")


@dataclass
class TopicsDesk:
    waiting_for_meeting: list[Topic]
    statement_without_follow_up: list[Topic]


def topics_desk(council: Council) -> TopicsDesk:
    """Topics waiting for a meeting (open), and topics the council answered with a statement but where nothing
    is registered of what the board did (2 queries)."""
    waiting = list(Topic.objects.filter(council=council, status=Topic.Status.OPEN).order_by("number")[:20])
    without = list(
        Topic.objects.filter(council=council, status=Topic.Status.STATEMENT, outcome="").order_by("number")[:20]
    )
    return TopicsDesk(waiting_for_meeting=waiting, statement_without_follow_up=without)


def desk_panel(council: Council, user) -> dict | None:
    if not user.has_perm("dialogue.view_topics", council):
        return None
    return {
        "desk": topics_desk(council),
        "can_manage": user.has_perm("dialogue.manage_topics", council),
        "can_log": user.has_perm("dialogue.view_log", council),
    }


# --- Public --------------------------------------------------------------------------------------------------


def _public(council: Council) -> QuerySet[Topic]:
    return Topic.objects.filter(council=council, published=True)


def public_topics(council: Council, limit: int | None = None) -> list[Topic]:
    """Published topics, latest first, with the count of who raised them and their texts in the active
    language (2 queries, 3 in another language)."""
    qs = _with_counts(_public(council)).order_by("-number")
    if limit is not None:
        qs = qs[:limit]
    topics = list(qs)
    for topic in topics:
        topic.raised = raised_count(topic)  # type: ignore[attr-defined]  # annotated by the query
    translations.prefetch(topics)
    return topics


def public_topic_list(council: Council) -> QuerySet[Topic]:
    """Published topics with the counts `raised_count` adds up (the REST API's list; the caller orders and
    pages it)."""
    return _with_counts(_public(council))


@dataclass
class PublicTopic:
    topic: Topic
    raised: int
    inquiry_count: int
    elsewhere_count: int
    entry_count: int
    meeting: Meeting | None = None  # only when its item is open and the agenda is out
    statement: Statement | None = None  # only when published
    consented_texts: list[str] = field(default_factory=list)  # inquirers' own words, with consent, no names
    outcome_on: datetime.date | None = None


def _public_item(item: AgendaItem | None) -> AgendaItem | None:
    if item is None or item.is_closed or item.admission == AgendaItem.Admission.REFUSED:
        return None
    if item.meeting.status == Meeting.Status.CANCELLED or not item.meeting.notice_sent:
        return None
    return item


def public_topic(council: Council, number: int) -> PublicTopic:
    """One published topic's chain. Raises Topic.DoesNotExist for an unknown or unpublished topic."""
    topic = (
        _with_counts(_public(council))
        .select_related("council", "agenda_item__meeting__council", "statement")
        .prefetch_related(Prefetch("purposes", queryset=Purpose.objects.order_by("number")))
        .get(number=number)
    )
    translations.prefetch([topic])
    item = _public_item(topic.agenda_item)
    statement = topic.statement if topic.statement and topic.statement.status == Statement.Status.PUBLISHED else None
    texts = [
        mask_cpr(text)
        for text in Inquiry.objects.filter(
            topic=topic,
            consent_publish=True,
            erased_at__isnull=True,
            classification=Inquiry.Classification.GENERAL,
        )
        .order_by("created_at", "id")
        .values_list("text", flat=True)
        if text.strip()
    ]
    return PublicTopic(
        topic=topic,
        raised=raised_count(topic),
        inquiry_count=topic.inquiry_count,  # type: ignore[attr-defined]  # annotated by the query
        elsewhere_count=topic.raised_elsewhere_count,
        entry_count=topic.entry_count,  # type: ignore[attr-defined]  # annotated by the query
        meeting=item.meeting if item is not None else None,
        statement=statement,
        consented_texts=texts,
        outcome_on=topic.outcome_on if topic.outcome.strip() else None,
    )


def public_topics_changed_since(council_ids: list[int], since: datetime.datetime) -> list[Topic]:
    """Published topics of these councils created or changed at or after `since` (a new topic, or one that
    reached a new stage): subscribers' news. Only the title and the public status are read from them."""
    return list(
        Topic.objects.filter(council_id__in=council_ids, published=True, updated_at__gte=since)
        .select_related("council")
        .order_by("updated_at", "id")
    )


def public_topic_choices(council: Council) -> QuerySet[Topic]:
    """The council's published topics as a queryset, newest first: what a subscriber may choose to follow."""
    return _public(council).order_by("-number")


@dataclass(frozen=True)
class YearTopics:
    """The published topics created in the year, for the annual report: counts only (nothing an inquirer
    wrote, no unpublished topic)."""

    raised: int
    inquiries: int  # inquiries behind those topics
    raised_elsewhere: int  # people who raised them outside the form
    discussed: int  # put on the agenda or further
    with_statement: int
    with_outcome: int  # what the board or administration did is recorded
    per_purpose: dict[int, int]


def public_topics_for_year(council: Council, year: int) -> YearTopics:
    """Counts of the year's published topics (2 queries)."""
    topics = list(
        _public(council)
        .filter(created_at__year=year)
        .annotate(n_inquiries=Count("inquiries", distinct=True))
        .prefetch_related("purposes")
    )
    later = {Topic.Status.ON_AGENDA, Topic.Status.DISCUSSED, Topic.Status.STATEMENT, Topic.Status.FOLLOWED_UP}
    per_purpose: dict[int, int] = {}
    for topic in topics:
        for purpose in topic.purposes.all():
            per_purpose[purpose.pk] = per_purpose.get(purpose.pk, 0) + 1
    return YearTopics(
        raised=len(topics),
        inquiries=sum(t.n_inquiries for t in topics),
        raised_elsewhere=sum(t.raised_elsewhere_count for t in topics),
        discussed=sum(1 for t in topics if t.status in later or t.agenda_item_id),
        with_statement=sum(1 for t in topics if t.statement_id),
        with_outcome=sum(1 for t in topics if t.outcome.strip()),
        per_purpose=per_purpose,
    )


def public_topics_everywhere() -> QuerySet[Topic]:
    """Every council's published topics (as `public_topics`) in one query, oldest record first: the sitemap
    pages through it."""
    return Topic.objects.filter(published=True).select_related("council").order_by("pk")
