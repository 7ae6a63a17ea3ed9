"""The integration effort in the workspace: indicators, one indicator (chart and table, sources, where it was
discussed, "Sæt på dagsordenen"), the strategy's goals and the CSV import. Everyone with a role in the council
reads; the secretariat writes."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.effort import forms, selectors, services
from raad.effort.csvformat import MAX_BYTES
from raad.effort.models import Goal, Indicator

SECTION = (gettext_lazy("Indsats og indikatorer"), "effort:indicators")


class EffortView(workspace.CouncilView):
    perm = "effort.view"
    section = SECTION

    def can_manage(self) -> bool:
        return self.request.user.has_perm("effort.manage", self.council)


class IndicatorsView(EffortView):
    def get(self, request, slug):
        rows = selectors.indicator_rows(self.council)
        return self.page(
            "effort/indicators.html",
            {
                "rows": rows,
                "has_demo": any(
                    (r.municipality and r.municipality.is_demo) or (r.national and r.national.is_demo) for r in rows
                ),
                "goals": selectors.goals(self.council),
                "can_manage": self.can_manage(),
                "crumbs": self.crumbs(),
            },
        )


# --- One indicator --------------------------------------------------------------------------------------------


class IndicatorPage(EffortView):
    def indicator_page(self, code, *, edit_form=None, link_form=None, errors=(), status=200):
        try:
            screen = selectors.indicator_screen(self.council, code)
        except Indicator.DoesNotExist:
            raise Http404(_("Indikatoren findes ikke.")) from None
        manage = self.can_manage()
        indicator = screen.indicator
        context = {
            "screen": screen,
            "indicator": indicator,
            "can_manage": manage,
            "errors": list(errors),
            "crumbs": self.crumbs((f"{indicator.code} {indicator.name}", None)),
        }
        if manage:
            context["edit_form"] = edit_form or forms.IndicatorForm(
                council=self.council, initial={"description": indicator.description, "goal": indicator.goal_id}
            )
            context["link_form"] = link_form or forms.LinkForm(council=self.council)
            context["next_meeting"] = selectors.next_meeting(self.council, now=timezone.now())
        return self.page("effort/indicator.html", context, status=status)


class IndicatorView(IndicatorPage):
    def get(self, request, slug, code):
        return self.indicator_page(code)


class IndicatorAction(workspace.ActionView, IndicatorPage):
    perm = "effort.manage"
    form_name = ""

    def load(self):
        try:
            self.indicator = selectors.indicator_get(self.council, self.kwargs["code"])
        except Indicator.DoesNotExist:
            raise Http404(_("Indikatoren findes ikke.")) from None

    def success_url(self):
        return reverse("effort:indicator", args=[self.council.slug, self.indicator.code])

    def invalid(self, form, errors):
        extra = {self.form_name: form} if self.form_name else {}
        return self.indicator_page(self.indicator.code, errors=errors, status=400, **extra)


class IndicatorEditView(IndicatorAction):
    form_name = "edit_form"
    success = gettext_lazy("Indikatoren er gemt.")

    def make_form(self, data, files):
        return forms.IndicatorForm(data, council=self.council)

    def act(self, data):
        services.indicator_update(
            indicator=self.indicator, description=data["description"], goal=data["goal"], by=self.request.user
        )


class LinkAddView(IndicatorAction):
    form_name = "link_form"
    success = gettext_lazy("Henvisningen er tilføjet.")

    def make_form(self, data, files):
        return forms.LinkForm(data, council=self.council)

    def act(self, data):
        services.indicator_link_add(indicator=self.indicator, by=self.request.user, **data)


class LinkRemoveView(IndicatorAction):
    success = gettext_lazy("Henvisningen er fjernet.")

    def act(self, data):
        link = selectors.link_get(self.indicator, self.kwargs["pk"])
        if link is None:
            raise Http404(_("Henvisningen til drøftelsen findes ikke."))
        services.indicator_link_remove(link=link, by=self.request.user)


class PutOnAgendaView(IndicatorAction):
    def act(self, data):
        self.item = services.indicator_put_on_agenda(indicator=self.indicator, by=self.request.user)

    def success_message(self):
        return _("Indikatoren er sat på dagsordenen for mødet %(date)s som punkt %(position)s.") % {
            "date": formats.date_format(timezone.localtime(self.item.meeting.starts_at), "DATE_FORMAT"),
            "position": self.item.position,
        }


# --- Goals ----------------------------------------------------------------------------------------------------


class GoalsPage(EffortView):
    def goals_page(self, *, form=None, errors=(), status=200):
        manage = self.can_manage()
        return self.page(
            "effort/goals.html",
            {
                "goals": list(selectors.goals(self.council).prefetch_related("indicators")),
                "can_manage": manage,
                "form": (form or forms.GoalForm()) if manage else None,
                "errors": list(errors),
                "crumbs": self.crumbs((_("Strategiens mål"), None)),
            },
            status=status,
        )


class GoalsView(GoalsPage):
    def get(self, request, slug):
        return self.goals_page()


class GoalNewView(workspace.ActionView, GoalsPage):
    perm = "effort.manage"
    form_class = forms.GoalForm
    success = gettext_lazy("Målet er oprettet.")

    def act(self, data):
        services.goal_create(council=self.council, by=self.request.user, **data)

    def success_url(self):
        return reverse("effort:goals", args=[self.council.slug])

    def invalid(self, form, errors):
        return self.goals_page(form=form, errors=errors, status=400)


class GoalEditView(workspace.ActionView, EffortView):
    perm = "effort.manage"
    form_class = forms.GoalForm
    success = gettext_lazy("Målet er gemt.")

    def load(self):
        try:
            self.goal = selectors.goal_get(self.council, self.kwargs["pk"])
        except Goal.DoesNotExist:
            raise Http404(_("Målet findes ikke.")) from None

    def get(self, request, *args, **kwargs):
        self.load()
        form = forms.GoalForm(initial={"title": self.goal.title, "text": self.goal.text, "order": self.goal.order})
        return self.edit_page(form)

    def edit_page(self, form, errors=(), status=200):
        return self.page(
            "effort/goal_edit.html",
            {
                "goal": self.goal,
                "form": form,
                "errors": list(errors),
                "crumbs": self.crumbs(
                    (_("Strategiens mål"), reverse("effort:goals", args=[self.council.slug])), (self.goal.title, None)
                ),
            },
            status=status,
        )

    def act(self, data):
        services.goal_update(goal=self.goal, by=self.request.user, **data)

    def success_url(self):
        return reverse("effort:goals", args=[self.council.slug])

    def invalid(self, form, errors):
        return self.edit_page(form, errors, status=400)


# --- Import ---------------------------------------------------------------------------------------------------


class ImportView(workspace.ActionView, EffortView):
    perm = "effort.manage"
    form_class = forms.ImportForm

    def get(self, request, *args, **kwargs):
        return self.import_page(forms.ImportForm())

    def import_page(self, form, errors=(), status=200):
        return self.page(
            "effort/import.html",
            {
                "form": form,
                "errors": list(errors),
                "columns": (
                    "indicator",
                    "goal_area",
                    "measure_da",
                    "unit",
                    "year",
                    "value",
                    "change_since_2012",
                    "source",
                ),
                "max_kb": MAX_BYTES // 1000,
                "crumbs": self.crumbs((_("Indlæs tal fra CSV"), None)),
            },
            status=status,
        )

    def act(self, data):
        content = data["file"].read(MAX_BYTES + 1)
        self.result = services.indicator_values_import(
            council=self.council, data=content, scope=data["scope"], by=self.request.user
        )

    def success_message(self):
        r = self.result
        return _("Tallene er indlæst: %(created)s nye, %(updated)s ændrede og %(unchanged)s uændrede værdier.") % {
            "created": r.created,
            "updated": r.updated,
            "unchanged": r.unchanged,
        }

    def success_url(self):
        return reverse("effort:indicators", args=[self.council.slug])

    def invalid(self, form, errors):
        return self.import_page(form, errors, status=400)
