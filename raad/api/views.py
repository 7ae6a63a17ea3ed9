"""The pages of the open-data layer: the API's documentation (from its OpenAPI document, no JavaScript) and the
secretariat's API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from raad.api import docs, selectors
from raad.api.forms import ApiTokenForm
from raad.api.models import ApiToken
from raad.api.services.tokens import api_token_create, api_token_revoke
from raad.core import workspace
from raad.core.errors import RuleViolation

SECTION = (gettext_lazy("API-nøgler"), "api_pages:tokens")


def documentation(request):
    return render(request, "api/docs.html", {"doc": docs.document()})


@method_decorator(never_cache, name="dispatch")
class TokensView(workspace.CouncilView):
    perm = "api.manage_tokens"
    section = SECTION

    def show(self, form, *, secret: str = "", errors=(), status: int = 200):
        return self.page(
            "api/tokens.html",
            {
                "tokens": selectors.tokens_of(self.council),
                "form": form,
                "secret": secret,
                "errors": list(errors),
                "crumbs": self.crumbs(),
            },
            status=status,
        )

    def get(self, request, slug):
        return self.show(ApiTokenForm())

    def post(self, request, slug):
        form = ApiTokenForm(request.POST)
        if not form.is_valid():
            return self.show(form, status=400)
        try:
            token, secret = api_token_create(
                council=self.council,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                by=request.user,
            )
        except RuleViolation as violation:
            return self.show(form, errors=violation.messages, status=400)
        # The secret is on this answer only: it is stored hashed and never shown again.
        return self.show(ApiTokenForm(), secret=secret)


class TokenRevokeView(workspace.CouncilView):
    perm = "api.manage_tokens"

    def post(self, request, slug, pk):
        token = ApiToken.objects.filter(council=self.council, pk=pk).first()
        if token is None:
            raise Http404(_("Nøglen findes ikke."))
        try:
            api_token_revoke(token=token, by=request.user)
        except RuleViolation as violation:
            messages.error(request, violation.messages[0])
        else:
            messages.success(request, _("Nøglen er tilbagekaldt. Den virker ikke længere."))
        return redirect("api_pages:tokens", self.council.slug)
