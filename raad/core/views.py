"""Log in (password, then a one-time code where required), log out, reset password."""

from __future__ import annotations

import base64
import logging
from urllib.parse import quote

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from raad.core import ratelimit, services
from raad.core.errors import RuleViolation
from raad.core.forms import LanguageForm, LoginForm, TokenForm
from raad.core.links import local_next
from raad.core.sso import sso_enabled
from raad.core.twofactor import confirmed_device, forget_provider_factor, requires_two_factor

security_log = logging.getLogger("raad.security")


def _next_url(request, default: str = "") -> str:
    """The `next` page asked for, when it is on this site; else the page `default` (a URL name; the page
    after logging in when none is given)."""
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    return local_next(request, candidate) or reverse(default or settings.LOGIN_REDIRECT_URL)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "core/login.html"
    redirect_authenticated_user = False

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, sso_enabled=sso_enabled())

    def form_valid(self, form):
        response = super().form_valid(form)
        forget_provider_factor(self.request)  # a second factor asserted at an earlier SSO login does not count
        if requires_two_factor(self.request.user):
            target = "core:otp_verify" if confirmed_device(self.request.user) else "core:otp_setup"
            return redirect(f"{reverse(target)}?{REDIRECT_FIELD_NAME}={quote(_next_url(self.request), safe='/')}")
        return response


class OTPVerifyView(LoginRequiredMixin, View):
    template_name = "core/otp_verify.html"

    def get(self, request):
        if confirmed_device(request.user) is None:
            return redirect("core:otp_setup")
        return render(request, self.template_name, {"form": TokenForm(), "next": _next_url(request)})

    def post(self, request):
        device = confirmed_device(request.user)
        if device is None:
            return redirect("core:otp_setup")
        form = TokenForm(request.POST)
        if form.is_valid():
            allowed, details = device.verify_is_allowed()
            if not allowed:
                wait = 1
                if details and details.get("locked_until"):
                    wait = max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
                form.add_error("token", _("For mange forkerte koder. Vent %(n)s sekunder, og prøv igen.") % {"n": wait})
            elif device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_next_url(request))
            else:
                form.add_error("token", _("Koden er forkert eller udløbet. Prøv den næste kode fra appen."))
        return render(request, self.template_name, {"form": form, "next": _next_url(request)}, status=400)


class OTPSetupView(LoginRequiredMixin, View):
    """Add an authenticator app: scan the QR code (or type the key), then confirm with a code. The secret
    stays in the session until a code confirms it; only then is the device written."""

    template_name = "core/otp_setup.html"
    session_key = "raad_totp_setup_key"

    def _key(self, request) -> str:
        key = request.session.get(self.session_key)
        if not key:
            key = request.session[self.session_key] = random_hex(20)
        return key

    def _context(self, request, key: str, form: TokenForm) -> dict:
        device = TOTPDevice(user=request.user, name="Authenticator", key=key)  # not saved: for its URL and key
        qr = segno.make(device.config_url, micro=False)
        return {
            "form": form,
            "qr_svg": qr.svg_inline(scale=4, title=_("QR-kode til godkendelsesapp")),
            "secret": base64.b32encode(device.bin_key).decode().rstrip("="),
            "next": _next_url(request),
        }

    def get(self, request):
        if confirmed_device(request.user) is not None:
            return redirect("core:otp_verify")
        return render(request, self.template_name, self._context(request, self._key(request), TokenForm()))

    def post(self, request):
        if confirmed_device(request.user) is not None:
            return redirect("core:otp_verify")
        key = self._key(request)
        form = TokenForm(request.POST)
        if form.is_valid():
            device = services.totp_device_register(user=request.user, key_hex=key, token=form.cleaned_data["token"])
            if device is not None:
                del request.session[self.session_key]
                otp_login(request, device)
                messages.success(request, _("Tofaktorgodkendelse er slået til for din konto."))
                return redirect(_next_url(request))
            form.add_error("token", _("Koden passer ikke. Tjek, at uret på din telefon går rigtigt, og prøv igen."))
        return render(request, self.template_name, self._context(request, key, form), status=400)


class WorkspaceMixin(LoginRequiredMixin):
    """Every workspace page: logged in, and verified with a second factor where the account needs it."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if requires_two_factor(request.user) and not request.user.is_verified():
            target = "core:otp_verify" if confirmed_device(request.user) else "core:otp_setup"
            return redirect(f"{reverse(target)}?{REDIRECT_FIELD_NAME}={request.get_full_path()}")
        return super().dispatch(request, *args, **kwargs)


class AccountView(WorkspaceMixin, View):
    """The user's own account: the language of the e-mails they receive."""

    def _render(self, request, form, status=200):
        crumbs = [(_("Arbejdsrum"), reverse("secretariat:dashboard")), (_("Min konto"), None)]
        return render(request, "core/account.html", {"form": form, "crumbs": crumbs}, status=status)

    def get(self, request):
        return self._render(request, LanguageForm(initial={"language": request.user.language}))

    def post(self, request):
        form = LanguageForm(request.POST)
        if form.is_valid():
            try:
                services.user_set_language(user=request.user, language=form.cleaned_data["language"], by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Dit valg er gemt."))
                return redirect("core:account")
        return self._render(request, form, status=400)


def require_perm(request, perm: str, obj) -> None:
    """403 unless the user has `perm` on `obj` (a rules predicate)."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(_("Du har ikke adgang til at gøre dette."))


_password_reset = auth_views.PasswordResetView.as_view(
    template_name="core/password_reset.html",
    email_template_name="core/email/password_reset.txt",
    subject_template_name="core/email/password_reset_subject.txt",
    success_url=reverse_lazy("core:password_reset_done"),
)


def password_reset(request, *args, **kwargs):
    """The reset form mails a link: at most PUBLIC_FORM_RATE_LIMIT requests per address in the window."""
    if request.method == "POST":
        address = ratelimit.client_address(request)
        if ratelimit.exceeded("password-reset", address):
            return ratelimit.too_many(request)
        ratelimit.count("password-reset", address)
    return _password_reset(request, *args, **kwargs)


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="core/password_reset_done.html",
    extra_context={"valid_hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)},
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="core/password_reset_confirm.html", success_url=reverse_lazy("core:password_reset_complete")
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="core/password_reset_complete.html"
)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): logins for this user name from this address are
    paused for AXES_COOLOFF_MINUTES; elsewhere the account works. Logged (logger "raad.security")."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME * 60))
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    security_log.warning(
        "Login paused for %d minutes: user name %r from address %s (too many wrong passwords).",
        minutes,
        username[:150],
        getattr(request, "axes_ip_address", None) or ratelimit.client_address(request),
    )
    return render(request, "core/locked_out.html", {"minutes": minutes}, status=429)


def easy_read(request):
    """Switch easy-read Danish (let dansk) on or off for this visitor (the session), then back to the page.
    POST (the toggle's button) or GET (a plain link) with `let_dansk=1` or `0` and `next`."""
    from django.http import HttpResponseNotAllowed

    from raad.core.translations import EASY_READ_SESSION_KEY

    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    data = request.POST if request.method == "POST" else request.GET
    if "let_dansk" in data:
        request.session[EASY_READ_SESSION_KEY] = data.get("let_dansk") == "1"
    return redirect(_next_url(request, "portal:home"))
