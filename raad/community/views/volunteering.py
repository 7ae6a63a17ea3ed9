"""Volunteering: the secretariat's workspace (strategy, goals, contributions, opportunities) and the public page
of today's volunteer opportunities (only through `public_…` selectors)."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.community.forms import volunteering as forms
from raad.community.models import VolunteeringContribution, VolunteeringGoal, VolunteerOpportunity
from raad.community.selectors import volunteering as selectors
from raad.community.services import volunteering as services
from raad.core import workspace
from raad.core.errors import RuleViolation
from raad.core.i18n import citizen_page, language_name, shown_texts
from raad.core.workspace import council_for, public_crumbs

from .forms_page import FormPage

SECTION = (gettext_lazy("Frivillighed"), "community:volunteering")


def _home(council) -> str:
    return reverse("community:volunteering", args=[council.slug])


class VolunteeringView(workspace.CouncilView):
    perm = "community.view_volunteering"
    section = SECTION

    def get(self, request, slug):
        return self.page(
            "community/volunteering/overview.html",
            {
                "screen": selectors.volunteering_screen(self.council),
                "can_manage": request.user.has_perm("community.manage_volunteering", self.council),
                "crumbs": self.crumbs(),
            },
        )


class ManagePage(FormPage):
    perm = "community.manage_volunteering"
    section = SECTION

    def done_url(self, saved):
        return _home(self.council)


class StrategyEditView(ManagePage):
    form_class = forms.StrategyForm
    with_council = False

    def get_object(self):
        return selectors.strategy_of(self.council)

    def initial(self, obj):
        return {name: getattr(obj, name) for name in services.STRATEGY_FIELDS}

    def title(self, obj):
        return _("Frivillighedsstrategien")

    def save(self, obj, data):
        return services.strategy_save(council=self.council, by=self.request.user, **data)

    def message(self, obj):
        return _("Strategien er gemt.")


class GoalView(ManagePage):
    form_class = forms.GoalForm
    with_council = False
    model = VolunteeringGoal

    def find(self, pk):
        return selectors.goal(self.council, pk)

    def initial(self, obj):
        return {name: getattr(obj, name) for name in services.GOAL_FIELDS}

    def initial_new(self):
        return {"number": selectors.goals(self.council).count() + 1}

    def title(self, obj):
        return _("Rediger mål") if obj else _("Nyt mål")

    def save(self, obj, data):
        if obj is not None:
            return services.goal_update(goal=obj, by=self.request.user, **data)
        strategy = selectors.strategy_of(self.council)
        if strategy is None:
            raise RuleViolation([_("Registrér først frivillighedsstrategien.")])
        return services.goal_add(strategy=strategy, by=self.request.user, **data)

    def message(self, obj):
        return _("Målet er gemt.")


class ContributionView(ManagePage):
    form_class = forms.ContributionForm
    model = VolunteeringContribution

    def find(self, pk):
        return selectors.contribution(self.council, pk)

    def initial(self, obj):
        initial = {name: getattr(obj, name) for name in services.CONTRIBUTION_FIELDS}
        initial["purposes"] = list(obj.purposes.all())
        return initial

    def title(self, obj):
        return _("Rediger bidrag") if obj else _("Nyt bidrag til strategien")

    def save(self, obj, data):
        if obj is not None:
            return services.contribution_update(contribution=obj, by=self.request.user, **data)
        return services.contribution_record(council=self.council, by=self.request.user, **data)

    def message(self, obj):
        return _("Bidraget er gemt.")


class OpportunityView(ManagePage):
    form_class = forms.OpportunityForm
    model = VolunteerOpportunity

    def find(self, pk):
        return selectors.opportunity(self.council, pk)

    def initial(self, obj):
        return {name: getattr(obj, name) for name in services.OPPORTUNITY_FIELDS}

    def title(self, obj):
        return _("Rediger frivilligt job") if obj else _("Nyt frivilligt job")

    def save(self, obj, data):
        if obj is not None:
            return services.opportunity_update(opportunity=obj, by=self.request.user, **data)
        return services.opportunity_create(council=self.council, by=self.request.user, **data)

    def message(self, obj):
        return _("Det frivillige job er gemt.")


# --- Public ------------------------------------------------------------------------------------------------


@citizen_page
def public_volunteering(request, slug):
    council = council_for(request, slug)
    public = selectors.public_volunteering(council)
    return render(
        request,
        "community/volunteering/public.html",
        {
            "council": council,
            "public": public,
            "languages": {o.pk: [language_name(code) for code in o.languages] for o in public.opportunities},
            "shown": shown_texts([(o, field) for o in public.opportunities for field in ("title", "description")]),
            "crumbs": public_crumbs(council, (_("Frivillig"), None)),
        },
    )
