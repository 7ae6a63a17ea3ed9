"""The meetings' deadlines and tasks on the desk (raad/core/desk.py, register_tasks).

Secretariat: a notice to send before its deadline, minutes to draft and circulate, minutes awaiting approval,
an apology whose substitute is not called in yet, the elections due after a constituent meeting (forperson,
næstforperson, and the representative to Det Nationale Integrationsråd where the rules say so, R10).
Personal: the proposal deadline and the papers to read for the next meeting, minutes to approve or object to,
"Du er indkaldt" for a substitute called in. A fixed number of queries for all councils."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, councils_with_role
from raad.core.roles import Role
from raad.councils.models import RulesOfProcedure
from raad.councils.selectors import rules_in_force_by_council
from raad.meetings import rules
from raad.meetings.models import Attendance, Meeting, Minutes, MinutesResponse
from raad.membership.models import Election
from raad.membership.selectors import memberships_of_user, substitutions_of_user

# A notice to send is shown from this many days before its deadline (the year plan has meetings months ahead).
NOTICE_AHEAD_DAYS = 60
# Held meetings older than this are not chased for minutes on the desk any more.
MINUTES_WINDOW_DAYS = 120


def _day(value: datetime.datetime) -> datetime.date:
    return timezone.localtime(value).date()


def _meeting_url(meeting: Meeting, council, name: str = "meetings:meeting") -> str:
    return reverse(name, kwargs={"slug": council.slug, "pk": meeting.pk})


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    by_pk = {c.pk: c for c in councils}
    now = timezone.now()
    staffed = {c.pk for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    own = {m.seat.council_id: m for m in memberships_of_user(user) if m.seat.council_id in by_pk}
    subs = [s for s in substitutions_of_user(user) if s.membership.seat.council_id in by_pk]
    procedures = rules_in_force_by_council(by_pk, today)
    tasks: list[Task] = []

    upcoming = list(
        Meeting.objects.filter(council_id__in=list(by_pk), starts_at__gte=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at", "id")
    )
    next_of: dict[int, Meeting] = {}
    for m in upcoming:
        next_of.setdefault(m.council_id, m)
        council, procedure = by_pk[m.council_id], procedures.get(m.council_id)
        if m.council_id in staffed and m.status == Meeting.Status.PLANNED and procedure is not None:
            notice_due = _day(rules.notice_deadline(m.starts_at, procedure.notice_deadline_days))
            if (notice_due - today).days > NOTICE_AHEAD_DAYS:
                continue
            tasks.append(
                Task(
                    council=council,
                    key="meetings.notice",
                    ref=str(m.pk),
                    title=_("Send indkaldelse og dagsorden: %(meeting)s") % {"meeting": m},
                    due=notice_due,
                    url=_meeting_url(m, council),
                    audience=Audience.SECRETARIAT,
                )
            )
    for council_id, m in next_of.items():
        council, procedure = by_pk[council_id], procedures.get(council_id)
        if council_id not in own:
            continue
        if procedure is not None:
            item_due = _day(rules.item_deadline(m.starts_at, procedure.member_item_deadline_days))
            if item_due >= today:
                tasks.append(
                    Task(
                        council=council,
                        key="meetings.item_deadline",
                        ref=str(m.pk),
                        title=_("Frist for forslag til dagsordenen: %(meeting)s") % {"meeting": m},
                        due=item_due,
                        url=_meeting_url(m, council, "meetings:propose"),
                        audience=Audience.PERSONAL,
                    )
                )
        if m.status == Meeting.Status.NOTICE_SENT:
            tasks.append(
                Task(
                    council=council,
                    key="meetings.papers",
                    ref=str(m.pk),
                    title=_("Læs dagsorden og bilag: %(meeting)s") % {"meeting": m},
                    due=_day(m.starts_at),
                    url=_meeting_url(m, council),
                    audience=Audience.PERSONAL,
                )
            )

    # A substitute called in for a member's apology (R19): their own task, with the papers.
    if subs:
        for a in Attendance.objects.filter(
            substitute__in=subs, substitute_invited_at__isnull=False, meeting__starts_at__gte=now
        ).select_related("meeting"):
            council = by_pk[a.meeting.council_id]
            tasks.append(
                Task(
                    council=council,
                    key="meetings.called_in",
                    ref=str(a.meeting_id),
                    title=_("Du er indkaldt: %(meeting)s") % {"meeting": a.meeting},
                    detail=_("Læs dagsorden og bilag før mødet."),
                    due=_day(a.meeting.starts_at),
                    url=_meeting_url(a.meeting, council),
                    audience=Audience.PERSONAL,
                )
            )

    if staffed:
        # A council without substitutes (the rules in force) has nobody to call in: an apology is no task there.
        with_substitutes = [pk for pk in staffed if getattr(procedures.get(pk), "uses_substitutes", True)]
        for a in Attendance.objects.filter(
            meeting__council_id__in=with_substitutes,
            meeting__starts_at__gte=now,
            status=Attendance.Status.APOLOGY,
            substitute_invited_at__isnull=True,
            no_substitute_confirmed_at__isnull=True,
        ).select_related("meeting"):
            council = by_pk[a.meeting.council_id]
            tasks.append(
                Task(
                    council=council,
                    key="meetings.apology",
                    ref=str(a.pk),
                    title=_("Afbud: bekræft og indkald stedfortræder (%(meeting)s)") % {"meeting": a.meeting},
                    due=_day(a.meeting.starts_at),
                    url=_meeting_url(a.meeting, council),
                    audience=Audience.SECRETARIAT,
                )
            )
        held = Meeting.objects.filter(
            council_id__in=staffed,
            status=Meeting.Status.HELD,
            starts_at__gte=now - datetime.timedelta(days=MINUTES_WINDOW_DAYS),
        ).filter(Q(minutes__isnull=True) | Q(minutes__status=Minutes.Status.DRAFT))
        # The rules in force: the draft minutes are circulated within `minutes_draft_days` of the meeting.
        default_days = RulesOfProcedure._meta.get_field("minutes_draft_days").get_default()
        draft_days = {pk: getattr(procedures.get(pk), "minutes_draft_days", default_days) for pk in staffed}
        for m in held:
            council = by_pk[m.council_id]
            tasks.append(
                Task(
                    council=council,
                    key="meetings.minutes_draft",
                    ref=str(m.pk),
                    title=_("Skriv og rundsend referat: %(meeting)s") % {"meeting": m},
                    due=_day(m.starts_at) + datetime.timedelta(days=draft_days[m.council_id]),
                    url=_meeting_url(m, council, "meetings:minutes"),
                    audience=Audience.SECRETARIAT,
                )
            )

    circulated = list(
        Minutes.objects.filter(meeting__council_id__in=list(by_pk), status=Minutes.Status.CIRCULATED).select_related(
            "meeting"
        )
    )
    responded = (
        set(
            MinutesResponse.objects.filter(minutes__in=circulated, membership__in=list(own.values())).values_list(
                "minutes_id", "revision"
            )
        )
        if circulated and own
        else set()
    )
    for minutes in circulated:
        council_id = minutes.meeting.council_id
        council = by_pk[council_id]
        due = minutes.approval_due_on or _day(minutes.meeting.starts_at)
        url = _meeting_url(minutes.meeting, council, "meetings:minutes")
        if council_id in staffed:
            tasks.append(
                Task(
                    council=council,
                    key="meetings.minutes_approval",
                    ref=str(minutes.pk),
                    title=_("Referat afventer godkendelse: %(meeting)s") % {"meeting": minutes.meeting},
                    due=due,
                    url=url,
                    audience=Audience.SECRETARIAT,
                )
            )
        if council_id in own and (minutes.pk, minutes.revision) not in responded:
            tasks.append(
                Task(
                    council=council,
                    key="meetings.minutes_response",
                    ref=str(minutes.pk),
                    title=_("Godkend referatet eller gør indsigelse: %(meeting)s") % {"meeting": minutes.meeting},
                    due=due,
                    url=url,
                    audience=Audience.PERSONAL,
                )
            )

    if staffed:
        tasks += _elections_due(by_pk, staffed, procedures)
    return tasks


def _elections_due(by_pk: dict, staffed: set[int], procedures: dict) -> list[Task]:
    """After a held constituent meeting, each office not yet decided in that term is a task (R10, R25)."""
    constituent = {}
    for m in Meeting.objects.filter(
        council_id__in=staffed, kind=Meeting.Kind.CONSTITUENT, status=Meeting.Status.HELD, term__isnull=False
    ).order_by("-starts_at"):
        constituent.setdefault(m.council_id, m)
    if not constituent:
        return []
    decided: set[tuple] = set()
    unreported: dict[tuple, int] = {}  # the representative elected but not reported yet (R10): the election's pk
    for council_id, term_id, office, pk, reported_on in Election.objects.filter(
        council_id__in=list(constituent),
        term_id__in=[m.term_id for m in constituent.values()],
        decided_at__isnull=False,
    ).values_list("council_id", "term_id", "office", "pk", "reported_on"):
        decided.add((council_id, term_id, office))
        if office == Election.Office.NATIONAL_REPRESENTATIVE and reported_on is None:
            unreported[(council_id, term_id)] = pk
    titles = {
        Election.Office.CHAIR: _("Valg af forperson efter det konstituerende møde"),
        Election.Office.VICE_CHAIR: _("Valg af næstforperson efter det konstituerende møde"),
        Election.Office.NATIONAL_REPRESENTATIVE: _("Vælg og indberet repræsentanten til Det Nationale Integrationsråd"),
    }
    tasks = []
    for council_id, m in constituent.items():
        council, procedure = by_pk[council_id], procedures.get(council_id)
        for office, title in titles.items():
            if office == Election.Office.NATIONAL_REPRESENTATIVE and not (
                procedure is not None and procedure.elects_national_representative
            ):
                continue
            if (council_id, m.term_id, office) in decided:
                election_pk = unreported.get((council_id, m.term_id))
                if office == Election.Office.NATIONAL_REPRESENTATIVE and election_pk is not None:
                    tasks.append(
                        Task(
                            council=council,
                            key="meetings.election_report",
                            ref=str(election_pk),
                            title=_("Indberet repræsentanten til Det Nationale Integrationsråd"),
                            due=_day(m.starts_at),
                            url=reverse("membership:election", args=[council.slug, election_pk]),
                            audience=Audience.SECRETARIAT,
                        )
                    )
                continue
            tasks.append(
                Task(
                    council=council,
                    key="meetings.election",
                    ref=f"{m.pk}-{office}",
                    title=str(title),
                    due=_day(m.starts_at),
                    url=_meeting_url(m, council),
                    audience=Audience.SECRETARIAT,
                )
            )
    return tasks
