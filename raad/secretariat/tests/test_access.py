"""Who may open and change what in the workspace; logging in with password and one-time code."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from raad.core import audit
from raad.core.models import AuditEntry, User
from raad.councils import selectors
from raad.membership.demo import DEMO_PASSWORD
from raad.testing import assert_unchanged, totp_code
from raad.testing.journal import journal_text

pytestmark = pytest.mark.django_db
SLUG = "integrationsraadet"

WORKSPACE_PAGES = [
    reverse("secretariat:dashboard"),
    reverse("secretariat:council", args=[SLUG]),
    reverse("secretariat:terms", args=[SLUG]),
    reverse("secretariat:purpose", args=[SLUG, 1]),
    reverse("secretariat:rules", args=[SLUG]),
    reverse("secretariat:rules_new", args=[SLUG]),
    reverse("secretariat:contact", args=[SLUG]),
    reverse("secretariat:audit", args=[SLUG]),
]
SECRETARIAT_ONLY = WORKSPACE_PAGES[2:4] + WORKSPACE_PAGES[5:]
SECRETARIAT_FORMS = WORKSPACE_PAGES[2:4] + WORKSPACE_PAGES[5:7]


def _login(client, username, *, code=True):
    response = client.post(reverse("core:login"), {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    if response["Location"].startswith(reverse("core:otp_verify")) and code:
        user = User.objects.get(username=username)
        response = client.post(response["Location"], {"token": totp_code(user)})
        assert response.status_code == 302
    return response


@pytest.mark.parametrize("url", WORKSPACE_PAGES)
def test_anonymous_is_sent_to_login(client, demo_data, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('core:login')}?next={url}"


@pytest.mark.parametrize("url", SECRETARIAT_ONLY)
def test_member_cannot_open_secretariat_pages(client, demo_data, url):
    _login(client, "medlem")
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", SECRETARIAT_FORMS)
def test_member_cannot_change_council_settings(client, demo_data, url):
    _login(client, "medlem")
    with assert_unchanged():
        assert client.post(url, {"limits": "Ændret", "title": "Ændret", "name": "Ændret"}).status_code == 403
    assert selectors.terms_of_reference_for(selectors.council_by_slug(SLUG)).limits == (
        "Integrationsrådet kan ikke behandle enkeltsager."
    )


def test_member_sees_their_seat_and_term(client, demo_data):
    _login(client, "medlem")
    response = client.get(reverse("secretariat:council", args=[SLUG]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "3 – Udpeget efter indstilling (indstillet af DGI Midt- og Vestsjælland)" in content
    assert "Valgperiode 2026–2029" in content
    assert "Redigér kommissorium" not in content


def test_chair_sees_the_chair_role(client, demo_data):
    _login(client, "forperson")
    content = client.get(reverse("secretariat:council", args=[SLUG])).content.decode()
    assert "Forperson" in content
    assert "Valgperiode 2026–2029" in content


def test_secretariat_needs_the_one_time_code(client, demo_data):
    response = _login(client, "sekretariat", code=False)
    assert response["Location"].startswith(reverse("core:otp_verify"))
    # Password alone does not open the workspace.
    response = client.get(reverse("secretariat:terms", args=[SLUG]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:otp_verify"))
    wrong = client.post(reverse("core:otp_verify"), {"token": "000000"})
    assert wrong.status_code == 400
    assert "Koden er forkert eller udløbet" in wrong.content.decode()
    # After a wrong code the next try must wait a moment (throttling), and says so.
    hurried = client.post(reverse("core:otp_verify"), {"token": totp_code(User.objects.get(username="sekretariat"))})
    assert hurried.status_code == 400
    assert "For mange forkerte koder. Vent" in hurried.content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        right = client.post(reverse("core:otp_verify"), {"token": totp_code(User.objects.get(username="sekretariat"))})
        assert right.status_code == 302
        assert client.get(reverse("secretariat:terms", args=[SLUG])).status_code == 200


def test_new_secretary_must_set_up_an_authenticator(client, demo_data):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raad.core.roles import Role
    from raad.core.services import user_create
    from raad.councils.services import staff_assign

    council = selectors.council_by_slug(SLUG)
    user = user_create(username="ny", email="ny@demo.invalid", password=DEMO_PASSWORD, by=None)
    staff_assign(council=council, user=user, role=Role.SECRETARIAT, starts_on=council.created_at.date(), by=None)
    response = client.post(reverse("core:login"), {"username": "ny", "password": DEMO_PASSWORD})
    assert response["Location"].startswith(reverse("core:otp_setup"))
    page = client.get(response["Location"])
    assert "<svg" in page.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()  # nothing written before a code confirms it
    import base64

    from django_otp.oath import totp

    secret = page.context["secret"]  # what the user types into the app (or scans)
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    code = f"{totp(key, step=30, t0=0, digits=6):06d}"
    done = client.post(reverse("core:otp_setup"), {"token": code})
    assert done.status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed is True
    assert AuditEntry.objects.filter(verb="user.two_factor_enabled", target_id=str(user.pk)).exists()


def test_secretariat_edits_terms_of_reference_and_the_public_page_shows_it(client, demo_data):
    _login(client, "sekretariat")
    url = reverse("secretariat:terms", args=[SLUG])
    form = client.get(url).context["form"]
    data = {name: (value if value is not None else "") for name, value in form.initial.items() if name in form.fields}
    data["approved_on"] = "2022-06-22"
    data["limits"] = "Integrationsrådet kan ikke behandle enkeltsager, men hører gerne om generelle problemer."
    response = client.post(url, data)
    assert response.status_code == 302
    public = client.get(reverse("portal:council", args=[SLUG])).content.decode()
    assert "men hører gerne om generelle problemer" in public
    entry = AuditEntry.objects.filter(verb="terms_of_reference.updated").get()
    assert entry.actor.username == "sekretariat"
    assert entry.changes["limits"]["before"] == "Integrationsrådet kan ikke behandle enkeltsager."


def test_bad_rules_version_keeps_what_was_typed_and_names_the_rule(client, demo_data):
    _login(client, "sekretariat")
    url = reverse("secretariat:rules_new", args=[SLUG])
    initial = client.get(url).context["form"].initial
    data = {k: v for k, v in initial.items() if v is not None}
    data.update(
        {
            "in_force_from": "2027-01-01",
            "adopted_on": "2026-11-25",
            "decision_reference": "KB 25.11.2026, pkt. 9",
            "min_members_warning": "20",
            "change_summary": "Forsøg",
        }
    )
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    with assert_unchanged(), translation.override("da"):
        response = client.post(url, data)
    content = response.content.decode()
    assert response.status_code == 400
    assert (
        "Advarselsgrænsen (20) kan ikke være større end det højeste antal medlemmer (15). (forretningsorden § 1, stk. 3)"
        in content
    )
    assert 'value="KB 25.11.2026, pkt. 9"' in content
    # The error and the hint are tied to the field for screen readers.
    assert 'aria-describedby="id_min_members_warning_helptext id_min_members_warning_error1"' in content
    assert 'id="id_min_members_warning_error1"' in content
    assert 'aria-invalid="true"' in content
    assert selectors.rules_versions(selectors.council_by_slug(SLUG)).count() == 1


def test_good_rules_version_is_saved_and_old_stays_readable(client, demo_data):
    _login(client, "sekretariat")
    url = reverse("secretariat:rules_new", args=[SLUG])
    initial = client.get(url).context["form"].initial
    data = {k: ("on" if v is True else v) for k, v in initial.items() if v is not None and v is not False}
    data.update(
        {
            "in_force_from": "2027-01-01",
            "adopted_on": "2026-11-25",
            "decision_reference": "KB 25.11.2026, pkt. 9",
            "member_item_deadline_days": "14",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    council = selectors.council_by_slug(SLUG)
    assert [v.version for v in selectors.rules_versions(council)] == [2, 1]
    old = client.get(reverse("portal:rules_version", args=[SLUG, 1])).content.decode()
    assert "senest 10 dage før mødet" in old
    new = client.get(reverse("portal:rules_version", args=[SLUG, 2])).content.decode()
    assert "senest 14 dage før mødet" in new
    asked = client.get(reverse("portal:rules", args=[SLUG]) + "?dato=2027-03-01").content.decode()
    assert "senest 14 dage før mødet" in asked
    journal = client.get(reverse("secretariat:audit", args=[SLUG])).content.decode()
    assert "Ny version af forretningsorden" in journal
    assert "Camilla Holt" in journal


def test_the_audit_journal_names_every_action_in_danish_and_english(client, demo_data):
    _login(client, "sekretariat")
    shown = {entry.verb for entry in audit.entries_for_council(selectors.council_by_slug(SLUG).pk, limit=500)}
    # the demo's journal holds actions of membership and meetings, looked-up verbs among them
    assert {"member.appointed", "nomination.confirmed_by_candidate", "meeting.planned", "minutes.approve"} <= shown
    danish, english = journal_text(client, SLUG), journal_text(client, SLUG, prefix="/en")
    for verb in sorted(shown):
        with translation.override("da"):
            label_da = audit.verb_label(verb)
        with translation.override("en"):
            label_en = audit.verb_label(verb)
        assert f"<td>{verb}</td>" not in danish + english, f"{verb} is shown as a raw code"
        assert f"<td>{escape(label_da)}</td>" in danish, verb
        assert f"<td>{escape(label_en)}</td>" in english, verb
    assert "<td>Medlem udpeget</td>" in danish and "<td>Member appointed</td>" in english


def test_too_many_wrong_passwords_lock_the_account(client, demo_data, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(reverse("core:login"), {"username": "medlem", "password": "forkert-kode"})
        assert response.status_code == 200
        assert "Brugernavn eller adgangskode er forkert" in response.content.decode()
    last = client.post(reverse("core:login"), {"username": "medlem", "password": "forkert-kode"})
    assert last.status_code == 429
    locked = client.post(reverse("core:login"), {"username": "medlem", "password": DEMO_PASSWORD})
    assert locked.status_code == 429
    assert "Log-ind er sat på pause" in locked.content.decode()
    assert not locked.wsgi_request.user.is_authenticated


@pytest.mark.smtp
def test_password_reset_mail_arrives_over_smtp_with_a_working_link(client, demo_data, smtp_server):
    response = client.post(reverse("core:password_reset"), {"email": "medlem@demo.invalid"})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:password_reset_done")
    [message] = smtp_server.messages(count=1)
    assert message["To"] == "medlem@demo.invalid"
    assert message["Subject"] == "Ny adgangskode til Råd"
    body = message.get_content()
    assert "Dit brugernavn er: medlem" in body
    link = next(line for line in body.splitlines() if "/konto/adgangskode/ny/" in line)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "Nyt-kodeord-2026!", "new_password2": "Nyt-kodeord-2026!"}
    )
    assert done["Location"] == reverse("core:password_reset_complete")
    old = client.post(reverse("core:login"), {"username": "medlem", "password": DEMO_PASSWORD})
    assert old.status_code == 200
    new = client.post(reverse("core:login"), {"username": "medlem", "password": "Nyt-kodeord-2026!"})
    assert new.status_code == 302
    # The link works once only.
    client.post(reverse("core:logout"))
    assert client.get(path, follow=True).context["validlink"] is False


@pytest.mark.smtp
def test_password_reset_for_unknown_address_sends_nothing_and_reveals_nothing(client, demo_data, smtp_server):
    response = client.post(reverse("core:password_reset"), {"email": "ukendt@demo.invalid"})
    assert response["Location"] == reverse("core:password_reset_done")
    assert smtp_server.messages(count=1, timeout=1.0) == []


def test_workspace_menu_shows_secretariat_links_on_every_workspace_page(client, demo_data):
    _login(client, "sekretariat")
    for url in (reverse("secretariat:rules", args=[SLUG]), reverse("secretariat:rules_new", args=[SLUG])):
        content = client.get(url).content.decode()
        assert f'href="{reverse("secretariat:terms", args=[SLUG])}"' in content
        assert f'href="{reverse("secretariat:audit", args=[SLUG])}"' in content
    client.post(reverse("core:logout"))
    _login(client, "medlem")
    content = client.get(reverse("secretariat:rules", args=[SLUG])).content.decode()
    assert f'href="{reverse("secretariat:terms", args=[SLUG])}"' not in content
    assert f'href="{reverse("secretariat:audit", args=[SLUG])}"' not in content


def test_desk_and_journal_show_that_a_member_read_closed_items(client, demo_data):
    """The journal entry for reading closed items has a change named "items"; the audit table looped over
    `changes.items` and so over that list, and the secretariat's desk and journal gave a server error."""
    from raad.meetings.models import AgendaItem
    from raad.meetings.services import closed_items_read_record

    closed = AgendaItem.objects.filter(is_closed=True).select_related("meeting").first()
    reader = User.objects.get(username="medlem")
    closed_items_read_record(meeting=closed.meeting, items=[closed], user=reader, what="dagsorden")
    _login(client, "sekretariat")
    for url in (reverse("secretariat:council", args=[SLUG]), reverse("secretariat:audit", args=[SLUG])):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert f'<strong>Punkter</strong>: <span class="raad-diff-after">{closed.position}</span>' in page, url
        assert '<strong>Læst i</strong>: <span class="raad-diff-after">dagsorden</span>' in page, url


def test_every_journal_entry_of_the_demo_has_a_human_name_in_both_languages(client, demo_data):
    """Meetings and membership named none of their verbs, so the journal showed "meeting.planned" and
    "member.appointed" to the secretariat."""
    from raad.core.audit import verb_label

    verbs = set(AuditEntry.objects.values_list("verb", flat=True))
    assert {"meeting.planned", "member.appointed", "minutes.approve", "election.lot_drawn"} <= verbs
    for language in ("da", "en"):
        with translation.override(language):
            unnamed = sorted(verb for verb in verbs if verb_label(verb) == verb)
        assert unnamed == [], language
    with translation.override("en"):
        assert verb_label("meeting.closed_items_read") == "Closed items read"


def test_journal_labels_are_danish_whatever_the_language_of_the_request(client, demo_data):
    """An English request wrote "Ordinary meeting 10.12.2026" into the journal, a Danish one "Ordinært møde
    10.12.2026": the same meeting under two names in the record."""
    from raad.meetings.models import Meeting
    from raad.meetings.services import closed_items_read_record

    meeting = Meeting.objects.filter(items__is_closed=True).distinct().first()
    reader = User.objects.get(username="medlem")
    with translation.override("en"):
        closed_items_read_record(meeting=meeting, items=meeting.items.all(), user=reader, what="dagsorden")
    entry = AuditEntry.objects.filter(verb="meeting.closed_items_read").latest("id")
    assert entry.target_label.startswith("Ordinært møde ")


def test_english_rules_list_shows_the_english_change_summary(client, demo_data):
    from raad.core.translations import translated

    version = selectors.rules_in_force(selectors.council_by_slug(SLUG))
    english = translated(version, "change_summary", "en")
    assert english and english != version.change_summary
    _login(client, "sekretariat")
    page = client.get("/en" + reverse("secretariat:rules", args=[SLUG])).content.decode()
    assert f"<td>{escape(english)}</td>" in page
    assert version.change_summary not in page


def test_an_emptied_terms_of_reference_is_refused_and_nothing_is_written(client, demo_data):
    """Saving the form with every field empty was accepted and blanked all sections of the public council
    page, "the council cannot handle individual cases" included."""
    _login(client, "sekretariat")
    url = reverse("secretariat:terms", args=[SLUG])
    form = client.get(url).context["form"]
    data = {name: "" for name in form.fields}
    data["introduction_en"] = "Typed and kept"
    with assert_unchanged(), translation.override("en"):
        response = client.post("/en" + url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "What the council cannot do" in page and "This field is required." in page
    assert "Typed and kept</textarea>" in page
    assert not AuditEntry.objects.filter(verb="terms_of_reference.updated").exists()
    public = client.get(reverse("portal:council", args=[SLUG])).content.decode()
    assert "Integrationsrådet kan ikke behandle enkeltsager." in public
