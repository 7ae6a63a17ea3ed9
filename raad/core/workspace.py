"""The workspace kernel every app builds its pages on (see docs/kernel-web.md).

- `council_for(request, slug, perm=None)`: the one council-from-URL loader. 404 for an unknown slug, 403
  without `perm`; remembers the council on the request so the site chrome needs no query of its own.
- `show_municipality(request, municipality)`: a page about a whole municipality; the chrome names it instead of
  a council. `show_installation(request)`: a page about the councils of several municipalities; it names none.
- `workspace_crumbs(...)` and `public_crumbs(...)`: the one breadcrumb builder, for the two halves of the site.
- `CouncilView`: a workspace page of one council (login and second factor, council loaded and checked).
- `ActionView`: a POST that validates one form and calls one service. Success: a message and a redirect.
  An invalid form or a rule that refuses: the page with the form shown again, the rule named, status 400.

Core cannot import the councils app, so the councils app registers how a council is found
(`register_councils` in its AppConfig.ready(), like the role providers in `core.roles`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views import View

from raad.core.errors import RuleViolation
from raad.core.translations import localized
from raad.core.views import WorkspaceMixin, require_perm

Crumb = tuple[str, str | None]

_by_slug: Callable[[str], Any] | None = None
_default: Callable[[], Any] | None = None


def register_councils(*, by_slug: Callable[[str], Any], default: Callable[[], Any]) -> None:
    """`by_slug(slug)` returns the council or raises `DoesNotExist`; `default()` the council shown in the
    chrome of a page that has none (or None)."""
    global _by_slug, _default
    _by_slug, _default = by_slug, default


def council_for(request: HttpRequest, slug: str, perm: str | None = None) -> Any:
    """The council in the URL, or 404; with `perm`, 403 unless the user holds it on that council."""
    assert _by_slug is not None, "the councils app registers its loader in ready()"
    try:
        council = _by_slug(slug)
    except ObjectDoesNotExist:
        raise Http404(_("Rådet findes ikke.")) from None
    request.council = council  # type: ignore[attr-defined]
    if perm is not None:
        require_perm(request, perm, council)
    return council


def council_or_default(slug: str | None) -> Any:
    """The council with `slug` when there is one, else the default council (or None). No 404: for a page
    that wants to know which council it is about before its view runs (the community-language check)."""
    if slug and _by_slug is not None:
        try:
            return _by_slug(slug)
        except ObjectDoesNotExist:
            pass
    return _default() if _default is not None else None


def show_municipality(request: HttpRequest, municipality: Any) -> None:
    """A page about a whole municipality (its landing page, a desk across its councils): the header and
    footer name the municipality, not one of its councils."""
    request.site_municipality = municipality  # type: ignore[attr-defined]
    request.site_scope = "municipality"  # type: ignore[attr-defined]


def show_installation(request: HttpRequest) -> None:
    """A page about every council of several municipalities (the front page then): the chrome names none."""
    request.site_scope = "installation"  # type: ignore[attr-defined]


def site_municipality(request: HttpRequest) -> Any:
    """The municipality a municipality-level page set with `show_municipality`, else None."""
    return getattr(request, "site_municipality", None)


def site_council(request: HttpRequest) -> Any:
    """The council in the page's header and footer: the one the view loaded, else the default one, looked
    up only if a template actually shows it. None on a page about a municipality or the whole installation
    (`show_municipality`, `show_installation`)."""
    if getattr(request, "site_scope", None) is not None:
        return None
    council = getattr(request, "council", None)
    if council is not None:
        return council
    return SimpleLazyObject(lambda: _default() if _default is not None else None)


def workspace_crumbs(council: Any | None, *rest: Crumb, section: Crumb | None = None) -> list[Crumb]:
    """Arbejdsrum › the council › the app's section › `rest`. Without `rest`, the section is the page itself."""
    crumbs: list[Crumb] = [(_("Arbejdsrum"), reverse("secretariat:dashboard"))]
    if council is not None:
        crumbs.append((localized(council, "name"), reverse("secretariat:council", args=[council.slug])))
    if section is not None:
        crumbs.append(section if rest else (section[0], None))
    crumbs.extend(rest)
    return crumbs


def public_crumbs(council: Any | None, *rest: Crumb, section: Crumb | None = None) -> list[Crumb]:
    """Forside › the council › the section › `rest`, for the public site."""
    crumbs: list[Crumb] = [(_("Forside"), reverse("portal:home"))]
    if council is not None:
        crumbs.append((localized(council, "name"), council.get_absolute_url()))
    if section is not None:
        crumbs.append(section if rest else (section[0], None))
    crumbs.extend(rest)
    return crumbs


class CouncilView(WorkspaceMixin, View):
    """A workspace page of the council in the URL (`<slug:slug>`).

    `perm` is checked on the council before any handler runs (None: the handler checks what it needs with
    `self.check`). `section` names the app's part of the workspace for the breadcrumbs: a label and the
    URL name of its first page, which takes the slug.
    """

    perm: str | None = None
    section: tuple[Any, str] | None = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.council = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:  # anonymous visitors go to the login page, not to a 404
            self.council = council_for(request, kwargs["slug"], self.perm)
            if getattr(self.council, "archived_at", None) and request.method not in ("GET", "HEAD", "OPTIONS"):
                # An archived council is read-only for everyone, the secretariat too (R1).
                return render(request, "core/errors/archived.html", {"council": self.council}, status=403)
        return super().dispatch(request, *args, **kwargs)

    def check(self, perm: str, obj: Any = None) -> None:
        """403 unless the user holds `perm` on `obj` (the council when not given)."""
        require_perm(self.request, perm, obj if obj is not None else self.council)

    def crumbs(self, *rest: Crumb) -> list[Crumb]:
        section = None
        if self.section is not None:
            label, url_name = self.section
            section = (str(label), reverse(url_name, args=[self.council.slug]))
        return workspace_crumbs(self.council, *rest, section=section)

    def page(self, template: str, context: dict, status: int = 200) -> HttpResponse:
        return render(self.request, template, {"council": self.council, **context}, status=status)


class ActionView(CouncilView):
    """A POST that validates one form (`form_class`, optional) and calls one service (`act`).

    Success: `success_message()` as a message and a redirect to `success_url()`. An invalid form, or a
    `RuleViolation` from the service: `invalid(form, errors)` shows the page again with the form as the user
    sent it and the rule named (on its field when the form has one, else in `errors` at the top), status 400.
    A GET goes to the page the action belongs to.
    """

    form_class: Any = None
    success: Any = ""

    def load(self) -> None:
        """Fetch the objects the action works on (from `self.kwargs`) and check permissions on them."""

    def make_form(self, data, files):
        return self.form_class(data, files) if self.form_class is not None else None

    def act(self, data: dict) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def success_message(self) -> str:
        return str(self.success)

    def success_url(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def invalid(self, form, errors: list[str]) -> HttpResponse:  # pragma: no cover - overridden
        """The page with `form` and `errors`, status 400."""
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.load()
        return redirect(self.success_url())

    def post(self, request, *args, **kwargs):
        self.load()
        form = self.make_form(request.POST, request.FILES)
        errors: list[str] = []
        if form is None or form.is_valid():
            try:
                self.act(form.cleaned_data if form is not None else {})
            except RuleViolation as violation:
                if form is not None and any(getattr(v, "field", None) in form.fields for v in violation.violations):
                    violation.add_to_form(form)
                else:
                    errors = violation.messages
            else:
                message = self.success_message()
                if message:
                    messages.success(request, message)
                return redirect(self.success_url())
        return self.invalid(form, errors)
