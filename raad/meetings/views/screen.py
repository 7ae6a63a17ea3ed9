"""The meeting screen: who is present, the leader (R18), conflicts and the admission of late items."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation
from raad.meetings import forms, selectors, services
from raad.meetings.views.agenda import MeetingPageAction
from raad.meetings.views.base import MeetingAction, MeetingsView


def render_screen(view: MeetingsView, meeting, *, screen=None, errors=(), bound=None, status=200):
    """The screen from `meeting_screen`, with each item's forms (a form the user sent, as sent)."""
    bound = bound or {}
    screen = screen or selectors.meeting_screen(meeting)
    entries = []
    for entry in screen.entries:
        item = entry.item

        def form(name, make, item=item):
            return bound.get((name, item.pk)) or make()

        entries.append(
            {
                "item": item,
                "quorum": entry.quorum,
                "recused_ids": entry.recused_ids,
                "conflict_form": form(
                    "conflict", lambda i=item: forms.ConflictForm(members=screen.voters, prefix=f"c{i.pk}")
                ),
                "decision_form": form(
                    "decision",
                    lambda i=item: forms.DecisionForm(prefix=f"d{i.pk}", initial={"text": i.proposed_decision}),
                ),
                "admission_form": form("admission", lambda i=item: forms.CountsForm(prefix=f"a{i.pk}")),
                "minority_form": form("minority", lambda i=item: forms.MinorityForm(prefix=f"m{i.pk}")),
            }
        )
    return render(
        view.request,
        "meetings/screen.html",
        {
            "council": view.council,
            "meeting": meeting,
            "rows": screen.rows,
            "entries": entries,
            "voters": screen.voters,
            "quorum": screen.quorum,
            "procedure": screen.procedure,
            "leader": screen.leader,
            "present_rows": screen.present_rows,
            "ballot_choices": [
                ("", _("Stemmer ikke")),
                ("for", _("For")),
                ("against", _("Imod")),
                ("abstain", _("Undlader")),
            ],
            "errors": list(errors),
            "crumbs": view.meeting_crumbs(meeting, (_("Mødeskærm"), None)),
        },
        status=status,
    )


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


class ScreenAction(MeetingAction):
    needs = "meetings.run"
    page_name = "screen"
    render_page = staticmethod(render_screen)

    def success_url(self) -> str:
        anchor = f"#punkt-{self.kwargs['item_pk']}" if "item_pk" in self.kwargs else ""
        return super().success_url() + anchor

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
        vote = services.item_admission_vote(item=item, by=request.user, **form.cleaned_data)
        self.success = _("Afstemning om optagelse: %(rule)s.") % {"rule": vote.rule_text}


class HeldView(MeetingPageAction):
    needs = "meetings.run"

    def run(self, request, meeting):
        services.meeting_mark_held(meeting=meeting, by=request.user)
        self.success = _("Mødet er afsluttet. Sekretariatet kan nu skrive referatet.")
