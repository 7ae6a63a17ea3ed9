"""Elections among the members: forperson, næstforperson, the representative to Det Nationale
Integrationsråd. The secretariat opens and counts; members vote secretly on their own device."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core.errors import RuleViolation
from raad.core.roles import Role, roles_of
from raad.membership import selectors, services
from raad.membership.forms import BallotForm, ElectionOpenForm, ElectionReportForm, LotDrawForm, PaperCountForm
from raad.membership.models import BallotCast, Election, ElectionRound
from raad.membership.views.workspace import SecretariatView


class ElectionsView(SecretariatView):
    section = (gettext_lazy("Valg"), "membership:elections")

    perm = "membership.view"

    def _form(self, data=None):
        members = selectors.memberships_in_force(self.council)
        return ElectionOpenForm(
            data, members=members, initial={"held_on": timezone.localdate(), "method": Election.Method.SECRET_DEVICE}
        )

    def _render(self, request, form, status=200):
        return self.page(
            "membership/elections.html",
            {
                "elections": selectors.elections(self.council),
                "form": form,
                "can_manage": request.user.has_perm("membership.manage", self.council),
                "crumbs": self.crumbs(),
            },
            status,
        )

    def get(self, request, slug):
        return self._render(request, self._form())

    def post(self, request, slug):
        if not request.user.has_perm("membership.manage", self.council):
            return self._render(request, self._form(), 403)
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                election = services.election_open(
                    council=self.council,
                    office=data["office"],
                    method=data["method"],
                    held_on=data["held_on"],
                    candidates=list(data["candidates"]),
                    voters_present=data["voters_present"],
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Valget er åbnet."))
                return redirect("membership:election", slug=self.council.slug, pk=election.pk)
        return self._render(request, form, 400)


class ElectionView(SecretariatView):
    """One election: the member's ballot, the secretariat's count and lot draw, the rounds so far."""

    section = (gettext_lazy("Valg"), "membership:elections")

    perm = "membership.view"

    def _context(self, request, election, **forms):
        detail = selectors.election_detail(election)
        current: ElectionRound | None = detail["current"]
        can_manage = request.user.has_perm("membership.manage", self.council)
        my_membership = None
        if Role.MEMBER in roles_of(request.user, self.council.pk):
            my_membership = selectors.memberships_of_user(request.user).filter(seat__council=self.council).first()
        has_voted = bool(
            current and my_membership and BallotCast.objects.filter(round=current, membership=my_membership).exists()
        )
        candidates = list(current.candidates.all()) if current else []
        is_open = bool(current and current.outcome == ElectionRound.Outcome.OPEN and election.decided_at is None)
        context = {
            "election": election,
            **detail,
            "can_manage": can_manage,
            "is_open": is_open,
            "my_membership": my_membership,
            "has_voted": has_voted,
            "casts": current.casts.count() if current else 0,
            "crumbs": self.crumbs((str(election), None)),
        }
        if is_open and my_membership and not has_voted and election.method == Election.Method.SECRET_DEVICE:
            context["ballot_form"] = forms.get("ballot_form") or BallotForm(candidates=candidates)
        if is_open and can_manage and election.method == Election.Method.PAPER:
            context["count_form"] = forms.get("count_form") or PaperCountForm(candidates=candidates)
        if current and current.outcome == ElectionRound.Outcome.LOT and election.decided_at is None and can_manage:
            tied = [c for c in candidates if c.pk in self._tied(current)]
            context["lot_form"] = forms.get("lot_form") or LotDrawForm(candidates=tied)
        if (
            can_manage
            and election.office == Election.Office.NATIONAL_REPRESENTATIVE
            and election.decided_at is not None
            and election.reported_on is None
        ):
            context["report_form"] = forms.get("report_form") or ElectionReportForm(
                initial={"reported_on": timezone.localdate()}
            )
        context["errors"] = forms.get("errors", [])
        return context

    @staticmethod
    def _tied(round: ElectionRound) -> set[int]:
        counts = dict(round.counts.values_list("candidate_id", "votes"))
        top = max(counts.values()) if counts else 0
        return {c for c, v in counts.items() if v == top}

    def _election(self, pk) -> Election:
        return get_object_or_404(Election.objects.select_related("elected__person"), council=self.council, pk=pk)

    def get(self, request, slug, pk):
        election = self._election(pk)
        return self.page("membership/election.html", self._context(request, election))

    def post(self, request, slug, pk):
        election = self._election(pk)
        action = request.POST.get("action")
        current = election.rounds.order_by("-number").first()
        candidates = list(current.candidates.all()) if current else []
        forms: dict = {}
        try:
            if action == "vote":
                return self._vote(request, election, current, candidates, forms)
            if not request.user.has_perm("membership.manage", self.council):
                return self.page("membership/election.html", self._context(request, election), status=403)
            if action == "close":
                if election.method == Election.Method.PAPER:
                    form = PaperCountForm(request.POST, candidates=candidates)
                    forms["count_form"] = form
                    if not form.is_valid():
                        raise _Invalid
                    services.round_close(
                        round=current, paper_counts=form.counts(), blank=form.cleaned_data["blank"], by=request.user
                    )
                else:
                    services.round_close(round=current, by=request.user)
                messages.success(request, _("Runden er optalt."))
            elif action == "lot":
                form = LotDrawForm(request.POST, candidates=[c for c in candidates if c.pk in self._tied(current)])
                forms["lot_form"] = form
                if not form.is_valid():
                    raise _Invalid
                result = next(c for c in candidates if str(c.pk) == form.cleaned_data["result"])
                services.lot_draw_record(
                    round=current, drawn_by=form.cleaned_data["drawn_by"], result=result, by=request.user
                )
                messages.success(request, _("Lodtrækningen er registreret."))
            elif action == "report":
                form = ElectionReportForm(request.POST)
                forms["report_form"] = form
                if not form.is_valid():
                    raise _Invalid
                services.election_report_record(
                    election=election, reported_on=form.cleaned_data["reported_on"], by=request.user
                )
                messages.success(request, _("Indberetningen er registreret."))
            else:
                forms["errors"] = [_("Ukendt handling.")]
                raise _Invalid
        except RuleViolation as violation:
            forms["errors"] = violation.messages
        except _Invalid:
            pass
        else:
            return redirect("membership:election", slug=self.council.slug, pk=election.pk)
        return self.page("membership/election.html", self._context(request, election, **forms), status=400)

    def _vote(self, request, election, current, candidates, forms):
        my_membership = selectors.memberships_of_user(request.user).filter(seat__council=self.council).first()
        form = BallotForm(request.POST, candidates=candidates)
        forms["ballot_form"] = form
        if my_membership is None:
            forms["errors"] = [_("Kun rådets medlemmer kan stemme.")]
        elif form.is_valid():
            choice = form.cleaned_data["choice"]
            chosen = None if choice == "blank" else next(c for c in candidates if str(c.pk) == choice)
            try:
                services.ballot_cast(round=current, membership=my_membership, choice=chosen, by=request.user)
            except RuleViolation as violation:
                forms["errors"] = violation.messages
            else:
                messages.success(request, _("Din stemme er afgivet. Den gemmes uden forbindelse til dit navn."))
                return redirect("membership:election", slug=self.council.slug, pk=election.pk)
        return self.page("membership/election.html", self._context(request, election, **forms), status=400)


class _Invalid(Exception):
    pass
