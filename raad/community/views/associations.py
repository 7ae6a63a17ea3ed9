"""Associations: the public directory and each association's page, the public form "Bliv optaget i
foreningsoversigten" with its receipt, and the secretariat's register in the workspace."""

from __future__ import annotations

import copy

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.community.forms import associations as forms
from raad.community.models import Association
from raad.community.selectors import associations as selectors
from raad.community.services import associations as services
from raad.core import ratelimit, workspace
from raad.core.errors import RuleViolation
from raad.core.i18n import citizen_page, shown_texts
from raad.core.pagination import paginate
from raad.core.workspace import council_for, public_crumbs

RATE_SCOPE = "association_request"
FIELDS = services.ASSOCIATION_FIELDS


def _directory_crumb(council):
    return (_("Foreninger"), reverse("community:associations", args=[council.slug]))


@citizen_page
def directory(request, slug):
    """The public directory, filtered by language and text with a GET form (works without JavaScript)."""
    council = council_for(request, slug)
    form = forms.DirectoryFilterForm(request.GET or None)
    language = text = ""
    if form.is_valid():
        language, text = form.cleaned_data["sprog"], form.cleaned_data["tekst"]
    page = paginate(request, selectors.public_directory(council, language=language, text=text))
    return render(
        request,
        "community/associations/directory.html",
        {
            "council": council,
            "form": form,
            "page": page,
            "filtered": bool(language or text),
            "shown": shown_texts([(a, field) for a in page.object_list for field in ("purpose", "activities")]),
            "crumbs": public_crumbs(council, (_("Foreninger"), None)),
        },
    )


@citizen_page
def association(request, slug, pk):
    council = council_for(request, slug)
    found = selectors.public_association(council, pk)
    if found is None:
        raise Http404(_("Foreningen findes ikke i oversigten."))
    return render(
        request,
        "community/associations/detail.html",
        {
            "council": council,
            "association": found,
            "contact": selectors.public_contact(found),
            "events": selectors.upcoming_events(found),
            "shown": shown_texts([(found, "purpose"), (found, "activities")]),
            "crumbs": public_crumbs(council, _directory_crumb(council), (found.name, None)),
        },
    )


def _request_page(request, council, form, status=200):
    return render(
        request,
        "community/associations/request_form.html",
        {
            "council": council,
            "form": form,
            "crumbs": public_crumbs(council, _directory_crumb(council), (_("Bliv optaget"), None)),
        },
        status=status,
    )


@citizen_page
def request_form(request, slug):
    """The public form. A flood from one address gets the 429 page."""
    council = council_for(request, slug)
    if request.method != "POST":
        return _request_page(request, council, forms.AssociationRequestForm())
    address = ratelimit.client_address(request)
    if ratelimit.exceeded(RATE_SCOPE, address):
        return ratelimit.too_many(request)
    form = forms.AssociationRequestForm(request.POST)
    if form.is_robot:
        form.add_error(None, _("Anmodningen kunne ikke sendes. Lad feltet til robotter være tomt."))
        return _request_page(request, council, form, status=400)
    if form.is_valid():
        try:
            services.association_request(
                council=council,
                data={name: form.cleaned_data[name] for name in FIELDS},
                language=translation.get_language() or "da",
            )
        except RuleViolation as violation:
            violation.add_to_form(form)
        else:
            ratelimit.count(RATE_SCOPE, address)
            return redirect("community:association_request_received", slug=council.slug)
    return _request_page(request, council, form, status=400)


@citizen_page
def request_received(request, slug):
    council = council_for(request, slug)
    return render(
        request,
        "community/associations/request_received.html",
        {
            "council": council,
            "crumbs": public_crumbs(council, _directory_crumb(council), (_("Anmodning modtaget"), None)),
        },
    )


# --- The secretariat's register -------------------------------------------------------------------------


class AssociationsPage(workspace.CouncilView):
    perm = "community.manage_associations"
    section = (gettext_lazy("Foreninger"), "community:associations_register")

    def association_or_404(self, pk: int) -> Association:
        found = selectors.association_for_council(self.council, pk)
        if found is None:
            raise Http404(_("Foreningen findes ikke."))
        return found

    def listing(self, form=None, errors=None, status=200):
        filter_form = forms.StatusFilterForm(self.request.GET or None, choices=Association.Status.choices)
        wanted = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
        return self.page(
            "community/associations/register.html",
            {
                "associations": list(selectors.register(self.council, wanted)),
                "filter_form": filter_form,
                "form": form or forms.AssociationForm(),
                "errors": errors or [],
                "crumbs": self.crumbs(),
            },
            status=status,
        )


class RegisterView(AssociationsPage):
    def get(self, request, slug):
        return self.listing()


class AssociationNewView(workspace.ActionView, AssociationsPage):
    form_class = forms.AssociationForm
    success = gettext_lazy("Foreningen er optaget i oversigten.")

    def act(self, data):
        services.association_create(council=self.council, data=data, by=self.request.user)

    def success_url(self):
        return reverse("community:associations_register", args=[self.council.slug])

    def invalid(self, form, errors):
        return self.listing(form=form, errors=errors, status=400)


class AssociationAction(workspace.ActionView, AssociationsPage):
    def load(self):
        self.association = self.association_or_404(self.kwargs["pk"])

    def success_url(self):
        return reverse("community:association_edit", args=[self.council.slug, self.association.pk])

    def edit_page(self, form=None, decline_form=None, errors=None, status=200):
        initial = {name: getattr(self.association, name) for name in FIELDS}
        return self.page(
            "community/associations/edit.html",
            {
                "association": self.association,
                "form": form or forms.AssociationForm(initial=initial),
                "decline_form": decline_form or forms.DeclineForm(),
                "errors": errors or [],
                "crumbs": self.crumbs((self.association.name, None)),
            },
            status=status,
        )

    def invalid(self, form, errors):
        return self.edit_page(errors=errors, status=400)


class AssociationEditView(AssociationAction):
    """The edit page of one association (GET shows it; POST saves), with the decisions."""

    form_class = forms.AssociationForm
    success = gettext_lazy("Foreningen er gemt.")

    def get(self, request, *args, **kwargs):
        self.load()
        return self.edit_page()

    def act(self, data):
        services.association_update(association=copy.copy(self.association), data=data, by=self.request.user)

    def invalid(self, form, errors):
        return self.edit_page(form=form, errors=errors, status=400)


class AssociationApproveView(AssociationAction):
    success = gettext_lazy("Foreningen er optaget i oversigten.")

    def act(self, data):
        services.association_approve(association=self.association, by=self.request.user)


class AssociationDeclineView(AssociationAction):
    form_class = forms.DeclineForm
    success = gettext_lazy("Anmodningen er afvist, og foreningen får begrundelsen at vide.")

    def act(self, data):
        services.association_decline(association=self.association, reason=data["reason"], by=self.request.user)

    def invalid(self, form, errors):
        return self.edit_page(decline_form=form, errors=errors, status=400)


class AssociationWithdrawView(AssociationAction):
    success = gettext_lazy("Foreningen er taget af oversigten. Den bliver i registret.")

    def act(self, data):
        services.association_withdraw(association=self.association, by=self.request.user)
