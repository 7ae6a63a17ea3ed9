"""The confidentiality gate (R27): a member or substitute who has not accepted the duty of confidentiality since
their appointment sees the acceptance page before any workspace page."""

from __future__ import annotations

import re

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

_WORKSPACE = re.compile(r"^(?:/[a-z]{2}(?:-[a-z]+)?)?/arbejdsrum/")


class ConfidentialityGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and _WORKSPACE.match(request.path):
            target = reverse("membership:confidentiality")
            if request.path != target:
                from raad.membership.selectors import confidentiality_pending

                if confidentiality_pending(user) is not None:
                    return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
