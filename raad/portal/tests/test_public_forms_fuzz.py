"""Every form a citizen without a login can post, and every public page that reads query parameters, fuzzed with
hypothesis (issue 15): random text (unicode, right-to-left, NUL bytes, very long, CPR-like, HTML/script), missing
and extra fields, several values for one field, wrong types, huge numbers, bad dates and choices, bad files.

The fields come from the rendered page itself (the form's inputs, selects and textareas with their options), so
a field added to a form is fuzzed without touching this file. What must hold: never a server error; a 400 shows
the form's error messages; a value typed into the form comes back in the re-rendered form.
`test_every_public_form_is_fuzzed` fails when a public route that takes a POST (or reads query parameters)
appears without a row here.

Bounded (RAAD_FUZZ_EXAMPLES examples per form, default 12): the module takes well under a minute on SQLite."""

from __future__ import annotations

import inspect
import os
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.html import escape
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("RAAD_FUZZ_EXAMPLES", "12"))
SLUG = "integrationsraadet"
ECHO = "Fuzz Ærø 4711"

# --- The inventory -------------------------------------------------------------------------------------------

# Route names outside the fuzz, with the reason: a login is needed, or the route is not a form.
NOT_PUBLIC = {
    "core:account": "needs a login",
    "core:otp_setup": "needs a login",
    "core:otp_verify": "needs a password login in progress; anonymous visitors are sent to the login",
    "core:logout": "the logged-in person's button",
}
SKIPPED_PREFIXES = ("admin/", "arbejdsrum/", "api/", "oparl/")  # workspace and admin (login); the APIs: schemathesis


@dataclass
class Target:
    url: str  # a template over the demo ids the `targets` fixture knows, e.g. "/raad/{slug}/skriv/"
    echo: str | None = None  # a text field whose typed value the re-rendered form must show
    form: str = ""  # a substring of the form's action, when the page has several forms
    query: tuple[str, ...] = ()  # parameters the view reads outside the form
    invalid: dict[str, str] = field(default_factory=dict)  # values that make the form invalid, for the echo check
    page: str = ""  # the page that shows the form, when it is not `url` itself


POST_TARGETS = {
    "set_language": Target("/i18n/setlang/", query=("language", "next"), form="setlang", page="/"),
    "core:login": Target("/konto/log-ind/", echo="username", invalid={"password": ""}, query=("next",)),
    "core:password_reset": Target("/konto/adgangskode/", echo="email", invalid={"email": "ikke en adresse"}),
    "core:password_reset_confirm": Target("{reset_url}", invalid={"new_password2": "noget andet 1"}),
    "core:easy_read": Target("/konto/let-dansk/", query=("let_dansk", "next")),
    "membership:nominate": Target("/indstilling/{nominate_token}/", echo="first_name", invalid={"seat": "x"}),
    "membership:confirm": Target("/indstilling/bekraeft/{confirm_token}/"),
    "membership:submitter_confirm": Target("/indstilling/kvittering/{submitter_token}/"),
    "dialogue:inquiry_form": Target("/raad/{slug}/skriv/", echo="name", invalid={"text": ""}),
    "community:event_register": Target(
        "/raad/{slug}/arrangementer/{event}/tilmeld/",
        echo="name",
        invalid={"email": "ikke en adresse"},
        page="/raad/{slug}/arrangementer/{event}/",
        form="tilmeld",
    ),
    "community:event_registration": Target("/raad/{slug}/arrangementer/tilmelding/{registration_token}/"),
    "community:association_request": Target(
        "/raad/{slug}/foreninger/bliv-optaget/", echo="name", invalid={"email": "x"}
    ),
    "portal:subscribe": Target("/raad/{slug}/abonnement/", echo="email", invalid={"email": "ikke@"}),
    "portal:subscription_confirm": Target("/raad/{slug}/abonnement/bekraeft/{subscription_confirm}/"),
    "portal:subscription_unsubscribe": Target("/raad/{slug}/abonnement/afmeld/{subscription_unsubscribe}/"),
}
GET_TARGETS = {
    "portal:home": Target("/", query=("q",)),
    "portal:search": Target("/soeg/", query=("q", "side")),
    "portal:rules": Target("/raad/{slug}/forretningsorden/", query=("dato",)),
    "statements:public_archive": Target("/raad/{slug}/hoeringssvar/", query=("side",)),
    "meetings_public:list": Target("/raad/{slug}/moeder/", query=("aar", "side")),
    "community:events": Target("/raad/{slug}/arrangementer/", query=("side",)),
    "community:events_calendar": Target("/raad/{slug}/arrangementer/kalender/", query=("maaned",)),
    "community:associations": Target("/raad/{slug}/foreninger/", query=("side",)),
    "community:press_public": Target("/raad/{slug}/presse/", query=("aar", "side")),
    "dialogue:public_topics": Target("/raad/{slug}/emner/", query=("status", "side")),
    "dialogue:inquiry_status": Target("/raad/{slug}/henvendelse/{inquiry_token}/", query=("modtaget",)),
    "community:event_registration": Target(
        "/raad/{slug}/arrangementer/tilmelding/{registration_token}/", query=("modtaget",)
    ),
    "core:easy_read": Target("/konto/let-dansk/", query=("let_dansk", "next")),
}


def _routes(patterns=None, prefix="", namespace=()):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), ":".join((*namespace, pattern.name or "")), pattern.callback


def _reads(callback) -> tuple[bool, bool]:
    """(takes a POST, reads query parameters), from the view class's methods or the function's source."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post"), False
    while hasattr(callback, "__wrapped__"):
        callback = callback.__wrapped__
    source = inspect.getsource(callback)
    return "POST" in source or "set_language" in source, "request.GET" in source or "paginate(" in source


def test_every_public_form_is_fuzzed():
    posts, gets = set(), set()
    for route, name, callback in _routes():
        if route.startswith(SKIPPED_PREFIXES) or name in NOT_PUBLIC:
            continue
        takes_post, reads_query = _reads(callback)
        if takes_post:
            posts.add(name)
        if reads_query:
            gets.add(name)
    assert posts == set(POST_TARGETS), "a public route that takes a POST needs a row in POST_TARGETS"
    assert gets <= set(GET_TARGETS), "a public page that reads query parameters needs a row in GET_TARGETS"


# --- The form as the page renders it -------------------------------------------------------------------------


class _Forms(HTMLParser):
    """Every <form> of a page: method, action and fields (name → kind and the offered values)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action") or ""})
            self.forms[-1]["fields"] = {}
            return
        if not self.forms or not attrs.get("name"):
            if tag == "option" and self._select and self.forms:
                self.forms[-1]["fields"][self._select][1].append(attrs.get("value", ""))
            return
        fields = self.forms[-1]["fields"]
        name = attrs["name"]
        if tag == "button":
            fields.setdefault(name, ["select", []])[1].append(attrs.get("value", ""))
        elif tag == "input":
            kind = attrs.get("type", "text")
            fields.setdefault(name, [kind, []])[1].append(attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea":
            fields.setdefault(name, ["textarea", []])
        elif tag == "select":
            fields.setdefault(name, ["select", []])
            self._select = name

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def page_form(client, url: str, method: str, action: str = "") -> dict:
    """The fields of the page's own form: the one whose action contains `action` when given, else the biggest
    one that posts to the page itself (not the header's language switch or search box). {} for a page that
    only redirects (a GET target whose parameters the view reads without a form)."""
    response = client.get(url, follow=method == "post")
    if method == "get" and response.status_code == 302:
        return {}
    assert response.status_code == 200, url
    url = response.request["PATH_INFO"]
    parser = _Forms()
    parser.feed(response.content.decode())
    forms = [
        form
        for form in parser.forms
        if form["method"] == method and (action in form["action"] if action else form["action"] in ("", url, "?", "."))
    ]
    return max(forms, key=lambda form: len(form["fields"]))["fields"] if forms else {}


# --- What we type ---------------------------------------------------------------------------------------------

NASTY = [
    "\x00",
    "tekst\x00med nul",
    "\u202egnirts\u202c",
    "مرحبا، هذا نص عربي",
    "0101901234",
    "010190-1234",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "9" * 40,
    "-1",
    "0",
    "1e309",
    "NaN",
    "2026-02-30",
    "0000-00-00",
    "31.12.99999",
    "9999-12-31T25:61",
    " ",
    "%00",
    "../../etc/passwd",
    "{{ request }}{% debug %}",
    "\r\n\t",
    "😀👩‍👩‍👧",
    "x" * 6000,
    "æ" * 70000,
    "a@b",
    "navn@eksempel.dk\x00",
]
nasty = st.one_of(st.sampled_from(NASTY), st.text(max_size=30))
plain = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåÆØÅ 0123456789", min_size=1, max_size=30)
HONEYPOTS = {"website", "fax"}


def value_for(kind: str, offered: list[str]) -> st.SearchStrategy:
    offered = [value for value in offered if value]
    sensible = {
        "email": st.sampled_from(["borger@test.invalid", "a.b+c@eksempel.dk"]),
        "number": st.integers(-(10**20), 10**20).map(str),
        "date": st.dates().map(str),
        "datetime-local": st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
        "tel": st.sampled_from(["12345678", "+45 12 34 56 78"]),
    }.get(kind, plain)
    options = [st.sampled_from(offered)] if offered and kind in ("select", "radio", "checkbox") else []
    single = st.one_of(*options, sensible, nasty)
    return st.one_of(single, st.lists(single, min_size=2, max_size=3))


uploads = st.builds(
    lambda name, content, content_type: SimpleUploadedFile(name, content, content_type=content_type),
    st.sampled_from(["erklaering.pdf", "x.exe", "../../evil.pdf", "\x00.pdf", "æøå.docx", "a" * 300 + ".pdf"]),
    st.one_of(st.binary(max_size=300), st.just(b"%PDF-1.4\n%fake\n"), st.just(b"")),
    st.sampled_from(["application/pdf", "text/html", "application/octet-stream", "\x00/\x00"]),
)


def data_for(fields: dict, query: tuple[str, ...] = ()) -> st.SearchStrategy:
    optional = {}
    for name, (kind, offered) in fields.items():
        if name == "csrfmiddlewaretoken" or kind in ("submit", "button"):
            continue
        if name in HONEYPOTS:
            optional[name] = st.sampled_from(["", "", "", "http://robot.invalid"])
        elif kind == "file":
            optional[name] = uploads
        else:
            optional[name] = value_for(kind, offered)
    for name in query:
        optional.setdefault(name, value_for("text", []))
    return st.fixed_dictionaries({}, optional={**optional, "ukendt_felt": nasty})


# --- The demo objects the URLs need --------------------------------------------------------------------------


@pytest.fixture
def targets(demo_data, settings):
    """The demo's ids and signed links, and settings that let every example reach the form."""
    from raad.community import event_links
    from raad.community.models import Event, EventRegistration
    from raad.core.models import User
    from raad.councils.models import Council
    from raad.councils.selectors import current_term
    from raad.dialogue import links as dialogue_links
    from raad.dialogue.models import Inquiry
    from raad.membership import links as membership_links
    from raad.membership.models import Seat
    from raad.membership.services.decisions import CandidateData
    from raad.membership.services.nominations import nomination_call_open, nomination_submit
    from raad.portal import links as portal_links
    from raad.portal.services.subscriptions import subscription_create

    settings.PUBLIC_FORM_RATE_LIMIT = 10**6  # the limit is tested elsewhere; here every example must reach the form
    settings.AXES_FAILURE_LIMIT = 10**6
    now = timezone.now()
    event = Event.objects.filter(council__slug=SLUG, starts_at__gt=now + timedelta(days=1)).order_by("starts_at")[0]
    registration = EventRegistration.objects.filter(event__council__slug=SLUG).order_by("pk")[0]
    council = Council.objects.get(slug=SLUG)
    seat = Seat.objects.get(council=council, number=5)  # a nominated seat: its body may nominate (as the demo has)
    call = nomination_call_open(
        council=council, term=current_term(council), title="Plads 5", deadline=now + timedelta(days=7), by=None
    )
    candidate = CandidateData(
        first_name="Ida",
        last_name="Fuzzesen",
        email="ida@test.invalid",
        phone="",
        street_address="Kanalstræde 2",
        postcode="4300",
        city="Holbæk",
    )
    nomination = nomination_submit(
        call=call,
        nominating_body=seat.nominating_body,
        seat=seat,
        candidate=candidate,
        substitute=CandidateData(**{**candidate.__dict__, "first_name": "Jens", "email": "jens@test.invalid"}),
        motivation="Erfaring fra foreningslivet.",
        submitted_by_name="Ole Indsender",
        submitted_by_email="ole@test.invalid",
    )
    subscription = subscription_create(council=council, email="abonnent@test.invalid", language="da", kinds=["agendas"])
    user = User.objects.filter(is_active=True).order_by("pk")[0]
    return {
        "slug": SLUG,
        "event": event.pk,
        "registration_token": event_links.registration_token(registration_id=registration.pk),
        "nominate_token": membership_links.nominate_token(call_id=call.pk, body_id=seat.nominating_body_id),
        "confirm_token": membership_links.confirm_token(nomination_id=nomination.pk, who="candidate"),
        "submitter_token": membership_links.submitter_token(nomination_id=nomination.pk),
        "inquiry_token": dialogue_links.status_token(inquiry_id=Inquiry.objects.order_by("pk")[0].pk),
        "subscription_confirm": portal_links.confirm_url(subscription).rstrip("/").rsplit("/", 1)[1],
        "subscription_unsubscribe": portal_links.unsubscribe_path(subscription).rstrip("/").rsplit("/", 1)[1],
        "reset_url": reverse(
            "core:password_reset_confirm",
            args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
        ),
    }


def _post(client, url: str, data: dict):
    return client.post(url, data)


def _check(response, target: Target, data: dict, url: str):
    assert response.status_code < 500, (url, data)
    if response.status_code == 400 and "text/html" in response.get("Content-Type", ""):
        content = response.content.decode()
        assert 'id="form-errors"' in content or "form-error-message" in content or "alert-error" in content, (
            url,
            data,
        )
        typed = data.get(target.echo) if target.echo else None
        if isinstance(typed, str) and typed.strip() and set(typed) <= set(PLAIN) and target.echo in _fields(content):
            assert escape(typed.strip()) in content, (url, target.echo, typed)


PLAIN = "abcdefghijklmnopqrstuvwxyzæøåÆØÅ 0123456789"


def _fields(content: str) -> set[str]:
    parser = _Forms()
    parser.feed(content)
    return {name for form in parser.forms for name in form["fields"]}


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["post", "get"])
def test_public_forms_survive_random_input(client, targets, kind):
    chosen = POST_TARGETS if kind == "post" else GET_TARGETS
    failures = []
    for name, target in chosen.items():
        url = target.url.format(**targets)
        fields = page_form(client, (target.page or target.url).format(**targets), kind, target.form)
        url = redirected(client, url)
        if kind == "post" and target.echo:
            assert target.echo in fields, (name, sorted(fields))
        try:
            fuzz(client, url, kind, target, fields)
        except Exception as failure:  # every form's failure in one report, not only the first one's
            failures.append(f"{name}: {failure!r}"[:2000])
    assert not failures, "\n\n".join(failures)


def redirected(client, url: str) -> str:
    """The password reset link moves its token into the session and redirects to the form: post there."""
    return client.get(url, follow=True).request["PATH_INFO"] if "/adgangskode/ny/" in url else url


def fuzz(client, url: str, kind: str, target: Target, fields: dict) -> None:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],  # no shrinking: bounded time; the failure shows the data
        report_multiple_bugs=False,
    )
    @given(data=data_for(fields, target.query))
    def submit(data):
        if kind == "post":
            response = client.post(url, data)
        else:
            response = client.get(url, {key: value for key, value in data.items() if not hasattr(value, "read")})
        _check(response, target, data, url)

    submit()


def test_invalid_input_keeps_what_was_typed(client, targets):
    """For each form with a text field: an invalid submission answers 400 with the error messages and shows the
    typed value again."""
    for name, target in POST_TARGETS.items():
        if not target.echo:
            continue
        url = target.url.format(**targets)
        fields = page_form(client, (target.page or target.url).format(**targets), "post", target.form)
        url = redirected(client, url)
        data = {key: next((v for v in offered if v), "") for key, (kind, offered) in fields.items() if kind != "file"}
        data.update({key: "" for key in HONEYPOTS & set(data)})
        data.update(target.invalid)
        data[target.echo] = ECHO if "email" not in target.echo else "ikke-en-adresse " + ECHO
        response = client.post(url, data)
        assert response.status_code in (200, 400), (name, response.status_code)
        content = response.content.decode()
        assert "form-error-message" in content or 'id="form-errors"' in content, name
        assert escape(data[target.echo]) in content, (name, target.echo)


@pytest.mark.parametrize(
    "asked", ["ê", "home", "/\x00", "/a\r\nSet-Cookie: x=1", "//evil.invalid/", "https://evil.invalid/"]
)
def test_a_next_that_is_not_a_path_on_this_site_goes_home(client, asked):
    """Found by the fuzzer: `?next=ê` was reversed as a URL name by redirect() (a server error)."""
    response = client.get("/konto/let-dansk/", {"let_dansk": "1", "next": asked})
    assert (response.status_code, response["Location"]) == (302, "/")
    response = client.get("/konto/let-dansk/", {"let_dansk": "0", "next": "/raad/integrationsraadet/?side=2"})
    assert (response.status_code, response["Location"]) == (302, "/raad/integrationsraadet/?side=2")


def test_confirming_a_nomination_twice_shows_the_confirmation(client, targets):
    """Found by the fuzzer: the second post of a confirmed candidate answered 400 without any message, on a page
    that says the nomination is confirmed."""
    url = f"/indstilling/bekraeft/{targets['confirm_token']}/"
    first = client.post(url, {"consent": "on"})
    again = client.post(url, {})
    assert (first.status_code, again.status_code) == (200, 200)
    assert "Tak. Du har bekræftet indstillingen." in again.content.decode()
