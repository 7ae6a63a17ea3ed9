"""The authorization matrix: every URL pattern of the project, requested as every role (docs/testing.md).

MATRIX below is the one table of what SHOULD hold; a route without a row fails the test by name.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from raad.testing.tests.authz_world import ROLES, build_world, client_for, snapshot, url_kwargs

pytestmark = pytest.mark.django_db


def routes() -> list[tuple[str, list[str], str]]:
    """(name, URL params, route pattern) of every named URL pattern; Django's admin as one row per prefix."""
    found: list[tuple[str, list[str], str]] = []

    def walk(resolver, prefix: str, namespace: str | None) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = namespace
                if entry.namespace:
                    ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                if ns == "admin":
                    found.append(("admin", [], prefix + str(entry.pattern)))
                    continue
                walk(entry, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern):
                pattern = prefix + str(entry.pattern)
                name = f"{namespace}:{entry.name}" if namespace else (entry.name or pattern)
                params = re.findall(r"<(?:\w+:)?(\w+)>", pattern) + re.findall(r"\(\?P<(\w+)>", pattern)
                found.append((name, params, pattern))

    walk(get_resolver(), "", None)
    return found


# Outcomes: "ok" (200, or a redirect that is not to the login page), "login" (a redirect to the login page),
# or the status code. Roles, in this order (raad/testing/tests/authz_world.py):
#   anon, link (a citizen holding the product's signed links), member, sub_before, sub_after (Sara, called in),
#   chair, vice, liaison, sec (this council's secretariat), sec_b (another council's), member_b (another council's).
PUBLIC = "ok ok ok ok ok ok ok ok ok ok ok"
# A signed link works for whoever holds it and only for them: every other role asks with a forged token.
LINK = "404 ok 404 404 404 404 404 404 404 404 404"
# A link the world holds no valid token for (a member's calendar, a nominating body's …): forged for everyone.
FORGED = "404 404 404 404 404 404 404 404 404 404 404"
# The object the kwargs name does not exist in the demo world (or has no file): requested anyway, never a 500.
ABSENT = FORGED
LOGGED_IN = "login login ok ok ok ok ok ok ok ok ok"  # one's own account, desk and duty of confidentiality
# The council's workspace pages every participant reads (meetings.view, councils.view_workspace …); another
# council's people get 403 (roles are per council, raad/core/roles.py).
PARTICIPANTS = "login login ok ok ok ok ok ok ok 403 403"
# Closed items, drafts and internal papers: those bound by confidentiality (R27). The board's liaison reads only
# what is public plus the approved minutes unless the rules of procedure make the liaison a guest (Holbæk: no).
CONFIDENTIAL = "login login ok ok ok ok ok 403 ok 403 403"
SECRETARIAT = "login login 403 403 403 403 403 403 ok 403 403"  # R7: the secretariat owns the records
# What members do themselves (apology, proposing an item, answering minutes or a written procedure, R14, R15,
# R19, R21). A substitute acts only in the member's place at the meeting, not through these pages (R19).
MEMBERS = "login login ok 403 403 ok ok 403 403 403 403"
MEMBERS_AND_SECRETARIAT = "login login ok 403 403 ok ok 403 ok 403 403"  # events, press drafts
MEETING_RUNNERS = "login login 403 403 403 ok ok 403 ok 403 403"  # the meeting screen (R18: chair, vice, leader)
CHAIR_AND_SECRETARIAT = "login login 403 403 403 ok 403 403 ok 403 403"  # annual report (R23), the rapporteur
CLAIMANTS = "login login ok ok ok ok ok 403 403 403 403"  # one's own expense claims: members and substitutes
ABSENT_FOR_SECRETARIAT = "login login 403 403 403 403 403 403 404 403 403"  # no such object; the rest 403 first
# The API's token-authenticated endpoints (the municipality's records system): a browser session is not a token.
API_TOKEN = "401 401 401 401 401 401 401 401 401 401 401"
POST_ONLY = "login login 403 403 403 403 403 403 405 403 403"  # a POST-only action of the secretariat

MATRIX = {
    # Django's admin (one row for its prefix): only staff accounts; no role in a council makes one staff.
    "admin": "login login login login login login login login login login login",
    "annual_report_public:pdf": ABSENT,
    "annual_report_public:report": ABSENT,
    "api:agenda_item_list": PUBLIC,
    "api:annual_report_detail": ABSENT,  # the demo world publishes no annual report
    "api:annual_report_list": PUBLIC,
    "api:association_detail": PUBLIC,
    "api:association_list": PUBLIC,
    # django-ninja has no root page: the API is described at openapi.json and on /aabne-data/.
    "api:api-root": ABSENT,
    "api:cases": API_TOKEN,
    "api:consultation_detail": PUBLIC,
    "api:consultation_list": PUBLIC,
    "api:council_detail": PUBLIC,
    "api:council_list": PUBLIC,
    "api:event_detail": PUBLIC,
    "api:event_list": PUBLIC,
    "api:journal": API_TOKEN,
    "api:openapi-json": PUBLIC,
    "api:meeting_detail": PUBLIC,
    "api:meeting_list": PUBLIC,
    "api:member_list": PUBLIC,
    "api:statement_detail": PUBLIC,
    "api:statement_list": PUBLIC,
    "api:topic_detail": PUBLIC,
    "api:topic_list": PUBLIC,
    "api_pages:docs": PUBLIC,
    "api_pages:token_revoke": POST_ONLY,
    "api_pages:tokens": SECRETARIAT,
    "community:association": PUBLIC,
    "community:association_approve": SECRETARIAT,
    "community:association_decline": SECRETARIAT,
    "community:association_edit": SECRETARIAT,
    "community:association_new": SECRETARIAT,
    "community:association_request": PUBLIC,
    "community:association_request_received": PUBLIC,
    "community:association_withdraw": SECRETARIAT,
    "community:associations": PUBLIC,
    "community:associations_register": SECRETARIAT,
    "community:coverage": PARTICIPANTS,
    "community:coverage_edit": SECRETARIAT,
    "community:coverage_new": SECRETARIAT,
    "community:event": PUBLIC,
    "community:event_attendance": SECRETARIAT,
    "community:event_cancel": MEMBERS_AND_SECRETARIAT,
    "community:event_csv": SECRETARIAT,
    "community:event_edit": MEMBERS_AND_SECRETARIAT,
    "community:event_ics": PUBLIC,
    "community:event_new": MEMBERS_AND_SECRETARIAT,
    "community:event_photo": ABSENT,
    "community:event_photo_add": SECRETARIAT,
    "community:event_photo_withdraw": SECRETARIAT,
    "community:event_publish": MEMBERS_AND_SECRETARIAT,
    "community:event_register": PUBLIC,
    "community:event_registration": LINK,
    "community:event_report": MEMBERS_AND_SECRETARIAT,
    "community:event_workspace": MEMBERS_AND_SECRETARIAT,
    "community:events": PUBLIC,
    "community:events_calendar": PUBLIC,
    "community:events_feed": PUBLIC,
    "community:events_workspace": MEMBERS_AND_SECRETARIAT,
    "community:outlet": SECRETARIAT,
    "community:outlets": SECRETARIAT,
    "community:press": PARTICIPANTS,
    "community:press_public": PUBLIC,
    "community:press_release": PUBLIC,
    "community:press_release_approve": PARTICIPANTS,
    "community:press_release_edit": MEMBERS_AND_SECRETARIAT,
    "community:press_release_new": MEMBERS_AND_SECRETARIAT,
    "community:press_release_send": SECRETARIAT,
    "community:press_release_workspace": PARTICIPANTS,
    "community:volunteering": PARTICIPANTS,
    "community:volunteering_contribution": SECRETARIAT,
    "community:volunteering_contribution_new": SECRETARIAT,
    "community:volunteering_goal": SECRETARIAT,
    "community:volunteering_goal_new": SECRETARIAT,
    "community:volunteering_opportunity": SECRETARIAT,
    "community:volunteering_opportunity_new": SECRETARIAT,
    "community:volunteering_public": PUBLIC,
    "community:volunteering_strategy": SECRETARIAT,
    "core:account": LOGGED_IN,
    "core:easy_read": PUBLIC,
    "core:login": PUBLIC,
    # Municipal single sign-on answers 404 until it is configured (OIDC_CLIENT_ID; docs/sso.md), as here.
    "core:sso_start": FORGED,
    "core:sso_callback": FORGED,
    "core:logout": "405 405 405 405 405 405 405 405 405 405 405",
    # A logged-in session is sent on to the one-time code page (ok); without a login, to the login page.
    "core:otp_setup": LOGGED_IN,
    "core:otp_verify": LOGGED_IN,
    "core:password_reset": PUBLIC,
    "core:password_reset_complete": PUBLIC,
    "core:password_reset_confirm": PUBLIC,
    "core:password_reset_done": PUBLIC,
    "councils:room": SECRETARIAT,
    "councils:room_active": SECRETARIAT,
    "councils:room_new": SECRETARIAT,
    "councils:rooms": SECRETARIAT,
    "dialogue:inquiries": SECRETARIAT,
    "dialogue:inquiry": SECRETARIAT,
    "dialogue:inquiry_close": SECRETARIAT,
    "dialogue:inquiry_form": PUBLIC,
    "dialogue:inquiry_general": SECRETARIAT,
    "dialogue:inquiry_principle": SECRETARIAT,
    "dialogue:inquiry_refer": SECRETARIAT,
    "dialogue:inquiry_status": LINK,
    "dialogue:log": CONFIDENTIAL,
    "dialogue:log_csv": CONFIDENTIAL,
    "dialogue:log_edit": CONFIDENTIAL,
    "dialogue:log_new": CONFIDENTIAL,
    "dialogue:log_topic_new": SECRETARIAT,
    "dialogue:public_topics": PUBLIC,
    "dialogue:referral": SECRETARIAT,
    "dialogue:referral_active": SECRETARIAT,
    "dialogue:referral_catalogue": PUBLIC,
    "dialogue:referral_new": SECRETARIAT,
    "dialogue:referrals": SECRETARIAT,
    "dialogue:topic": PUBLIC,
    "dialogue:topic_close": SECRETARIAT,
    "dialogue:topic_discussed": SECRETARIAT,
    "dialogue:topic_edit": SECRETARIAT,
    "dialogue:topic_new": SECRETARIAT,
    "dialogue:topic_outcome": SECRETARIAT,
    "dialogue:topic_place_on_agenda": SECRETARIAT,
    "dialogue:topic_statement": SECRETARIAT,
    "dialogue:topic_workspace": PARTICIPANTS,
    "dialogue:topics": PARTICIPANTS,
    "effort:goal_edit": SECRETARIAT,
    "effort:goal_new": SECRETARIAT,
    "effort:goals": PARTICIPANTS,
    "effort:import": SECRETARIAT,
    "effort:indicator": PARTICIPANTS,
    "effort:indicator_edit": SECRETARIAT,
    "effort:indicators": PARTICIPANTS,
    "effort:link_add": SECRETARIAT,
    "effort:link_remove": SECRETARIAT,
    "effort:put_on_agenda": SECRETARIAT,
    "finance:accounts_csv": SECRETARIAT,
    "finance:budget": SECRETARIAT,
    "finance:budget_line_set": SECRETARIAT,
    "finance:budget_year_new": SECRETARIAT,
    "finance:claim": SECRETARIAT,
    "finance:claim_approve": SECRETARIAT,
    # The claim has no receipt: its claimant (Ahmad) and the secretariat get 404, everyone else 403 first.
    "finance:claim_receipt": "login login 404 403 403 403 403 403 404 403 403",
    "finance:claim_reject": SECRETARIAT,
    "finance:claims": SECRETARIAT,
    "finance:expense": SECRETARIAT,
    "finance:expense_new": SECRETARIAT,
    "finance:expense_paid": SECRETARIAT,
    "finance:expense_receipt": ABSENT_FOR_SECRETARIAT,
    "finance:expense_reverse": SECRETARIAT,
    "finance:expenses": SECRETARIAT,
    "finance:my_claims": CLAIMANTS,
    "finance:overview": SECRETARIAT,
    "meetings:admission": MEETING_RUNNERS,
    "meetings:all_present": MEETING_RUNNERS,
    "meetings:apology": MEMBERS,
    "meetings:apology_confirm": SECRETARIAT,
    "meetings:apology_withdraw": MEMBERS,
    "meetings:attachment": CONFIDENTIAL,
    "meetings:attachment_add": PARTICIPANTS,
    "meetings:attendance": MEETING_RUNNERS,
    "meetings:calendar": PARTICIPANTS,
    "meetings:cancel": SECRETARIAT,
    "meetings:conflict": MEETING_RUNNERS,
    "meetings:decide": MEETING_RUNNERS,
    "meetings:extraordinary": MEMBERS,
    # No extraordinary request in the world: the members who may support one get 404, everyone else 403 first.
    "meetings:extraordinary_support": "login login 404 403 403 404 404 403 403 403 403",
    "meetings:held": MEETING_RUNNERS,
    "meetings:item_edit": SECRETARIAT,
    "meetings:item_move": SECRETARIAT,
    "meetings:item_new": SECRETARIAT,
    "meetings:leader": MEETING_RUNNERS,
    "meetings:live": CONFIDENTIAL,
    "meetings:live_fragment": CONFIDENTIAL,
    "meetings:meeting": CONFIDENTIAL,
    "meetings:meeting_edit": SECRETARIAT,
    "meetings:meeting_new": SECRETARIAT,
    "meetings:minority": MEETING_RUNNERS,
    "meetings:minutes": PARTICIPANTS,
    "meetings:minutes_approve": SECRETARIAT,
    "meetings:minutes_circulate": SECRETARIAT,
    "meetings:minutes_correct": SECRETARIAT,
    "meetings:minutes_publish": SECRETARIAT,
    "meetings:minutes_respond": MEMBERS,
    "meetings:minutes_start": SECRETARIAT,
    "meetings:minutes_unpublish": SECRETARIAT,
    "meetings:packet": CONFIDENTIAL,
    "meetings:plan": PARTICIPANTS,
    "meetings:propose": MEMBERS,
    "meetings:screen": MEETING_RUNNERS,
    "meetings:screen_item": MEETING_RUNNERS,
    "meetings:send_notice": SECRETARIAT,
    "meetings_public:agenda_pdf": PUBLIC,
    "meetings_public:attachment": PUBLIC,
    "meetings_public:calendar": PUBLIC,
    "meetings_public:feed": PUBLIC,
    "meetings_public:list": PUBLIC,
    "meetings_public:meeting": PUBLIC,
    "meetings_public:member_feed": FORGED,
    "meetings_public:minutes_pdf": PUBLIC,
    "membership:bodies": SECRETARIAT,
    "membership:body_edit": SECRETARIAT,
    "membership:call": SECRETARIAT,
    "membership:calls": SECRETARIAT,
    "membership:confidentiality": LOGGED_IN,
    "membership:confirm": FORGED,
    "membership:decision": SECRETARIAT,
    "membership:direct_election": SECRETARIAT,
    "membership:election": PARTICIPANTS,
    "membership:elections": PARTICIPANTS,
    "membership:membership_change": SECRETARIAT,
    "membership:nominate": FORGED,
    "membership:nomination_withdraw": SECRETARIAT,
    "membership:promote": SECRETARIAT,
    "membership:residence_confirm": POST_ONLY,
    "membership:seat_body": SECRETARIAT,
    "membership:seat_create": SECRETARIAT,
    "membership:seat_history": SECRETARIAT,
    "membership:seats": SECRETARIAT,
    "membership:submitter_confirm": FORGED,
    "oparl:agenda_item": PUBLIC,
    "oparl:bodies": PUBLIC,
    "oparl:body": PUBLIC,
    "oparl:body_agenda_items": PUBLIC,
    "oparl:body_consultations": PUBLIC,
    "oparl:body_files": PUBLIC,
    "oparl:body_legislative_terms": PUBLIC,
    "oparl:body_locations": PUBLIC,
    "oparl:body_meetings": PUBLIC,
    "oparl:body_memberships": PUBLIC,
    "oparl:body_organizations": PUBLIC,
    "oparl:body_papers": PUBLIC,
    "oparl:body_persons": PUBLIC,
    "oparl:consultation": PUBLIC,
    "oparl:file_agenda": PUBLIC,
    "oparl:file_attachment": PUBLIC,
    "oparl:file_document": PUBLIC,
    "oparl:file_letter": PUBLIC,
    "oparl:file_minutes": PUBLIC,
    "oparl:legislative_term": PUBLIC,
    "oparl:location_meeting": ABSENT,
    "oparl:location_room": PUBLIC,
    "oparl:meeting": PUBLIC,
    "oparl:membership": PUBLIC,
    "oparl:organization_committee": ABSENT,
    "oparl:organization_council": PUBLIC,
    "oparl:organization_council_meetings": PUBLIC,
    "oparl:paper": PUBLIC,
    "oparl:person": PUBLIC,
    "oparl:system": PUBLIC,
    "portal:accessibility": PUBLIC,
    "portal:contact": PUBLIC,
    "portal:council": PUBLIC,
    "portal:feed": PUBLIC,
    "portal:home": PUBLIC,
    "portal:member_photo": ABSENT,
    "portal:members": PUBLIC,
    "portal:municipality": PUBLIC,
    "portal:privacy": PUBLIC,
    "portal:rules": PUBLIC,
    "portal:rules_version": PUBLIC,
    "portal:search": PUBLIC,
    "portal:subscribe": PUBLIC,
    "portal:subscription_confirm": FORGED,
    "portal:subscription_sent": PUBLIC,
    "portal:subscription_unsubscribe": FORGED,
    "robots_txt": PUBLIC,
    "health": PUBLIC,  # /sundhed/: the operators' (and benchmarks' floor) health check
    "secretariat:access": SECRETARIAT,
    "secretariat:access_download": SECRETARIAT,
    "secretariat:annual_report": CHAIR_AND_SECRETARIAT,
    "secretariat:annual_reports": CHAIR_AND_SECRETARIAT,
    "secretariat:archive_year": SECRETARIAT,
    "secretariat:audit": SECRETARIAT,
    "secretariat:chair_election_item": SECRETARIAT,
    "secretariat:citizen_languages": SECRETARIAT,
    "secretariat:contact": SECRETARIAT,
    "secretariat:council": PARTICIPANTS,
    "secretariat:dashboard": LOGGED_IN,
    "secretariat:desk_feed": FORGED,
    "secretariat:purpose": SECRETARIAT,
    "secretariat:rules": PARTICIPANTS,
    "secretariat:rules_change": ABSENT_FOR_SECRETARIAT,
    "secretariat:rules_change_adopt": ABSENT_FOR_SECRETARIAT,
    "secretariat:rules_change_vote": ABSENT_FOR_SECRETARIAT,
    "secretariat:rules_changes": SECRETARIAT,
    "secretariat:rules_new": SECRETARIAT,
    "secretariat:terms": SECRETARIAT,
    "secretariat:translation_edit": SECRETARIAT,
    "secretariat:translations": SECRETARIAT,
    "secretariat:translations_export": SECRETARIAT,
    "set_language": PUBLIC,
    "sitemap": PUBLIC,
    "sitemap_section": PUBLIC,
    "statements:adopt_meeting": SECRETARIAT,
    "statements:comment_add": CONFIDENTIAL,
    # Without the two versions to compare: a clear 400 for the drafting circle.
    "statements:compare": "login login 400 400 400 400 400 403 400 403 403",
    "statements:consultation": CONFIDENTIAL,
    "statements:consultation_new": SECRETARIAT,
    "statements:correct": SECRETARIAT,
    "statements:desk": CONFIDENTIAL,
    "statements:document": CONFIDENTIAL,
    "statements:follow_up": SECRETARIAT,
    "statements:journal": SECRETARIAT,
    "statements:letter": CONFIDENTIAL,
    "statements:letter_preview": SECRETARIAT,
    "statements:minority_add": SECRETARIAT,
    "statements:public_archive": PUBLIC,
    "statements:public_detail": PUBLIC,
    "statements:public_document": PUBLIC,
    "statements:public_letter": PUBLIC,
    "statements:publish": SECRETARIAT,
    "statements:report_schedule": SECRETARIAT,
    "statements:route_plan": SECRETARIAT,
    "statements:send": SECRETARIAT,
    "statements:statement": CONFIDENTIAL,
    "statements:statement_new": SECRETARIAT,
    "statements:urgent_approve": MEMBERS,
    "statements:version_save": CHAIR_AND_SECRETARIAT,
    "statements:written_answer": MEMBERS,
    "statements:written_close": SECRETARIAT,
    "statements:written_open": SECRETARIAT,
}


# Forms anyone may send (the public's side of the council): their POSTs are not refused, so they are not in
# the refused-POST test; their own tests check what they write.
OPEN_FORMS = {
    "set_language",
    "core:login",
    "core:otp_verify",
    "core:otp_setup",
    "core:account",
    "core:logout",
    "core:password_reset",
    "core:password_reset_confirm",
    "membership:confidentiality",
    "dialogue:inquiry_form",
    "community:event_register",
    "community:event_registration",
    "community:association_request",
    "portal:subscribe",
    "portal:subscription_confirm",
    "portal:subscription_unsubscribe",
    "portal:search",
    "membership:nominate",
    "membership:confirm",
    "membership:submitter_confirm",
    "dialogue:inquiry_status",
}
# Who may POST where the readers are more than the writers (an ActionView's GET redirects every reader to its
# page; its POST checks the writer). Default: the roles whose GET is "ok" in MATRIX.
WRITERS = {
    "meetings:attachment_add": {"sec"},
    "community:press_release_approve": {"chair"},
    "membership:residence_confirm": {"sec"},  # POST_ONLY rows: the secretariat's GET is a 405
    "api_pages:token_revoke": {"sec"},
}
# Refused by the service's rule with a clear message (400, nothing written) rather than by a permission: the
# page shows every participant the release and tells a non-chair why only the forperson approves
# (raad/community/tests/test_media.py pins that message).
REFUSED_WITH_A_MESSAGE = {"community:press_release_approve"}
REFUSED = {"login", "403", "404", "405"}


def outcome(response) -> str:
    if response.status_code in (301, 302, 303):
        path = response.headers["Location"].split("?")[0]
        if path in (reverse("core:login"), reverse("admin:login")):
            return "login"
        return "ok"
    if response.status_code in (200, 304):
        return "ok"
    return str(response.status_code)


def expected(name: str) -> dict[str, str]:
    return dict(zip(ROLES, MATRIX[name].split(), strict=True))


def _world():
    world = build_world()
    clients = {role: client_for(world, role) for role in ROLES}
    for client in clients.values():
        client.raise_request_exception = False  # a 500 is an outcome like any other, reported with the rest
    return world, clients


def test_every_route_has_a_row():
    names = {name for name, _params, _pattern in routes()}
    missing = sorted(names - MATRIX.keys())
    assert not missing, "\n".join(f"new route {name} has no row in the authorization matrix" for name in missing)
    assert not MATRIX.keys() - names, f"rows without a route: {sorted(MATRIX.keys() - names)}"
    assert all(len(row.split()) == len(ROLES) for row in MATRIX.values())


def test_get_as_every_role(demo_data):
    world, clients = _world()
    wrong = []
    for name, params, _pattern in routes():
        for role in ROLES:
            if name == "admin":
                url = reverse("admin:index")
            else:
                url = reverse(name, kwargs=url_kwargs(world, world.a, name, params, role=role))
            got = outcome(clients[role].get(url))
            if got != expected(name)[role]:
                wrong.append(f"{name} as {role}: {got}, the matrix says {expected(name)[role]} ({url})")
    assert not wrong, "\n".join(wrong)


def _csrf_client(world, role):
    client = client_for(world, role, csrf=True)
    client.raise_request_exception = False
    client.get(reverse("portal:home"))  # a signed-in person's header has the log-out form
    if "csrftoken" not in client.cookies:  # an anonymous visitor's pages have no form: the login page has
        client.get(reverse("core:login"))
    return client, client.cookies["csrftoken"].value


def test_post_with_a_valid_csrf_token_from_roles_that_may_not_write_is_refused_and_changes_nothing(demo_data):
    world = build_world()
    clients = {role: _csrf_client(world, role) for role in ROLES}
    wrong = []
    for name, params, _pattern in routes():
        if name in OPEN_FORMS or name == "admin":
            continue
        writers = WRITERS.get(name, {role for role, want in expected(name).items() if want == "ok"})
        before = snapshot()
        for role in ROLES:
            if role in writers:
                continue
            client, token = clients[role]
            url = reverse(name, kwargs=url_kwargs(world, world.a, name, params, role=role))
            got = outcome(client.post(url, {"csrfmiddlewaretoken": token}))
            if got not in REFUSED and not (got == "400" and name in REFUSED_WITH_A_MESSAGE):
                wrong.append(f"POST {name} as {role}: {got}")
        changed = [label for label, value in snapshot().items() if before.get(label) != value]
        if changed:
            wrong.append(f"POST {name} by roles that may not write changed {changed}")
    assert not wrong, "\n".join(wrong)


def test_post_without_a_csrf_token_is_refused_for_a_writer(demo_data):
    world = build_world()
    client = client_for(world, "sec", csrf=True)
    before = snapshot()
    wrong = []
    for name, params, _pattern in routes():
        if name == "admin" or expected(name)["sec"] != "ok":
            continue
        url = reverse(name, kwargs=url_kwargs(world, world.a, name, params, role="sec"))
        status = client.post(url, {"title": "x"}).status_code
        # The REST API and OParl are read-only and csrf-exempt (token or no authentication): a POST is a 405.
        if status != 403 and not (status == 405 and name.startswith(("api:", "oparl:"))):
            wrong.append(f"POST {name} without a CSRF token: {status}")
    assert snapshot() == before
    assert not wrong, "\n".join(wrong)


def _followed(client, url: str) -> str:
    """The outcome, after one redirect that is not to the login page (an action's GET goes to its page, which
    then decides)."""
    response = client.get(url)
    if outcome(response) == "ok" and response.status_code in (301, 302, 303):
        response = client.get(response.headers["Location"])
    return outcome(response)


def test_objects_of_another_council_are_refused(demo_data):
    """IDOR: council B's objects under council A's URLs (as A's people), and directly (as A's members)."""
    world, clients = _world()
    wrong = []
    for name, params, _pattern in routes():
        if name == "admin" or not set(params) - {"slug", "token", "year", "kind", "fmt", "language"}:
            continue
        own = url_kwargs(world, world.a, name, params, role="link")
        other = url_kwargs(world, world.b, name, params, role="link")
        if "slug" not in params or other == {**own, "slug": other["slug"]}:
            continue  # no object of B differs from A's in this URL (or no council in it: the API, OParl)
        under_a = reverse(name, kwargs={**other, "slug": world.a.slug})
        direct = reverse(name, kwargs=other)
        for role in ("anon", "member", "chair", "sec"):
            got = _followed(clients[role], under_a)
            if got not in REFUSED:
                wrong.append(f"{name} as {role}: B's object under A's URL answered {got} ({under_a})")
        for role in ("member", "chair", "liaison"):
            got = _followed(clients[role], direct)
            if got not in REFUSED and expected(name)[role] != "ok" or got == "ok" and MATRIX[name] != PUBLIC:
                wrong.append(f"{name} as {role}: B's object answered {got} ({direct})")
    assert not wrong, "\n".join(wrong)
