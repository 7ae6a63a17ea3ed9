"""The secretariat's membership screens: seats, nominating bodies, the board's decision, changes."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.core.errors import RuleViolation
from raad.core.links import local_next
from raad.councils import selectors as councils
from raad.councils.rules import Violation
from raad.membership import selectors, services
from raad.membership.forms import (
    DecisionForm,
    EndMembershipForm,
    FlagMovedAwayForm,
    NominatingBodyForm,
    PromoteForm,
    SeatBodyForm,
    SeatForm,
)
from raad.membership.models import Membership, NominatingBody, Person, Seat, Substitute


class SecretariatView(workspace.CouncilView):
    """Every screen here: a council from the URL, and the secretariat's permission on it."""

    perm = "membership.manage"
    section = (gettext_lazy("Bemanding"), "membership:seats")

    def page(self, template, context, status=200):
        return super().page(template, {"is_secretariat": True, **context}, status=status)


class SeatsView(SecretariatView):
    def get(self, request, slug):
        today = timezone.localdate()
        return self.page(
            "membership/seats.html",
            {
                "rows": selectors.seat_catalogue(self.council, today),
                "panel": selectors.composition_panel(self.council, today),
                "promotable": selectors.promotable_substitutes(self.council),
                "unconfirmed": selectors.residence_to_confirm(self.council),
                "crumbs": self.crumbs(),
            },
        )


class SeatCreateView(SecretariatView):
    """Add a seat to the catalogue of the rules of procedure."""

    def _render(self, request, form, status=200):
        return self.page(
            "membership/seat_form.html",
            {
                "form": form,
                "title": _("Ny plads"),
                "crumbs": self.crumbs((_("Ny plads"), None)),
            },
            status,
        )

    def get(self, request, slug):
        return self._render(request, SeatForm(council=self.council))

    def post(self, request, slug):
        form = SeatForm(request.POST, council=self.council)
        if form.is_valid():
            try:
                seat = services.seat_create(council=self.council, by=request.user, **form.cleaned_data)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Plads %(n)s er oprettet.") % {"n": seat.number})
                return redirect("membership:seats", slug=self.council.slug)
        return self._render(request, form, status=400)


class SeatBodyView(SecretariatView):
    """Change which association or institution nominates for a seat."""

    def _render(self, request, seat, form, status=200):
        return self.page(
            "membership/seat_form.html",
            {
                "form": form,
                "seat": seat,
                "title": _("Indstillende organisation for plads %(n)s") % {"n": seat.number},
                "crumbs": self.crumbs((str(seat), None)),
            },
            status,
        )

    def _seat(self, number) -> Seat:
        return get_object_or_404(Seat.objects.select_related("nominating_body"), council=self.council, number=number)

    def get(self, request, slug, number):
        seat = self._seat(number)
        form = SeatBodyForm(council=self.council, initial={"nominating_body": seat.nominating_body_id})
        return self._render(request, seat, form)

    def post(self, request, slug, number):
        seat = self._seat(number)
        form = SeatBodyForm(request.POST, council=self.council)
        if form.is_valid():
            try:
                services.seat_set_nominating_body(
                    seat=seat, nominating_body=form.cleaned_data["nominating_body"], by=request.user
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Plads %(n)s er gemt.") % {"n": seat.number})
                return redirect("membership:seats", slug=self.council.slug)
        return self._render(request, seat, form, status=400)


class SeatHistoryView(SecretariatView):
    def get(self, request, slug, number):
        seat = get_object_or_404(Seat.objects.select_related("nominating_body"), council=self.council, number=number)
        return self.page(
            "membership/seat_history.html",
            {
                "seat": seat,
                "history": selectors.seat_history(seat),
                "crumbs": self.crumbs((str(seat), None)),
            },
        )


class BodiesView(SecretariatView):
    template = "membership/bodies.html"

    def _render(self, request, form, status=200):
        return self.page(
            self.template,
            {
                "bodies": selectors.nominating_bodies(self.council),
                "form": form,
                "crumbs": self.crumbs((_("Indstillingsberettigede organisationer"), None)),
            },
            status,
        )

    def get(self, request, slug):
        return self._render(request, NominatingBodyForm())

    def post(self, request, slug):
        form = NominatingBodyForm(request.POST)
        if form.is_valid():
            try:
                services.nominating_body_create(council=self.council, by=request.user, **form.cleaned_data)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Organisationen er oprettet."))
                return redirect("membership:bodies", slug=self.council.slug)
        return self._render(request, form, 400)


class BodyEditView(SecretariatView):
    def _render(self, request, body, form, status=200):
        return self.page(
            "membership/body_edit.html",
            {
                "body": body,
                "form": form,
                "crumbs": self.crumbs(
                    (_("Organisationer"), reverse("membership:bodies", args=[self.council.slug])),
                    (body.name, None),
                ),
            },
            status,
        )

    def get(self, request, slug, pk):
        body = get_object_or_404(NominatingBody, council=self.council, pk=pk)
        return self._render(request, body, NominatingBodyForm(instance=body))

    def post(self, request, slug, pk):
        body = get_object_or_404(NominatingBody, council=self.council, pk=pk)
        form = NominatingBodyForm(request.POST, instance=NominatingBody.objects.get(pk=body.pk))
        if form.is_valid():
            try:
                services.nominating_body_update(body=body, data=form.cleaned_data, by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Organisationen er gemt."))
                return redirect("membership:bodies", slug=self.council.slug)
        return self._render(request, body, form, 400)


class DecisionView(SecretariatView):
    """Register the board's appointment decision (R2): the only way members are made."""

    def _form(self, data=None):
        seats = list(
            Seat.objects.filter(council=self.council, retired_on__isnull=True).select_related("nominating_body")
        )
        return DecisionForm(data, seats=seats, nominations=list(selectors.appointable_nominations(self.council)))

    def _render(self, request, form, status=200):
        return self.page(
            "membership/decision.html",
            {
                "form": form,
                "rows": form.bound_rows(),
                "crumbs": self.crumbs((_("Registrér udpegning"), None)),
            },
            status,
        )

    def get(self, request, slug):
        return self._render(request, self._form())

    def post(self, request, slug):
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            term = councils.current_term(self.council, data["starts_on"])
            try:
                if term is None:
                    raise RuleViolation([Violation("starts_on", _("Der er ingen valgperiode på startdatoen."))])
                lines = self._lines(form, data)
                services.appointment_decision_register(
                    council=self.council,
                    term=term,
                    decided_on=data["decided_on"],
                    meeting=data["meeting"],
                    reference_text=data["reference"],
                    url=data.get("url") or "",
                    starts_on=data["starts_on"],
                    lines=lines,
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Udpegningen er registreret, og udpegningsbrevene er sendt."))
                return redirect("membership:seats", slug=self.council.slug)
        return self._render(request, form, 400)

    def _lines(self, form, data) -> list[services.AppointmentLine]:
        lines = []
        for seat in form.seats:
            if seat.kind == Seat.Kind.NOMINATED:
                chosen = data.get(f"seat_{seat.number}")
                if chosen:
                    lines.append(services.AppointmentLine(seat=seat, nomination=form.nominations[int(chosen)]))
            elif data.get(f"seat_{seat.number}_first_name"):
                prefix = f"seat_{seat.number}_"
                lines.append(
                    services.AppointmentLine(
                        seat=seat,
                        new_person=services.CandidateData(
                            first_name=data[prefix + "first_name"],
                            last_name=data[prefix + "last_name"],
                            email=data.get(prefix + "email") or "",
                            phone="",
                            street_address=data.get(prefix + "street_address") or "",
                            postcode=data[prefix + "postcode"],
                            city=data.get(prefix + "city") or "",
                        ),
                    )
                )
        return lines


class MembershipChangeView(SecretariatView):
    """A member resigns, moved away or died (end), or is reported as moved away (flag)."""

    def _membership(self, pk) -> Membership:
        return get_object_or_404(Membership.objects.select_related("person", "seat"), seat__council=self.council, pk=pk)

    def _render(self, request, membership, end_form, flag_form, status=200):
        return self.page(
            "membership/membership_change.html",
            {
                "membership": membership,
                "end_form": end_form,
                "flag_form": flag_form,
                "crumbs": self.crumbs((str(membership.person), None)),
            },
            status,
        )

    def get(self, request, slug, pk):
        membership = self._membership(pk)
        return self._render(request, membership, EndMembershipForm(prefix="end"), FlagMovedAwayForm(prefix="flag"))

    def post(self, request, slug, pk):
        membership = self._membership(pk)
        end_form, flag_form = EndMembershipForm(prefix="end"), FlagMovedAwayForm(prefix="flag")
        if "flag" in request.POST:
            flag_form = FlagMovedAwayForm(request.POST, prefix="flag")
            form = flag_form
            if flag_form.is_valid():
                try:
                    services.member_flag_moved_away(membership=membership, by=request.user, **flag_form.cleaned_data)
                except RuleViolation as violation:
                    violation.add_to_form(flag_form)
                else:
                    messages.success(request, _("Fraflytningen er registreret; medlemskabet skal nu afsluttes."))
                    return redirect("membership:seats", slug=self.council.slug)
        else:
            end_form = EndMembershipForm(request.POST, prefix="end")
            form = end_form
            if end_form.is_valid():
                try:
                    services.membership_end(
                        membership=membership,
                        reason=end_form.cleaned_data["reason"],
                        last_day=end_form.cleaned_data["last_day"],
                        by=request.user,
                    )
                except RuleViolation as violation:
                    violation.add_to_form(end_form)
                else:
                    messages.success(
                        request,
                        _("Medlemskabet er afsluttet. Pladsen er ledig, og der kan åbnes en indkaldelse til den."),
                    )
                    return redirect("membership:seats", slug=self.council.slug)
        del form
        return self._render(request, membership, end_form, flag_form, 400)


class PromoteView(SecretariatView):
    def _substitute(self, pk) -> Substitute:
        return get_object_or_404(
            Substitute.objects.select_related("person", "membership__person", "membership__seat"),
            membership__seat__council=self.council,
            pk=pk,
        )

    def _render(self, request, substitute, form, status=200):
        return self.page(
            "membership/promote.html",
            {
                "substitute": substitute,
                "form": form,
                "crumbs": self.crumbs((_("Stedfortræder indtræder"), None)),
            },
            status,
        )

    def get(self, request, slug, pk):
        substitute = self._substitute(pk)
        initial = {}
        if substitute.membership.ends_on:
            initial["starts_on"] = substitute.membership.ends_on + datetime.timedelta(days=1)
        return self._render(request, substitute, PromoteForm(initial=initial))

    def post(self, request, slug, pk):
        substitute = self._substitute(pk)
        form = PromoteForm(request.POST)
        if form.is_valid():
            try:
                services.substitute_promote(
                    substitute=substitute, starts_on=form.cleaned_data["starts_on"], by=request.user
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("%(name)s er indtrådt som medlem.") % {"name": substitute.person})
                return redirect("membership:seats", slug=self.council.slug)
        return self._render(request, substitute, form, 400)


class ResidenceConfirmView(SecretariatView):
    def post(self, request, slug, pk):
        person = get_object_or_404(
            Person.objects.filter(
                Q(nominations__call__council=self.council) | Q(substitute_nominations__call__council=self.council)
            ).distinct(),
            pk=pk,
        )
        resides = request.POST.get("resides") == "yes"
        services.person_confirm_residence(person=person, resides=resides, council=self.council, by=request.user)
        messages.success(request, _("Bopælen for %(name)s er registreret.") % {"name": person})
        target = local_next(request, request.POST.get("next")) or reverse("membership:seats", args=[self.council.slug])
        return redirect(target)
