"""Local media: press releases (draft, the forperson's approval, sending to the media list), the media list and
the coverage log in the workspace; the public press page (only through `public_…` selectors)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.community.forms import media as forms
from raad.community.models import MediaCoverage, MediaOutlet, PressRelease
from raad.community.selectors import media as selectors
from raad.community.services import media as services
from raad.core import workspace
from raad.core.i18n import citizen_page
from raad.core.workspace import council_for, public_crumbs

from .forms_page import FormPage

SECTION = (gettext_lazy("Presse og medier"), "community:press")


class PressPage(workspace.CouncilView):
    perm = "community.view_press"
    section = SECTION

    def release_or_404(self, pk: int) -> PressRelease:
        try:
            return selectors.press_release(self.council, pk)
        except PressRelease.DoesNotExist:
            raise Http404(_("Pressemeddelelsen findes ikke.")) from None

    def render_release(self, release: PressRelease, *, status: int = 200, errors=()):
        user = self.request.user
        draft = release.status == PressRelease.Status.DRAFT
        return self.page(
            "community/media/release.html",
            {
                "release": release,
                "dispatches": selectors.dispatches(release),
                "can_edit": draft and user.has_perm("community.draft_press", self.council),
                "can_approve": draft and services.chair_membership(user, self.council) is not None,
                "can_send": not draft and user.has_perm("community.manage_media", self.council),
                "outlets_waiting": [o for o in selectors.outlets(self.council) if o.active],
                "errors": list(errors),
                "crumbs": self.crumbs((release.title, None)),
            },
            status=status,
        )


class PressView(PressPage):
    def get(self, request, slug):
        return self.page(
            "community/media/overview.html",
            {
                "releases": list(selectors.press_releases(self.council)),
                "can_draft": request.user.has_perm("community.draft_press", self.council),
                "can_manage": request.user.has_perm("community.manage_media", self.council),
                "crumbs": self.crumbs(),
            },
        )


class ReleaseView(PressPage):
    def get(self, request, slug, pk):
        return self.render_release(self.release_or_404(pk))


class ReleaseFormView(FormPage):
    perm = "community.draft_press"
    section = SECTION
    form_class = forms.PressReleaseForm
    model = PressRelease
    template = "community/media/form.html"

    def find(self, pk):
        return selectors.press_release(self.council, pk)

    def initial(self, obj):
        return {
            "title": obj.title,
            "body": obj.body,
            "internal_note": obj.internal_note,
            "purposes": list(obj.purposes.all()),
        }

    def title(self, obj):
        return _("Rediger pressemeddelelse") if obj else _("Ny pressemeddelelse")

    def save(self, obj, data):
        if obj is not None:
            return services.press_release_update(release=obj, by=self.request.user, **data)
        return services.press_release_draft(council=self.council, by=self.request.user, **data)

    def message(self, obj):
        return _("Pressemeddelelsen er gemt som kladde. Forpersonen skal godkende den, før den sendes.")

    def done_url(self, saved):
        return reverse("community:press_release_workspace", args=[self.council.slug, saved.pk])


class ReleaseAction(workspace.ActionView, PressPage):
    def load(self):
        self.release = self.release_or_404(self.kwargs["pk"])

    def success_url(self):
        return reverse("community:press_release_workspace", args=[self.council.slug, self.release.pk])

    def invalid(self, form, errors):
        return self.render_release(self.release, status=400, errors=errors)


class ReleaseApproveView(ReleaseAction):
    success = gettext_lazy("Pressemeddelelsen er godkendt. Sekretariatet kan nu sende den.")

    def act(self, data):
        services.press_release_approve(release=self.release, by=self.request.user)


class ReleaseSendView(ReleaseAction):
    perm = "community.manage_media"

    def act(self, data):
        self.sent = services.press_release_send(release=self.release, by=self.request.user)

    def success_message(self):
        return _("Pressemeddelelsen er sendt til %(n)s medier og vist på rådets side.") % {"n": len(self.sent)}


# --- The media list ----------------------------------------------------------------------------------------


class OutletsView(FormPage):
    perm = "community.manage_media"
    section = SECTION
    form_class = forms.OutletForm
    with_council = False
    template = "community/media/outlets.html"

    def get_object(self):
        return None

    def title(self, obj):
        return _("Medieliste")

    def more_context(self, obj):
        return {"outlets": list(selectors.outlets(self.council))}

    def save(self, obj, data):
        return services.outlet_add(council=self.council, by=self.request.user, **data)

    def message(self, obj):
        return _("Mediet er sat på medielisten.")

    def done_url(self, saved):
        return reverse("community:outlets", args=[self.council.slug])


class OutletEditView(OutletsView):
    form_class = forms.OutletEditForm
    model = MediaOutlet
    template = "community/media/form.html"

    def get_object(self):
        return FormPage.get_object(self)

    def find(self, pk):
        return selectors.outlet(self.council, pk)

    def initial(self, obj):
        return {"name": obj.name, "email": obj.email, "active": obj.active}

    def title(self, obj):
        return _("Rediger medie")

    def more_context(self, obj):
        return {}

    def save(self, obj, data):
        return services.outlet_update(outlet=obj, by=self.request.user, **data)

    def message(self, obj):
        return _("Mediet er gemt.")


# --- The coverage log --------------------------------------------------------------------------------------


class CoverageView(workspace.CouncilView):
    perm = "community.view_press"
    section = SECTION

    def get(self, request, slug):
        years = selectors.coverage_years(self.council)
        form = forms.CoverageYearForm(request.GET or None, years=years)
        year = form.cleaned_data["aar"] if form.is_bound and form.is_valid() else None
        title = _("Medieomtale")
        return self.page(
            "community/media/coverage.html",
            {
                "form": form,
                "year": year,
                "entries": list(selectors.coverage(self.council, year=year)),
                "summary": selectors.coverage_for_year(self.council, year) if year else None,
                "can_record": request.user.has_perm("community.manage_media", self.council),
                "crumbs": self.crumbs((title, None)),
                "page_title": title,
            },
        )


class CoverageFormView(FormPage):
    perm = "community.manage_media"
    section = SECTION
    form_class = forms.CoverageForm
    model = MediaCoverage
    template = "community/media/form.html"

    def find(self, pk):
        return selectors.coverage_entry(self.council, pk)

    def initial(self, obj):
        initial = {name: getattr(obj, name) for name in services.COVERAGE_FIELDS}
        initial.update(topic=obj.topic, purposes=list(obj.purposes.all()))
        return initial

    def title(self, obj):
        return _("Rediger medieomtale") if obj else _("Ny medieomtale")

    def save(self, obj, data):
        if obj is not None:
            return services.coverage_update(coverage=obj, by=self.request.user, **data)
        return services.coverage_record(council=self.council, by=self.request.user, **data)

    def message(self, obj):
        return _("Medieomtalen er gemt.")

    def done_url(self, saved):
        return reverse("community:coverage", args=[self.council.slug])


# --- Public ------------------------------------------------------------------------------------------------


def _section():
    return _("Presse")


@citizen_page
def public_press(request, slug):
    council = council_for(request, slug)
    return render(
        request,
        "community/media/public_list.html",
        {
            "council": council,
            "releases": selectors.public_press_releases(council),
            "crumbs": public_crumbs(council, (_section(), None)),
        },
    )


@citizen_page
def public_release(request, slug, pk):
    council = council_for(request, slug)
    try:
        release = selectors.public_press_release(council, pk)
    except PressRelease.DoesNotExist:
        raise Http404(_("Pressemeddelelsen findes ikke eller er ikke offentliggjort.")) from None
    return render(
        request,
        "community/media/public_detail.html",
        {
            "council": council,
            "release": release,
            "crumbs": public_crumbs(
                council, (_section(), reverse("community:press_public", args=[slug])), (release.title, None)
            ),
        },
    )
