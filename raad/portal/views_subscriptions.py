"""E-mail subscriptions: the subscribe form, the confirm page and the unsubscribe page (signed links, no
account). See docs/subscriptions.md. Views are thin: the services do the work."""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from raad.core import ratelimit
from raad.core.errors import RuleViolation
from raad.core.i18n import citizen_page
from raad.core.workspace import council_for, public_crumbs
from raad.dialogue.selectors.topics import public_topic_choices
from raad.portal import links
from raad.portal.forms_subscriptions import SubscribeForm
from raad.portal.services import subscriptions as services

RATE_SCOPE = "subscription"


def _page(request, council, template, status=200, **context):
    title = _("Få nyheder på e-mail")
    return render(
        request,
        f"portal/subscriptions/{template}.html",
        {"council": council, "crumbs": public_crumbs(council, (title, None)), "days": links.CONFIRM_DAYS, **context},
        status=status,
    )


@citizen_page
def subscribe(request: HttpRequest, slug: str) -> HttpResponse:
    """The form. A flood from one address (or to one address) gets the 429 page."""
    council = council_for(request, slug)
    topics = public_topic_choices(council)
    if request.method != "POST":
        return _page(request, council, "form", form=SubscribeForm(topics=topics))
    form = SubscribeForm(request.POST, topics=topics)
    address = ratelimit.client_address(request)
    email = (request.POST.get("email") or "").strip().lower()
    if ratelimit.exceeded(RATE_SCOPE, address, email):
        return ratelimit.too_many(request)
    if form.is_robot:
        form.add_error(None, _("Tilmeldingen kunne ikke sendes. Lad feltet til robotter være tomt."))
        return _page(request, council, "form", status=400, form=form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.subscription_create(
                council=council,
                email=data["email"],
                language=translation.get_language() or "da",
                kinds=data["kinds"],
                topic=data["topic"],
            )
        except RuleViolation as violation:
            violation.add_to_form(form)
        else:
            ratelimit.count(RATE_SCOPE, address, email)
            return redirect(reverse("portal:subscription_sent", args=[council.slug]))
    return _page(request, council, "form", status=400, form=form)


@citizen_page
def sent(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Check your e-mail": the same whether the address was new or known (nobody learns who subscribes)."""
    council = council_for(request, slug)
    return _page(request, council, "sent")


@citizen_page
def confirm(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """GET shows a button (a mail scanner that opens links confirms nothing); POST confirms."""
    council = council_for(request, slug)
    try:
        subscription_id, secret = links.read_confirm_token(token)
    except signing.BadSignature:
        return _page(request, council, "invalid", status=404)
    if request.method != "POST":
        return _page(request, council, "confirm", token=token)
    subscription = services.subscription_confirm(subscription_id=subscription_id, secret=secret, council=council)
    if subscription is None:
        return _page(request, council, "invalid", status=404)
    return _page(request, council, "confirmed", unsubscribe_url=links.unsubscribe_path(subscription))


@csrf_exempt  # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" without a cookie or token
@citizen_page
def unsubscribe(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """GET asks "unsubscribe?" with a button; POST (the button, or the mail program's one click) unsubscribes
    and erases the address. Unsubscribing twice shows the same answer."""
    council = council_for(request, slug)
    try:
        subscription_id, secret = links.read_unsubscribe_token(token)
    except signing.BadSignature:
        return _page(request, council, "invalid", status=404)
    if request.method != "POST":
        return _page(request, council, "unsubscribe", token=token)
    services.subscription_unsubscribe(subscription_id=subscription_id, secret=secret)
    return _page(request, council, "unsubscribed")
