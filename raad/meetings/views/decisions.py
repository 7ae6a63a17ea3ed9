"""Decisions on the meeting screen: the vote (counts or by name), the outcome by the rules, minorities."""

from __future__ import annotations

from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation
from raad.meetings import forms, services
from raad.meetings.models import Vote
from raad.meetings.views.screen import ScreenAction, casting_voter_of


class DecideView(ScreenAction):
    def run(self, request, meeting):
        item = self.item_of(meeting)
        form = forms.DecisionForm(request.POST, prefix=f"d{item.pk}")
        if not self.valid("decision", item, form):
            raise RuleViolation([f"{form.fields[f].label}: {e}" for f, errs in form.errors.items() for e in errs])
        data = form.cleaned_data
        ballots = None
        if data["method"] == Vote.Method.BY_NAME:
            ballots = {}
            for key, value in request.POST.items():
                if key.startswith(f"b{item.pk}-") and value in ("for", "against", "abstain"):
                    try:
                        ballots[int(key.split("-", 1)[1])] = value
                    except ValueError:
                        continue
        try:
            decision = services.item_decide(
                item=item,
                text=data["text"],
                votes_for=data["votes_for"],
                votes_against=data["votes_against"],
                abstentions=data["abstentions"],
                method=data["method"],
                ballots=ballots,
                chair_vote=data["chair_vote"],
                casting_voter=casting_voter_of(meeting, data.get("casting_voter")),
                by=request.user,
            )
        except RuleViolation:
            self.bound[("decision", item.pk)] = form  # the counts as typed, next to the rule that refused them
            raise
        self.success = _("Beslutningen er registreret: %(outcome)s.") % {"outcome": decision.get_outcome_display()} + (
            f" ({decision.rule_applied})" if decision.rule_applied else ""
        )


class MinorityView(ScreenAction):
    def run(self, request, meeting):
        item = self.item_of(meeting)
        decision = getattr(item, "decision", None)
        if decision is None:
            raise RuleViolation(_("Punktet har ingen beslutning endnu."))
        form = forms.MinorityForm(request.POST, prefix=f"m{item.pk}")
        if not self.valid("minority", item, form):
            raise RuleViolation(_("Skriv mindretallets udtalelse og hvem mindretallet er."))
        services.minority_statement_add(decision=decision, by=request.user, **form.cleaned_data)
        self.success = _("Mindretalsudtalelsen er ført til referat.")
