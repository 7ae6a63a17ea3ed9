"""The meeting screen: who is present, the leader (R18), conflicts and the admission of late items."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation
from raad.meetings import forms, selectors, services
from raad.meetings.models import Meeting
from raad.meetings.views.agenda import MeetingPageAction
from raad.meetings.views.base import MeetingAction, MeetingsView
from raad.membership.models import Membership


def _leader_label(meeting, leader) -> str:
    """Who leads the meeting, as the screen says it (R18); at the constituent meeting (R12) the member recorded as
    presiding, else the secretariat, until the forperson is elected. Empty: nobody leads."""
    constituent = meeting.kind == Meeting.Kind.CONSTITUENT
    if leader is None:
        return _("sekretariatet, indtil forpersonen er valgt (konstituerende møde)") if constituent else ""
    if constituent and leader.role != Membership.Role.CHAIR:
        return _("%(name)s, indtil forpersonen er valgt (konstituerende møde)") % {"name": leader.person}
    return f"{leader.person} ({leader.get_role_display()})"


def _entry(screen, entry, bound, leader_pk):
    """One item of the screen with its forms (a form the user sent, as sent)."""
    item = entry.item

    def form(name, make):
        return bound.get((name, item.pk)) or make()

    return {
        "item": item,
        "quorum": entry.quorum,
        "recused_ids": entry.recused_ids,
        "may_vote": [m for m in screen.voters if m.pk not in entry.recused_ids],
        "conflict_form": form("conflict", lambda: forms.ConflictForm(members=screen.voters, prefix=f"c{item.pk}")),
        "decision_form": form(
            "decision",
            lambda: forms.DecisionForm(
                prefix=f"d{item.pk}", initial={"text": item.proposed_decision, "casting_voter": leader_pk}
            ),
        ),
        "admission_form": form(
            "admission", lambda: forms.CountsForm(prefix=f"a{item.pk}", initial={"casting_voter": leader_pk})
        ),
        "minority_form": form("minority", lambda: forms.MinorityForm(prefix=f"m{item.pk}")),
    }


def render_screen(view: MeetingsView, meeting, *, screen=None, errors=(), bound=None, status=200, focus=None):
    """The screen from `meeting_screen`: every item with its forms, or (`focus`, an item's pk) the focused view
    of one item with the previous and next items."""
    bound = bound or {}
    screen = screen or selectors.meeting_screen(meeting)
    leader_pk = screen.leader.pk if screen.leader else None
    context = {
        "council": view.council,
        "meeting": meeting,
        "rows": screen.rows,
        "voters": screen.voters,
        "quorum": screen.quorum,
        "procedure": screen.procedure,
        "leader": screen.leader,
        "leader_label": _leader_label(meeting, screen.leader),
        "present_rows": screen.present_rows,
        "present_count": len(screen.voters),
        "current": screen.current,
        "ballot_choices": [
            ("", _("Stemmer ikke")),
            ("for", _("For")),
            ("against", _("Imod")),
            ("abstain", _("Undlader")),
        ],
        "errors": list(errors),
    }
    if focus is None:
        context["entries"] = [_entry(screen, entry, bound, leader_pk) for entry in screen.entries]
        context["crumbs"] = view.meeting_crumbs(meeting, (_("Mødeskærm"), None))
        return render(view.request, "meetings/screen.html", context, status=status)
    index = next((i for i, e in enumerate(screen.entries) if e.item.pk == focus), None)
    if index is None:
        raise Http404
    entries = screen.entries
    context.update(
        {
            "e": _entry(screen, entries[index], bound, leader_pk),
            "focus": True,
            "number": index + 1,
            "total": len(entries),
            "previous": entries[index - 1].item if index > 0 else None,
            "next": entries[index + 1].item if index + 1 < len(entries) else None,
            "crumbs": view.meeting_crumbs(
                meeting,
                (_("Mødeskærm"), reverse("meetings:screen", args=[view.council.slug, meeting.pk])),
                (str(entries[index].item), None),
            ),
        }
    )
    return render(view.request, "meetings/screen_item.html", context, status=status)


def casting_voter_of(meeting, pk: int | None):
    """The member the screen named as the caster of the deciding vote (None when it named nobody)."""
    if not pk:
        return None
    found = next((r.membership for r in selectors.attendance_rows(meeting) if r.membership.pk == pk), None)
    if found is None:
        raise RuleViolation(_("Den udslagsgivende stemme kan kun afgives af et medlem af rådet."))
    return found


class ScreenView(MeetingsView):
    """The meeting as it happens: who is present, quorum, and per item conflicts, votes and decisions."""

    needs = "meetings.run"

    def get(self, request, slug, pk):
        self.check(perm="meetings.view")
        meeting = self.meeting(pk)
        self.check(obj=meeting)  # on the meeting, so that its elected leader may run it (R18)
        screen = selectors.meeting_screen(meeting)
        services.closed_items_read_record(meeting=meeting, items=screen.items, user=request.user, what="meeting_screen")
        return render_screen(self, meeting, screen=screen)


class ScreenItemView(MeetingsView):
    """The focused view of one item for the meeting leader: quorum, who may vote, conflicts, the vote, the
    decision and a minority statement, with the previous and next items."""

    needs = "meetings.run"

    def get(self, request, slug, pk, item_pk):
        self.check(perm="meetings.view")
        meeting = self.meeting(pk)
        self.check(obj=meeting)
        screen = selectors.meeting_screen(meeting)
        items = [e.item for e in screen.entries if e.item.pk == item_pk]
        services.closed_items_read_record(meeting=meeting, items=items, user=request.user, what="meeting_screen")
        return render_screen(self, meeting, screen=screen, focus=item_pk)


class ScreenAction(MeetingAction):
    """An action on the meeting screen. Sent from the focused view of an item (`fokus` in the form), it returns
    to that view; otherwise to the item's place on the whole screen."""

    needs = "meetings.run"
    page_name = "screen"
    render_page = staticmethod(render_screen)

    def focused(self) -> bool:
        return "item_pk" in self.kwargs and bool(self.request.POST.get("fokus"))

    def success_url(self) -> str:
        if self.focused():
            return reverse("meetings:screen_item", args=[self.council.slug, self.object.pk, self.kwargs["item_pk"]])
        anchor = f"#punkt-{self.kwargs['item_pk']}" if "item_pk" in self.kwargs else ""
        return super().success_url() + anchor

    def invalid(self, form, errors):
        focus = self.kwargs["item_pk"] if self.focused() else None
        return render_screen(self, self.object, errors=errors, bound=self.bound, status=400, focus=focus)

    def item_of(self, meeting):
        return self.item(meeting, self.kwargs["item_pk"])

    def ints(self, request, name) -> list[int]:
        values = []
        for v in request.POST.getlist(name):
            try:
                values.append(int(v))
            except ValueError:
                continue
        return values

    def valid(self, name: str, item, form) -> bool:
        """Whether `form` is valid; if not, it is kept to be shown again with its errors."""
        if form.is_valid():
            return True
        self.bound[(name, item.pk)] = form
        return False


class AttendanceView(ScreenAction):
    def run(self, request, meeting):
        services.attendance_register(
            meeting=meeting,
            present=self.ints(request, "present"),
            substitutes_present=self.ints(request, "substitute_present"),
            by=request.user,
        )
        self.success = _("Fremmødet er gemt.")


class AllPresentView(ScreenAction):
    """Alle til stede: every member without an apology is registered present in one action."""

    def run(self, request, meeting):
        services.attendance_all_present(meeting=meeting, by=request.user)
        self.success = _("Alle medlemmer uden afbud er registreret som til stede.")


class LeaderView(ScreenAction):
    def run(self, request, meeting):
        ids = self.ints(request, "leader")
        membership = next(
            (r.membership for r in selectors.attendance_rows(meeting) if ids and r.membership.pk == ids[0]), None
        )
        if membership is None:
            raise RuleViolation(_("Vælg en mødeleder."))
        services.meeting_set_leader(meeting=meeting, membership=membership, by=request.user)
        self.success = _("Mødelederen er registreret.")


class ConflictView(ScreenAction):
    def run(self, request, meeting):
        item = self.item_of(meeting)
        voters = [r.membership for r in selectors.attendance_rows(meeting) if r.counts]
        form = forms.ConflictForm(request.POST, members=voters, prefix=f"c{item.pk}")
        if not self.valid("conflict", item, form):
            raise RuleViolation(_("Vælg medlemmet og skriv en begrundelse."))
        membership = next(m for m in voters if m.pk == form.cleaned_data["membership"])
        services.conflict_declare(item=item, membership=membership, reason=form.cleaned_data["reason"], by=request.user)
        self.success = _("%(name)s er registreret som inhabil i punktet.") % {"name": membership.person}


class AdmissionView(ScreenAction):
    def run(self, request, meeting):
        item = self.item_of(meeting)
        form = forms.CountsForm(request.POST, prefix=f"a{item.pk}")
        if not self.valid("admission", item, form):
            raise RuleViolation(_("Skriv stemmetallene."))
        data = dict(form.cleaned_data)
        data["casting_voter"] = casting_voter_of(meeting, data.pop("casting_voter", None))
        vote = services.item_admission_vote(item=item, by=request.user, **data)
        self.success = _("Afstemning om optagelse: %(rule)s.") % {"rule": vote.rule_text}


class HeldView(MeetingPageAction):
    needs = "meetings.run"

    def run(self, request, meeting):
        services.meeting_mark_held(meeting=meeting, by=request.user)
        self.success = _("Mødet er afsluttet. Sekretariatet kan nu skrive referatet.")


class LiveView(MeetingsView):
    """The read-only live view of a meeting for members and a projector: the current item, attendance against
    quorum, the decisions so far. Closed items are "Lukket punkt" to anyone without `meetings.live_closed`,
    and always on the projector view (`?projektor=1`). With JavaScript it reloads its fragment every few
    seconds; without, it has a reload link."""

    template = "meetings/live.html"
    journal_reading = True

    def get(self, request, slug, pk):
        self.check()
        meeting = self.meeting(pk)
        projector = request.GET.get("projektor") == "1"
        show_closed = not projector and request.user.has_perm("meetings.live_closed", meeting)
        live = selectors.live_screen(meeting, show_closed=show_closed)
        if self.journal_reading and live.closed_shown:  # the page, not each poll of its fragment
            services.closed_items_read_record(meeting=meeting, items=live.closed_shown, user=request.user, what="live")
        query = "?projektor=1" if projector else ""
        context = {
            "council": self.council,
            "meeting": meeting,
            "live": live,
            "projector": projector,
            "self_url": reverse("meetings:live", args=[self.council.slug, meeting.pk]) + query,
            "fragment_url": reverse("meetings:live_fragment", args=[self.council.slug, meeting.pk]) + query,
            "crumbs": self.meeting_crumbs(meeting, (_("Direkte fra mødet"), None)),
        }
        response = render(request, self.template, context)
        response["Cache-Control"] = "private, no-store"
        return response


class LiveFragmentView(LiveView):
    """Only the changing part of the live view, for the page's script to poll."""

    template = "meetings/includes/live.html"
    journal_reading = False
