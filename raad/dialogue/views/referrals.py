"""The referral catalogue (R9): the public page of the municipality's services, and the secretariat's upkeep
of it in the workspace (create, edit, deactivate; never delete)."""

from __future__ import annotations

import copy

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.core.i18n import citizen_page, shown_texts
from raad.core.workspace import council_for, public_crumbs
from raad.dialogue import forms
from raad.dialogue.models import ReferralService
from raad.dialogue.selectors import inquiries as selectors
from raad.dialogue.services import referrals as services


@citizen_page
def catalogue(request, slug):
    council = council_for(request, slug)
    referrals = list(selectors.public_referrals(council))
    return render(
        request,
        "dialogue/referrals/public.html",
        {
            "council": council,
            "referrals": referrals,
            "shown": shown_texts([(r, field) for r in referrals for field in ("name", "description", "opening_hours")]),
            "crumbs": public_crumbs(council, (_("Hvor kan jeg få hjælp?"), None)),
        },
    )


class ReferralsPage(workspace.CouncilView):
    perm = "dialogue.triage_inquiries"
    section = (gettext_lazy("Henvisninger"), "dialogue:referrals")

    def referral_or_404(self, pk: int) -> ReferralService:
        referral = selectors.referral_for_council(self.council, pk)
        if referral is None:
            raise Http404(_("Henvisningen findes ikke."))
        return referral

    def listing(self, form=None, errors=None, status=200):
        return self.page(
            "dialogue/referrals/list.html",
            {
                "referrals": list(selectors.referrals_all(self.council)),
                "form": form or forms.ReferralForm(),
                "errors": errors or [],
                "crumbs": self.crumbs(),
            },
            status=status,
        )


class ReferralsView(ReferralsPage):
    def get(self, request, slug):
        return self.listing()


class ReferralNewView(workspace.ActionView, ReferralsPage):
    form_class = forms.ReferralForm
    success = gettext_lazy("Henvisningen er oprettet.")

    def act(self, data):
        services.referral_create(council=self.council, data=data, by=self.request.user)

    def success_url(self):
        return reverse("dialogue:referrals", args=[self.council.slug])

    def invalid(self, form, errors):
        return self.listing(form=form, errors=errors, status=400)


class ReferralView(workspace.ActionView, ReferralsPage):
    """The edit page of one service (GET shows it; POST saves)."""

    success = gettext_lazy("Henvisningen er gemt.")

    def load(self):
        self.referral = self.referral_or_404(self.kwargs["pk"])

    def make_form(self, data, files):
        # A copy: a model form writes the values onto its instance while validating, and the service must
        # see the service as it was to journal what changed.
        return forms.ReferralForm(data, instance=copy.copy(self.referral))

    def get(self, request, *args, **kwargs):
        self.load()
        return self.edit_page(forms.ReferralForm(instance=self.referral))

    def edit_page(self, form, errors=None, status=200):
        return self.page(
            "dialogue/referrals/edit.html",
            {
                "referral": self.referral,
                "form": form,
                "errors": errors or [],
                "crumbs": self.crumbs((self.referral.name, None)),
            },
            status=status,
        )

    def act(self, data):
        services.referral_update(referral=self.referral, data=data, by=self.request.user, council=self.council)

    def success_url(self):
        return reverse("dialogue:referrals", args=[self.council.slug])

    def invalid(self, form, errors):
        return self.edit_page(form, errors, status=400)


class ReferralActiveView(workspace.ActionView, ReferralsPage):
    def load(self):
        self.referral = self.referral_or_404(self.kwargs["pk"])

    def act(self, data):
        active = self.request.POST.get("active") == "1"
        services.referral_set_active(referral=self.referral, active=active, by=self.request.user, council=self.council)

    def success_message(self):
        if self.referral.active:
            return _("Henvisningen er aktiv igen.")
        return _(
            "Henvisningen er deaktiveret. Den tilbydes ikke længere, men henvendelser, der er henvist til den, beholder den."
        )

    def success_url(self):
        return reverse("dialogue:referrals", args=[self.council.slug])

    def invalid(self, form, errors):
        return self.listing(errors=errors, status=400)
