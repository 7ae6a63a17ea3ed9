"""Inquiries: the public form "Skriv til rådet", the inquirer's status page (signed link, no account), and the
secretariat's triage in the workspace (R9)."""

from __future__ import annotations

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import ratelimit, workspace
from raad.core.errors import RuleViolation
from raad.core.i18n import citizen_page
from raad.core.workspace import council_for, public_crumbs
from raad.councils.selectors import rules_in_force
from raad.dialogue import forms, links
from raad.dialogue.models import Inquiry
from raad.dialogue.selectors import inquiries as selectors
from raad.dialogue.services import inquiries as services

RATE_SCOPE = "inquiry"


def _form_page(request, council, form, status=200):
    procedure = rules_in_force(council)
    return render(
        request,
        "dialogue/inquiries/form.html",
        {
            "council": council,
            "form": form,
            "retention_months": procedure.inquiry_retention_months,
            "individual_months": procedure.individual_case_retention_months,
            "crumbs": public_crumbs(council, (_("Skriv til rådet"), None)),
        },
        status=status,
    )


@citizen_page
def inquiry_form(request, slug):
    """The public form. A flood from one address gets the 429 page; what was received before is kept."""
    council = council_for(request, slug)
    if request.method != "POST":
        return _form_page(request, council, forms.InquiryForm())
    address = ratelimit.client_address(request)
    if ratelimit.exceeded(RATE_SCOPE, address):
        return ratelimit.too_many(request)
    form = forms.InquiryForm(request.POST)
    if form.is_robot:
        form.add_error(None, _("Henvendelsen kunne ikke sendes. Lad feltet til robotter være tomt."))
        return _form_page(request, council, form, status=400)
    if form.is_valid():
        data = form.cleaned_data
        try:
            inquiry = services.inquiry_submit(
                council=council,
                kind=data["kind"],
                text=data["text"],
                language=translation.get_language() or "da",
                reply_by=data["reply_by"],
                name=data["name"],
                organisation=data["organisation"],
                email=data["email"],
                phone=data["phone"],
                consent_publish=data["consent_publish"],
            )
        except RuleViolation as violation:
            violation.add_to_form(form)
        else:
            ratelimit.count(RATE_SCOPE, address)
            url = reverse("dialogue:inquiry_status", args=[council.slug, links.status_token(inquiry_id=inquiry.pk)])
            return redirect(url + "?modtaget=1")
    return _form_page(request, council, form, status=400)


@citizen_page
def inquiry_status(request, slug, token):
    """The inquirer's status page: the steps, the referral or the reply, in the page's language."""
    council = council_for(request, slug)
    try:
        inquiry_id = links.read_status_token(token)
    except signing.BadSignature:
        raise Http404(_("Linket er ugyldigt.")) from None
    inquiry = selectors.inquiry_status(council, inquiry_id)
    if inquiry is None:
        raise Http404(_("Linket er ugyldigt."))
    return render(
        request,
        "dialogue/inquiries/status.html",
        {
            "council": council,
            "inquiry": inquiry,
            "events": list(inquiry.events.all()),
            "just_sent": request.GET.get("modtaget") == "1",
            "status_url": services.status_url(inquiry),
            "crumbs": public_crumbs(council, (_("Din henvendelse"), None)),
        },
    )


# --- The secretariat's triage --------------------------------------------------------------------------


class InquiriesPage(workspace.CouncilView):
    perm = "dialogue.triage_inquiries"
    section = (gettext_lazy("Henvendelser"), "dialogue:inquiries")

    def inquiry_or_404(self, pk: int) -> Inquiry:
        inquiry = selectors.inquiry_for_council(self.council, pk)
        if inquiry is None:
            raise Http404(_("Henvendelsen findes ikke."))
        return inquiry

    def detail(self, inquiry: Inquiry, status: int = 200, errors=None, **bound):
        topics = selectors.council_topics(self.council)
        referrals = selectors.referrals_active(self.council)
        context = {
            "inquiry": inquiry,
            "events": list(inquiry.events.all()),
            "general_form": bound.get("general_form") or forms.ClassifyGeneralForm(topics=topics),
            "refer_form": bound.get("refer_form") or forms.ReferForm(referrals=referrals),
            "principle_form": bound.get("principle_form") or forms.PrincipleTopicForm(),
            "close_form": bound.get("close_form") or forms.CloseForm(),
            "is_open": inquiry.status not in (Inquiry.Status.CLOSED, Inquiry.Status.ANSWERED),
            "errors": errors or [],
            "crumbs": self.crumbs((inquiry.reference, None)),
        }
        return self.page("dialogue/inquiries/detail.html", context, status=status)


class InquiriesView(InquiriesPage):
    def get(self, request, slug):
        form = forms.TriageFilterForm(request.GET or None)
        show = form.cleaned_data.get("vis") if form.is_valid() else ""
        waiting_only = show != "alle"
        inquiries = list(selectors.triage_list(self.council, waiting_only=waiting_only)[:200])
        return self.page(
            "dialogue/inquiries/list.html",
            {"inquiries": inquiries, "form": form, "waiting_only": waiting_only, "crumbs": self.crumbs()},
        )


class InquiryView(InquiriesPage):
    def get(self, request, slug, pk):
        return self.detail(self.inquiry_or_404(pk))


class InquiryAction(workspace.ActionView, InquiriesPage):
    form_name = ""

    def load(self):
        self.inquiry = self.inquiry_or_404(self.kwargs["pk"])

    def success_url(self):
        return reverse("dialogue:inquiry", args=[self.council.slug, self.inquiry.pk])

    def invalid(self, form, errors):
        return self.detail(self.inquiry, status=400, errors=errors, **{self.form_name: form})


class InquiryGeneralView(InquiryAction):
    form_name = "general_form"
    success = gettext_lazy("Henvendelsen er taget op som et emne.")

    def make_form(self, data, files):
        return forms.ClassifyGeneralForm(data, topics=selectors.council_topics(self.council))

    def act(self, data):
        services.inquiry_classify_general(
            inquiry=self.inquiry,
            topic=data["topic"],
            new_topic_title=data["new_topic_title"],
            note=data["note"],
            by=self.request.user,
        )


class InquiryReferView(InquiryAction):
    form_name = "refer_form"
    success = gettext_lazy("Henvendelsen er vurderet som en enkeltsag, og afsenderen er henvist.")

    def make_form(self, data, files):
        return forms.ReferForm(data, referrals=selectors.referrals_active(self.council))

    def act(self, data):
        services.inquiry_refer(
            inquiry=self.inquiry, referral=data["referral"], reply=data["reply"], by=self.request.user
        )


class InquiryPrincipleView(InquiryAction):
    form_name = "principle_form"
    form_class = forms.PrincipleTopicForm
    success = gettext_lazy("Det principielle spørgsmål er oprettet som et nyt, anonymt emne.")

    def act(self, data):
        services.inquiry_raise_principle(
            inquiry=self.inquiry, title=data["title"], summary=data["summary"], by=self.request.user
        )


class InquiryCloseView(InquiryAction):
    form_name = "close_form"
    form_class = forms.CloseForm
    success = gettext_lazy("Henvendelsen er afsluttet.")

    def act(self, data):
        services.inquiry_close(inquiry=self.inquiry, reply=data["reply"], by=self.request.user)
