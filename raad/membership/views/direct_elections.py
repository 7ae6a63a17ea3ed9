"""The secretariat records a direct election's result (the ældreråd, retssikkerhedsloven § 30)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core.errors import RuleViolation
from raad.councils.selectors import current_term
from raad.membership import selectors, services
from raad.membership.forms_direct_election import DirectElectionForm
from raad.membership.views.workspace import SecretariatView


class DirectElectionView(SecretariatView):
    section = (gettext_lazy("Valgresultat"), "membership:direct_election")

    def _form(self, data=None):
        term = current_term(self.council)
        return DirectElectionForm(
            data,
            council=self.council,
            initial={"term": term.pk if term else None, "held_on": timezone.localdate(), "reference_text": ""},
        )

    def _render(self, form, status=200):
        return self.page(
            "membership/direct_election.html",
            {"form": form, "results": selectors.direct_elections(self.council), "crumbs": self.crumbs()},
            status,
        )

    def get(self, request, slug):
        return self._render(self._form())

    def post(self, request, slug):
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.direct_election_record(
                    council=self.council,
                    term=data["term"],
                    held_on=data["held_on"],
                    seats=data["seats"],
                    candidates=data["candidates"],
                    reference_text=data["reference_text"],
                    starts_on=data["starts_on"],
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Valgresultatet er registreret, og de valgte er medlemmer."))
                return redirect("membership:direct_election", slug=self.council.slug)
        return self._render(form, 400)
