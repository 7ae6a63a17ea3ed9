"""Calls for nominations (secretariat) and the public nomination and confirmation forms (no account)."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from raad.core import ratelimit
from raad.core.errors import RuleViolation
from raad.core.redaction import mask_cpr
from raad.core.workspace import public_crumbs
from raad.councils import selectors as councils
from raad.councils.rules import Violation
from raad.membership import links, notify, selectors, services
from raad.membership.forms import CallForm, ConfirmForm, NominationForm, WithdrawNominationForm
from raad.membership.models import NominatingBody, Nomination, NominationCall, Seat
from raad.membership.views.workspace import SecretariatView


class CallsView(SecretariatView):
    def _form(self, data=None):
        return CallForm(
            data, seats=Seat.objects.filter(council=self.council, kind=Seat.Kind.NOMINATED, retired_on__isnull=True)
        )

    def _render(self, request, form, status=200):
        return self.page(
            "membership/calls.html",
            {
                "calls": selectors.nomination_calls(self.council),
                "form": form,
                "crumbs": self.crumbs((_("Indkaldelser af indstillinger"), None)),
            },
            status,
        )

    def get(self, request, slug):
        return self._render(request, self._form())

    def post(self, request, slug):
        """Valid data shows the preview first (who gets what); only `confirm=yes` from it opens the call and
        sends the invitations; `edit` shows the form again with the data."""
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            term = councils.current_term(self.council, timezone.localdate(data["deadline"])) or councils.current_term(
                self.council
            )
            try:
                if term is None:
                    raise RuleViolation([Violation("deadline", _("Der er ingen valgperiode."))])
                if "edit" in request.POST:
                    return self._render(request, form)
                if request.POST.get("confirm") != "yes":
                    violations = services.nomination_call_check(
                        council=self.council,
                        term=term,
                        deadline=data["deadline"],
                        seat=data.get("seat"),
                        now=timezone.now(),
                    )
                    if violations:
                        raise RuleViolation(violations)
                    return self._preview(request, form, term)
                call = services.nomination_call_open(
                    council=self.council,
                    term=term,
                    title=data["title"],
                    deadline=data["deadline"],
                    message=data.get("message") or "",
                    seat=data.get("seat"),
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Indkaldelsen er sendt til de indstillingsberettigede organisationer."))
                return redirect("membership:call", slug=self.council.slug, pk=call.pk)
        return self._render(request, form, 400)

    def _preview(self, request, form, term):
        """The call as it will go out: every entitled body by name and address, the e-mail each gets."""
        data = form.cleaned_data
        call = NominationCall(
            council=self.council,
            term=term,
            seat=data.get("seat"),
            title=data["title"],
            message=mask_cpr(data.get("message") or ""),
            deadline=data["deadline"],
        )
        bodies = selectors.call_entitled_bodies(call)
        link = _("[organisationens eget link til indstillingsformularen]")
        subject, text = notify.call_invitation_preview(call=call, body=bodies[0], url=link) if bodies else ("", "")
        return self.page(
            "membership/call_preview.html",
            {
                "form": form,
                "bodies": bodies,
                "subject": subject,
                "text": text,
                "crumbs": self.crumbs(
                    (_("Indkaldelser af indstillinger"), reverse("membership:calls", args=[self.council.slug])),
                    (_("Kontrollér indkaldelsen"), None),
                ),
            },
        )


class CallDetailView(SecretariatView):
    def get(self, request, slug, pk):
        call = get_object_or_404(
            NominationCall.objects.select_related("seat", "term", "decision"), council=self.council, pk=pk
        )
        return self.page(
            "membership/call_detail.html",
            {
                "call": call,
                "nominations": selectors.nominations_of_call(call),
                "bodies": selectors.call_entitled_bodies(call),
                "crumbs": self.crumbs(
                    (_("Indkaldelser"), reverse("membership:calls", args=[self.council.slug])),
                    (call.title, None),
                ),
            },
        )


class NominationWithdrawView(SecretariatView):
    """Withdraw a nomination that the board has not yet decided on: the reason is required, nothing is deleted."""

    def _nomination(self, pk) -> Nomination:
        return get_object_or_404(
            Nomination.objects.select_related("call", "seat", "nominating_body", "candidate", "substitute_candidate"),
            call__council=self.council,
            pk=pk,
        )

    def _render(self, request, nomination, form, status=200):
        call = nomination.call
        return self.page(
            "membership/nomination_withdraw.html",
            {
                "nomination": nomination,
                "call": call,
                "form": form,
                "crumbs": self.crumbs(
                    (_("Indkaldelser"), reverse("membership:calls", args=[self.council.slug])),
                    (call.title, reverse("membership:call", args=[self.council.slug, call.pk])),
                    (_("Træk indstilling tilbage"), None),
                ),
            },
            status,
        )

    def get(self, request, slug, pk):
        return self._render(request, self._nomination(pk), WithdrawNominationForm())

    def post(self, request, slug, pk):
        nomination = self._nomination(pk)
        form = WithdrawNominationForm(request.POST)
        if form.is_valid():
            try:
                services.nomination_withdraw(nomination=nomination, reason=form.cleaned_data["reason"], by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(
                    request,
                    _("Indstillingen af %(name)s er trukket tilbage. Kandidaten indgår ikke i udpegningen.")
                    % {"name": nomination.candidate},
                )
                return redirect("membership:call", slug=self.council.slug, pk=nomination.call_id)
        return self._render(request, nomination, form, 400)


def _call_and_body(token: str) -> tuple[NominationCall, NominatingBody]:
    try:
        call_id, body_id = links.read_nominate_token(token)
    except signing.BadSignature:
        raise Http404(_("Linket er ugyldigt.")) from None
    call = get_object_or_404(NominationCall.objects.select_related("council__municipality", "seat", "term"), pk=call_id)
    body = get_object_or_404(NominatingBody, pk=body_id, council=call.council)
    return call, body


class NominateView(View):
    """The nominating body's form, reached from the signed link in the call e-mail. No login."""

    template = "membership/nominate.html"

    def _seats(self, call, body):
        seats = Seat.objects.filter(council=call.council, kind=Seat.Kind.NOMINATED, nominating_body=body)
        if call.seat_id:
            seats = seats.filter(pk=call.seat_id)
        return seats

    def _render(self, request, call, body, form, status=200, done=None):
        request.council = call.council  # the site header shows the council
        procedure = councils.rules_in_force(call.council)
        return render(
            request,
            self.template,
            {
                "call": call,
                "body": body,
                "form": form,
                "council": call.council,
                "done": done,
                "late": timezone.now() > call.deadline,
                "uses_substitutes": procedure.uses_substitutes,
                "crumbs": public_crumbs(None, (_("Indstilling"), None)),
            },
            status=status,
        )

    def get(self, request, token):
        call, body = _call_and_body(token)
        return self._render(request, call, body, NominationForm(seats=self._seats(call, body)))

    def post(self, request, token):
        call, body = _call_and_body(token)
        limited = (ratelimit.client_address(request), token)
        if ratelimit.exceeded("nominate", *limited):
            return ratelimit.too_many(request)
        # All of the body's seats in the council may be offered; the service refuses a seat the body is not entitled to.
        form = NominationForm(request.POST, seats=Seat.objects.filter(council=call.council, kind=Seat.Kind.NOMINATED))
        if form.is_valid():
            data = form.cleaned_data
            candidate = services.CandidateData(
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                phone=data.get("phone") or "",
                street_address=data["street_address"],
                postcode=data["postcode"],
                city=data["city"],
            )
            substitute = None
            if data.get("substitute_first_name"):
                substitute = services.CandidateData(
                    first_name=data["substitute_first_name"],
                    last_name=data["substitute_last_name"],
                    email=data["substitute_email"],
                    phone=data.get("substitute_phone") or "",
                    street_address=data["substitute_street_address"],
                    postcode=data["substitute_postcode"],
                    city=data["substitute_city"],
                )
            try:
                nomination = services.nomination_submit(
                    call=call,
                    nominating_body=body,
                    seat=data["seat"],
                    candidate=candidate,
                    substitute=substitute,
                    motivation=data["motivation"],
                    submitted_by_name=data["submitted_by_name"],
                    submitted_by_email=data["submitted_by_email"],
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                ratelimit.count("nominate", *limited)
                return self._render(request, call, body, NominationForm(seats=self._seats(call, body)), done=nomination)
        return self._render(request, call, body, form, status=400)


class ConfirmView(View):
    """The candidate (or substitute candidate) confirms the nomination: consent (R31)."""

    def _nomination(self, token) -> tuple[Nomination, str]:
        try:
            nomination_id, who = links.read_confirm_token(token)
        except signing.BadSignature:
            raise Http404(_("Linket er ugyldigt eller udløbet.")) from None
        nomination = get_object_or_404(
            Nomination.objects.select_related(
                "call__council", "nominating_body", "seat", "candidate", "substitute_candidate"
            ),
            pk=nomination_id,
        )
        return nomination, who

    def _render(self, request, nomination, who, form, status=200, done=False):
        request.council = nomination.call.council
        confirmed_at = nomination.candidate_confirmed_at if who == "candidate" else nomination.substitute_confirmed_at
        return render(
            request,
            "membership/confirm.html",
            {
                "nomination": nomination,
                "who": who,
                "form": form,
                "council": nomination.call.council,
                "person": nomination.candidate if who == "candidate" else nomination.substitute_candidate,
                "confirmed_at": confirmed_at,
                "done": done,
                "crumbs": public_crumbs(None, (_("Bekræft indstilling"), None)),
            },
            status=status,
        )

    def get(self, request, token):
        nomination, who = self._nomination(token)
        return self._render(request, nomination, who, ConfirmForm())

    def post(self, request, token):
        nomination, who = self._nomination(token)
        form = ConfirmForm(request.POST, request.FILES)
        if (
            nomination.candidate_confirmed_at if who == "candidate" else nomination.substitute_confirmed_at
        ) is not None:
            # Confirmed already (a second click, a reload): the page says so; nothing to validate or refuse.
            return self._render(request, nomination, who, form)
        if form.is_valid():
            try:
                nomination = services.nomination_confirm(
                    nomination=nomination,
                    who=who,
                    bio=form.cleaned_data["bio"],
                    publish_bio=form.cleaned_data["publish_bio"],
                    photo=form.cleaned_data.get("photo"),
                    publish_photo=form.cleaned_data["publish_photo"],
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                return self._render(request, nomination, who, form, done=True)
        return self._render(request, nomination, who, form, status=400)


class SubmitterConfirmView(View):
    """The sender of a nomination confirms their e-mail address (a button, so that a mail scanner opening the
    link confirms nothing); the receipt with the nomination's content is mailed only then."""

    def _nomination(self, token) -> Nomination:
        try:
            nomination_id = links.read_submitter_token(token)
        except signing.BadSignature:
            raise Http404(_("Linket er ugyldigt eller udløbet.")) from None
        return get_object_or_404(Nomination.objects.select_related("call__council"), pk=nomination_id)

    def _render(self, request, nomination, status=200):
        request.council = nomination.call.council
        return render(
            request,
            "membership/submitter_confirm.html",
            {
                "nomination": nomination,
                "council": nomination.call.council,
                "crumbs": public_crumbs(None, (_("Bekræft e-mailadresse"), None)),
            },
            status=status,
        )

    def get(self, request, token):
        return self._render(request, self._nomination(token))

    def post(self, request, token):
        nomination = services.nomination_submitter_confirm(nomination=self._nomination(token))
        return self._render(request, nomination)
