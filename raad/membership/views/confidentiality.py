"""The duty of confidentiality (tavshedspligt, R27): a member or substitute accepts it on the first visit to the
workspace after their appointment (the gate is `raad.membership.middleware`)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from raad.core.links import local_next
from raad.core.views import WorkspaceMixin
from raad.membership import selectors, services


class ConfidentialityView(WorkspaceMixin, View):
    def _next(self, request) -> str:
        target = request.POST.get("next") or request.GET.get("next") or ""
        return local_next(request, target) or reverse("secretariat:dashboard")

    def _page(self, request, *, error: str = "", status: int = 200):
        context = {"next": self._next(request), "error": error, "errors": [error] if error else []}
        return render(request, "membership/confidentiality.html", context, status=status)

    def get(self, request):
        if selectors.confidentiality_pending(request.user) is None:
            return redirect(self._next(request))
        return self._page(request)

    def post(self, request):
        person = selectors.confidentiality_pending(request.user)
        if person is None:
            return redirect(self._next(request))
        if request.POST.get("accept") != "1":
            return self._page(
                request, error=_("Sæt kryds for at bekræfte, at du kender og overholder tavshedspligten."), status=400
            )
        services.confidentiality_acknowledge(person=person, by=request.user)
        messages.success(request, _("Tak. Din accept af tavshedspligten er registreret."))
        return redirect(self._next(request))
