"""The world of the authorization matrix (test_authorization_matrix.py): the demo's councils, one login per role,
and the URL kwargs that name one object of each kind of council A (Integrationsrådet) or of council B
(Handicaprådet)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Count, Max
from django.test import Client

ROLES = [
    "anon",  # no login, no link
    "link",  # a citizen holding the signed links the product mails (inquiry receipt, registration, subscription …)
    "member",
    "sub_before",  # a substitute whose member has not sent an apology for the meeting
    "sub_after",  # Sara Lindholm, called in: Ahmad sent an apology for the coming meeting
    "chair",
    "vice",
    "liaison",
    "sec",  # the secretariat of council A
    "sec_b",  # the secretariat of council B only
    "member_b",  # a member of council B
]


@dataclass
class World:
    a: Any
    b: Any
    users: dict[str, Any] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)  # route name -> a valid signed token
    objects: dict[str, Any] = field(default_factory=dict)
    kwargs: dict[tuple, dict] = field(default_factory=dict)  # (council, route, link?) -> URL kwargs, built once


def _first(label: str, **filters):
    return apps.get_model(label).objects.filter(**filters).order_by("pk").first()


def build_world() -> World:
    from raad.community.event_links import registration_token
    from raad.core.models import User
    from raad.core.roles import Role
    from raad.councils.models import Council
    from raad.councils.services import staff_assign
    from raad.dialogue.links import status_token
    from raad.meetings.models import Meeting
    from raad.meetings.services import apology_send
    from raad.membership.models import Membership, Substitute
    from raad.membership.services import confidentiality_acknowledge, person_link_user
    from raad.portal import links as portal_links
    from raad.testing.cast import make_user

    a = Council.objects.get(slug="integrationsraadet")
    b = Council.objects.get(slug="handicapraadet")
    world = World(a=a, b=b)
    get = User.objects.get
    world.users.update(
        member=get(username="medlem"),
        sub_after=get(username="stedfortraeder"),
        chair=get(username="forperson"),
        vice=get(username="naestforperson"),
        liaison=get(username="kontaktperson"),
        sec=get(username="sekretariat"),
    )
    # A second substitute with a login (Sara's member is the one who sends an apology).
    other_sub = (
        Substitute.objects.filter(membership__seat__council=a, person__user__isnull=True, ends_on__isnull=True)
        .select_related("person")
        .order_by("pk")
        .first()
    )
    sub_user = make_user("sub_foer", other_sub.person.first_name, other_sub.person.last_name)
    person_link_user(person=other_sub.person, user=sub_user, by=None)
    confidentiality_acknowledge(person=other_sub.person, by=sub_user)
    world.users["sub_before"] = sub_user
    # The secretariat of council B only, and a member of council B.
    sec_b = make_user("sek_b", "Bente", "Brask")
    staff_assign(council=b, user=sec_b, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None)
    world.users["sec_b"] = sec_b
    member_b = Membership.objects.filter(seat__council=b, person__user__isnull=True).select_related("person").first()
    user_b = make_user("medlem_b", member_b.person.first_name, member_b.person.last_name)
    person_link_user(person=member_b.person, user=user_b, by=None)
    confidentiality_acknowledge(person=member_b.person, by=user_b)
    world.users["member_b"] = user_b

    # The meetings: a held one with published minutes, and the next planned one, where Sara is called in.
    published = Meeting.objects.filter(council=a, minutes__published_at__isnull=False).order_by("-starts_at")
    held = published.filter(items__attachments__is_closed=False, items__is_closed=False).first() or published.first()
    coming = Meeting.objects.filter(council=a, status__in=["planned", "notified"]).order_by("starts_at").first()
    ahmad = Membership.objects.get(person__user=world.users["member"], seat__council=a)
    apology_send(meeting=coming, membership=ahmad, by=world.users["member"])
    world.objects.update(held=held, coming=coming, held_b=Meeting.objects.filter(council=b).order_by("pk").first())

    inquiry = _first("dialogue.Inquiry", council=a)
    registration = _first("community.EventRegistration", event__council=a)
    subscription = _first("portal.Subscription", council=a)
    world.tokens["dialogue:inquiry_status"] = status_token(inquiry_id=inquiry.pk)
    world.tokens["community:event_registration"] = registration_token(registration_id=registration.pk)
    if subscription is not None:
        world.tokens["portal:subscription_confirm"] = portal_links.confirm_url(subscription).rstrip("/").split("/")[-1]
        world.tokens["portal:subscription_unsubscribe"] = (
            portal_links.unsubscribe_url(subscription).rstrip("/").split("/")[-1]
        )
    return world


def client_for(world: World, role: str, *, csrf: bool = False) -> Client:
    from raad.testing.cast import log_in_verified

    client = Client(enforce_csrf_checks=csrf)
    user = world.users.get(role)
    if user is not None:
        log_in_verified(client, user)  # a verified second factor (the secretariat needs it; harmless for others)
    return client


def snapshot() -> dict[str, tuple]:
    """Row count and latest change of every model (one query each): enough to see a refused POST wrote."""
    found = {}
    for model in apps.get_models():
        if not model._meta.managed or model._meta.label in ("sessions.Session",) or model._meta.app_label == "axes":
            continue
        fields = {f.name for f in model._meta.concrete_fields}
        aggregates = {"n": Count("pk")}
        if "updated_at" in fields:
            aggregates["u"] = Max("updated_at")
        found[model._meta.label] = tuple(model.objects.aggregate(**aggregates).values())
    return found


MISSING = 999999  # an id no object has


def _pk(obj) -> int:
    return obj.pk if obj is not None else MISSING


def url_kwargs(world: World, council, name: str, params: list[str], *, role: str = "link") -> dict[str, Any]:
    """The kwargs of route `name` naming objects of `council` (tokens: valid for the role `link`, forged else)."""
    key = (council.pk, name, role == "link")
    if key not in world.kwargs:
        world.kwargs[key] = _url_kwargs(world, council, name, params, role=role)
    return world.kwargs[key]


def _url_kwargs(world: World, council, name: str, params: list[str], *, role: str) -> dict[str, Any]:
    c = council
    held = world.objects["held"] if c == world.a else world.objects["held_b"]
    ns, _sep, short = name.partition(":")
    item = _first("meetings.AgendaItem", meeting=held, is_closed=False)
    values: dict[str, Any] = {}
    for param in params:
        value: Any = MISSING
        if param == "slug":
            value = c.slug
        elif param == "token":
            value = world.tokens.get(name, "forged") if role == "link" else "forged"
        elif param == "year" and name == "secretariat:annual_report":  # the year of the demo's report
            value = getattr(_first("secretariat.AnnualReport", council=c), "year", held.starts_at.year)
        elif param == "year" and name.startswith("annual_report_public"):
            value = getattr(_first("secretariat.AnnualReport", council=c, published_at__isnull=False), "year", 1999)
        elif param == "year" and ns == "finance":  # a year with a budget (the demo's years move with the clock)
            value = getattr(_first("finance.BudgetYear", council=c), "year", held.starts_at.year)
        elif param == "year":
            value = held.starts_at.year
        elif param == "item_pk":
            value = _pk(item)
        elif param == "attachment_pk":
            value = _pk(_first("meetings.Attachment", item__meeting=held, item__is_closed=False, is_closed=False))
        elif param == "request_pk":
            value = _pk(_first("meetings.ExtraordinaryRequest", council=c))
        elif param == "doc":
            value = _pk(_first("statements.ConsultationDocument", consultation__council=c))
        elif param == "photo":
            value = _pk(_first("community.EventPhoto", event__council=c))
        elif param == "code":
            value = "0316" if name == "portal:municipality" else (_first("effort.Indicator", council=c) or MISSING)
            value = getattr(value, "code", value)
        elif param == "number":
            if ns == "secretariat":
                value = 1
            elif ns == "membership":
                value = _first("membership.Seat", council=c).number
            else:
                value = getattr(_first("dialogue.Topic", council=c), "number", MISSING)
        elif param == "person_id":
            value = _pk(_first("membership.Person", memberships__seat__council=c))
        elif param == "version":
            value = getattr(_first("councils.RulesOfProcedure", council=c), "version", 1)
        elif param == "kind":
            value = "moeder"
        elif param == "fmt":
            value = "rss"
        elif param == "model":
            value = "dialogue.topic"
        elif param == "language":
            value = "en"
        elif param == "section":  # a sitemap section
            value = "meetings"
        elif param in ("pk", "meeting_id", "statement_id", "consultation_id", "event_id", "association_id"):
            value = _pk(_object_for(world, c, name, param, held))
        values[param] = value
    if name == "secretariat:translation_edit":
        values["pk"] = str(_pk(_first("dialogue.Topic", council=c)))
    return values


# route name (or namespace prefix) -> what its `pk` names
PK_MODELS = {
    "meetings:extraordinary_support": None,
    "statements:consultation": "statements.Consultation",
    "statements:document": "statements.Consultation",
    "statements:public_document": "statements.ConsultationDocument",
    "secretariat:rules_change": "councils.RulesChange",
    "secretariat:access_download": "statements.Consultation",  # the case is a consultation (R28)
    "membership:body_edit": "membership.NominatingBody",
    "membership:membership_change": "membership.Membership",
    "membership:promote": "membership.Substitute",
    "membership:residence_confirm": "membership.Person",
    "membership:call": "membership.NominationCall",
    "membership:nomination_withdraw": "membership.Nomination",
    "membership:election": "membership.Election",
    "dialogue:inquiry": "dialogue.Inquiry",
    "dialogue:referral": "dialogue.ReferralService",
    "dialogue:log": "dialogue.DialogueEntry",
    "councils:room": "councils.Room",
    "community:event": "community.Event",
    "community:association": "community.Association",
    "community:volunteering_goal": "community.VolunteeringGoal",
    "community:volunteering_contribution": "community.VolunteeringContribution",
    "community:volunteering_opportunity": "community.VolunteerOpportunity",
    "community:press_release": "community.PressRelease",
    "community:outlet": "community.MediaOutlet",
    "community:coverage": "community.MediaCoverage",
    "finance:expense": "finance.Expense",
    "finance:claim": "finance.Claim",
    "effort:goal": "effort.Goal",
    "effort:link": "effort.IndicatorLink",
    "api_pages:token": "api.ApiToken",
    "api:meeting": "meetings.Meeting",
    "api:statement": "statements.Statement",
    "api:consultation": "statements.Consultation",
    "api:event": "community.Event",
    "api:association": "community.Association",
    "oparl:body": "councils.Municipality",
    "oparl:organization_council": "councils.Council",
    "oparl:organization_committee": "statements.Committee",
    "oparl:person": "membership.Person",
    "oparl:membership": "membership.Membership",
    "oparl:meeting": "meetings.Meeting",
    "oparl:agenda_item": "meetings.AgendaItem",
    "oparl:paper": "statements.Statement",
    "oparl:consultation": "statements.Statement",  # OParl's Consultation is a published statement's handling (its pk)
    "oparl:file_agenda": "meetings.Meeting",
    "oparl:file_minutes": "meetings.Meeting",  # the minutes' File is addressed by its meeting
    "oparl:file_attachment": "meetings.Attachment",
    "oparl:file_letter": "statements.Statement",
    "oparl:file_document": "statements.ConsultationDocument",
    "oparl:location_room": "councils.Room",
    "oparl:location_meeting": "meetings.Meeting",
    "oparl:legislative_term": "councils.Term",
    "meetings": "meetings.Meeting",
    "meetings_public": "meetings.Meeting",
    "statements": "statements.Statement",
}

COUNCIL_PATHS = {
    "councils.Municipality": "councils",
    "councils.Council": "pk",
    "meetings.AgendaItem": "meeting__council",
    "meetings.Attachment": "item__meeting__council",
    "meetings.Minutes": "meeting__council",
    "statements.ConsultationDocument": "consultation__council",
    "statements.Committee": "statements__council",
    "membership.Person": "memberships__seat__council",
    "membership.Membership": "seat__council",
    "membership.Substitute": "membership__seat__council",
    "membership.Nomination": "call__council",
    "community.VolunteeringGoal": "strategy__council",
    "finance.Expense": "line__budget__council",
    "effort.IndicatorLink": "indicator__council",
    "dialogue.ReferralService": "municipality__councils",
    "councils.Room": "municipality__councils",
}


def _object_for(world: World, c, name: str, param: str, held):
    ns = name.split(":")[0]
    keys = [key for key in PK_MODELS if ":" in key and name.startswith(key)]
    label = PK_MODELS[max(keys, key=len)] if keys else PK_MODELS.get(ns)
    if label is None:
        return None
    if label == "meetings.Meeting":
        return held
    path = COUNCIL_PATHS.get(label, "council")
    if label == "meetings.Attachment":
        return _first(label, item__meeting=held)
    try:
        return _first(label, **{path: c.pk})
    except Exception:  # noqa: BLE001 - a guessed path that does not exist: report the route as MISSING
        return None
