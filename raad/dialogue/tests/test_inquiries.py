"""A citizen writes to the council: the public form, the receipt, the status page, and the secretariat's
triage (R9, R30, R31) through the test client."""

import re

import pytest
from django.core import mail as django_mail
from django.test import override_settings

from raad.core.models import AuditEntry, OutgoingMail
from raad.dialogue import links
from raad.dialogue.models import Inquiry, InquiryEvent, Topic
from raad.dialogue.services import inquiries as services
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .inquiry_helpers import LANGUAGES, form_data, make_referral, submit, url

pytestmark = pytest.mark.django_db


def test_the_form_says_what_the_council_cannot_do_and_what_happens_to_the_data(client, holbaek):
    page = client.get(url("inquiry_form")).content.decode()
    assert "Rådet kan ikke behandle din egen sag" in page
    assert url("referral_catalogue") in page
    # The retention periods come from the rules of procedure in force (12 and 3 months in Holbæk's preset)
    assert "slettes 12 måneder efter, at vi har modtaget din henvendelse" in page
    assert "3 måneder efter, at vi har henvist dig" in page
    assert "Skriv ikke dit CPR-nummer eller oplysninger om helbred, religion eller etnisk oprindelse." in page
    # No field asks for special-category data (R31)
    for word in ("religion", "etni", "helbred", "cpr"):
        assert not re.search(rf'name="[^"]*{word}', page, re.I)


def test_every_public_page_links_to_the_form(client, holbaek):
    for path in ("/", url("referral_catalogue"), "/raad/integrationsraadet/"):
        assert url("inquiry_form") in client.get(path).content.decode(), path


def test_a_citizen_writes_and_gets_a_receipt_with_a_signed_status_link(
    client, holbaek, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("inquiry_form"), form_data(text="Mit CPR er 010203-1234, ring gerne."))
    inquiry = Inquiry.objects.get()
    assert inquiry.text == "Mit CPR er XXXXXX-XXXX, ring gerne."  # masked before storage (R30)
    assert (inquiry.kind, inquiry.language, inquiry.status, inquiry.reply_by) == ("question", "da", "received", "email")
    # the signed link (timestamped, so read from the answer rather than signed again a second later)
    assert response.status_code == 302 and response["Location"].endswith("/?modtaget=1")
    token = response["Location"].removesuffix("/?modtaget=1").rsplit("/", 1)[1]
    assert links.read_status_token(token) == inquiry.pk
    assert response["Location"] == url("inquiry_status", token) + "?modtaget=1"
    page = client.get(response["Location"]).content.decode()
    assert f"Dit sagsnummer er {inquiry.reference}" in page
    assert "Mit CPR er XXXXXX-XXXX" in page and "010203" not in page
    [receipt] = django_mail.outbox
    assert receipt.to == ["nadia@test.invalid"]
    assert receipt.subject == f"Kvittering for din henvendelse {inquiry.reference}"
    # The receipt's link was signed when the mail was written, maybe a second before the redirect's: read its
    # own token and check it opens this inquiry.
    mailed = re.search(r"/henvendelse/([^/\s]+)/", receipt.body)
    assert mailed is not None and links.read_status_token(mailed.group(1)) == inquiry.pk
    assert url("inquiry_status", mailed.group(1)) in receipt.body
    assert list(InquiryEvent.objects.values_list("status", flat=True)) == ["received"]


def test_a_forged_status_link_is_404(client, holbaek):
    submit(holbaek)
    assert client.get(url("inquiry_status", "abc:def")).status_code == 404


def test_anonymous_without_an_answer_is_fine_and_sends_no_mail(client, holbaek):
    response = client.post(url("inquiry_form"), form_data(name="", email="", reply_by="none"))
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert (inquiry.name, inquiry.email, inquiry.reply_by) == ("", "", "none")
    assert OutgoingMail.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"text": "   "}, "text", "Skriv din henvendelse."),
        ({"text": "x" * 5001}, "text", "Henvendelsen må højst fylde 5000 tegn (den fylder 5001)."),
        ({"email": ""}, "email", "Skriv din e-mailadresse, hvis du vil have svar på e-mail."),
        ({"kind": ""}, "kind", "Vælg, hvad din henvendelse drejer sig om."),
        ({"email": "ikke-en-adresse"}, "email", "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
    ],
)
def test_bad_input_is_refused_with_the_typed_text_kept(client, holbaek, data, field, message):
    sent = form_data(**data)
    with assert_unchanged():
        response = client.post(url("inquiry_form"), sent)
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors[field] == [message]
    page = response.content.decode()
    assert "Nadia Saleh" in page  # what was typed is still there


def test_a_filled_honeypot_stores_nothing(client, holbaek):
    with assert_unchanged():
        response = client.post(url("inquiry_form"), form_data(website="http://spam.invalid"))
    assert response.status_code == 400


def test_a_flood_gets_429_and_keeps_what_was_received(client, holbaek, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 3
    for n in range(3):
        assert client.post(url("inquiry_form"), form_data(text=f"Henvendelse {n}")).status_code == 302
    with assert_unchanged():
        response = client.post(url("inquiry_form"), form_data(text="Henvendelse 4"))
    assert response.status_code == 429
    assert "For mange" in response.content.decode() or response.templates[0].name == "core/errors/429.html"
    assert sorted(Inquiry.objects.values_list("text", flat=True)) == ["Henvendelse 0", "Henvendelse 1", "Henvendelse 2"]
    # Another address is not held back
    assert client.post(url("inquiry_form"), form_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_the_flood_page_is_translated(client, holbaek, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    client.post(url("inquiry_form", lang="en"), form_data())
    response = client.post(url("inquiry_form", lang="en"), form_data())
    assert response.status_code == 429
    assert 'lang="en"' in response.content.decode()


@override_settings(LANGUAGES=LANGUAGES)
def test_the_whole_flow_in_arabic(client, cast, django_capture_on_commit_callbacks):
    council = cast.council
    jobcenter = make_referral(council)
    from raad.core.translations import translation_set

    translation_set(obj=jobcenter, field="name", language="ar", text="مركز العمل في هولبك", status="draft")
    translation_set(
        obj=jobcenter, field="opening_hours", language="ar", text="من الاثنين إلى الجمعة ٩–١٤", status="draft"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("inquiry_form", lang="ar"),
            form_data(text="أحتاج مساعدة في العثور على عمل.", email="layla@test.invalid"),
        )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "ar"
    [receipt] = django_mail.outbox
    assert receipt.subject == f"إيصال استلام رسالتك {inquiry.reference}"
    assert OutgoingMail.objects.get().language == "ar"

    # The secretariat triages it as an individual case and refers it to the jobcenter (R9)
    secretariat = log_in_verified(client.__class__(), cast.secretary)
    assert secretariat.get(url("inquiries")).status_code == 200
    listing = secretariat.get(url("inquiries")).content.decode()
    assert inquiry.reference in listing and "<td>Arabisk</td>" in listing
    # The detail names the language in Danish and marks the Arabic text so it is read and laid out as Arabic
    detail = secretariat.get(url("inquiry", inquiry.pk)).content.decode()
    assert "<dd>Arabisk</dd>" in detail
    assert '<div class="raad-card" lang="ar" dir="auto"><p>أحتاج مساعدة في العثور على عمل.</p></div>' in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(url("inquiry_refer", inquiry.pk), {"referral": jobcenter.pk, "reply": ""})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert (inquiry.classification, inquiry.status, inquiry.referral_id) == ("individual", "referred", jobcenter.pk)
    referral_mail = django_mail.outbox[1]
    assert referral_mail.to == ["layla@test.invalid"]
    assert "مركز العمل في هولبك" in referral_mail.body
    assert "72 36 00 00" in referral_mail.body
    assert "من الاثنين إلى الجمعة ٩–١٤" in referral_mail.body
    # The link in the mail opens the status page in Arabic, whatever language the secretariat works in (its token
    # is timestamped, so read from the mail rather than signed again a second later)
    prefix = url("inquiry_status", "TOKEN", lang="ar").removesuffix("TOKEN/")
    [token] = re.findall(re.escape(prefix) + r"([^/\s]+)/", referral_mail.body)
    assert links.read_status_token(token) == inquiry.pk

    # The status page shows the steps and the referral in Arabic
    page = client.get(url("inquiry_status", token, lang="ar")).content.decode()
    assert 'lang="ar"' in page
    assert "مركز العمل في هولبك" in page
    assert page.count("<li><strong>") == 2  # received, referred


def test_general_inquiry_becomes_a_new_topic_and_the_sender_hears_of_it(cast, django_capture_on_commit_callbacks):
    inquiry = submit(cast.council)
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_classify_general(
            inquiry=inquiry,
            new_topic_title="Danskundervisning om aftenen",
            note="Rådet drøfter det i januar.",
            by=cast.secretary,
        )
    inquiry.refresh_from_db()
    topic = Topic.objects.get()
    assert (topic.number, topic.title, topic.council_id) == (1, "Danskundervisning om aftenen", cast.council.pk)
    assert (inquiry.classification, inquiry.status, inquiry.topic_id) == ("general", "topic", topic.pk)
    assert [e.status for e in inquiry.events.all()] == ["received", "topic"]
    assert inquiry.events.last().note == "Rådet drøfter det i januar."
    assert django_mail.outbox[-1].subject == f"Nyt om din henvendelse {inquiry.reference}"
    assert "Rådet drøfter det i januar." in django_mail.outbox[-1].body
    # A second inquiry joins the existing topic
    other = submit(cast.council, text="Også om aftenundervisning", email="", reply_by="none")
    services.inquiry_classify_general(inquiry=other, topic=topic, by=cast.secretary)
    assert list(topic.inquiries.order_by("pk")) == [inquiry, other]


def test_an_individual_case_raises_a_question_of_principle_as_an_anonymous_topic(cast):
    inquiry = submit(cast.council, text="Min søn får ikke tolk til skolemøder.")
    services.inquiry_refer(
        inquiry=inquiry, referral=make_referral(cast.council, "Familieafdelingen"), by=cast.secretary
    )
    topic = services.inquiry_raise_principle(
        inquiry=inquiry,
        title="Tolkning ved skole-hjem-samtaler",
        summary="Forældre får ikke altid tolk.",
        by=cast.secretary,
    )
    inquiry.refresh_from_db()
    assert (inquiry.classification, inquiry.topic_id) == ("individual", None)
    assert (topic.title, topic.summary) == ("Tolkning ved skole-hjem-samtaler", "Forældre får ikke altid tolk.")
    assert AuditEntry.objects.filter(verb="topic.created_from_principle").count() == 1


def test_a_general_inquiry_cannot_raise_an_anonymous_topic(cast):
    inquiry = submit(cast.council)
    with assert_unchanged(), pytest.raises(Exception, match="Kun en enkeltsag"):
        services.inquiry_raise_principle(inquiry=inquiry, title="X", summary="", by=cast.secretary)


def test_closing_with_a_reply_answers_and_mails(cast, django_capture_on_commit_callbacks):
    inquiry = submit(cast.council)
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_close(inquiry=inquiry, reply="Rådet holder borgermøde 3. marts.", by=cast.secretary)
    inquiry.refresh_from_db()
    assert inquiry.status == "answered"
    assert "Rådet holder borgermøde 3. marts." in django_mail.outbox[-1].body
    with assert_unchanged(), pytest.raises(Exception, match="Henvendelsen er afsluttet."):
        services.inquiry_close(inquiry=inquiry, by=cast.secretary)


def test_no_answer_wanted_means_no_mail_about_steps(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = submit(cast.council, reply_by="none")  # an address, but no answer wanted: only the receipt
        services.inquiry_close(inquiry=inquiry, by=cast.secretary)
    assert [m.subject for m in django_mail.outbox] == [f"Kvittering for din henvendelse {inquiry.reference}"]


def test_a_member_without_the_secretariat_role_gets_403(client, cast):
    inquiry = submit(cast.council)
    member = log_in_verified(client, cast.users["medlem"])
    for path in (url("inquiries"), url("inquiry", inquiry.pk), url("referrals")):
        assert member.get(path).status_code == 403, path
    with assert_unchanged():
        assert member.post(url("inquiry_close", inquiry.pk), {"reply": ""}).status_code == 403


def test_the_triage_list_filters_new_and_all(client, cast):
    waiting = submit(cast.council, text="a")
    done = submit(cast.council, text="b")
    services.inquiry_close(inquiry=done, by=cast.secretary)
    secretariat = log_in_verified(client, cast.secretary)
    new = secretariat.get(url("inquiries")).content.decode()
    assert waiting.reference in new and done.reference not in new
    every = secretariat.get(url("inquiries") + "?vis=alle").content.decode()
    assert waiting.reference in every and done.reference in every


def test_the_detail_refuses_an_empty_topic_choice_with_400(client, cast):
    inquiry = submit(cast.council)
    secretariat = log_in_verified(client, cast.secretary)
    with assert_unchanged():
        response = secretariat.post(
            url("inquiry_general", inquiry.pk), {"topic": "", "new_topic_title": "", "note": ""}
        )
    assert response.status_code == 400
    assert "Vælg et emne, eller giv et nyt emne en titel." in response.content.decode()


def test_the_desk_panel_counts_what_waits_for_triage(client, cast):
    submit(cast.council, text="a")
    submit(cast.council, text="b")
    secretariat = log_in_verified(client, cast.secretary)
    page = secretariat.get(f"/arbejdsrum/{cast.council.slug}/").content.decode()
    assert "2 henvendelser venter på vurdering." in page


def test_the_audit_journal_holds_no_personal_data(cast):
    inquiry = submit(cast.council, text="Hemmelig tekst om min nabo", name="Nadia Saleh", phone="12345678")
    services.inquiry_refer(
        inquiry=inquiry, referral=make_referral(cast.council), reply="Svar med detaljer", by=cast.secretary
    )
    entries = AuditEntry.objects.filter(verb__startswith="inquiry.")
    assert sorted(entries.values_list("verb", flat=True)) == ["inquiry.received", "inquiry.referred"]
    for entry in entries:
        text = f"{entry.target_label} {entry.changes}"
        for secret in ("Hemmelig", "Nadia", "nadia@test.invalid", "12345678", "Svar med detaljer"):
            assert secret not in text, (entry.verb, text)
    received = entries.get(verb="inquiry.received")
    assert received.changes["text"] == {"before": None, "after": "[personoplysning]"}
    assert received.target_label == inquiry.reference


def test_the_secretariat_refers_and_raises_the_principle_through_the_pages(client, cast):
    inquiry = submit(cast.council, text="Min datter får ikke tolk til forældremødet.")
    familie = make_referral(cast.council, "Familieafdelingen")
    secretariat = log_in_verified(client, cast.secretary)
    page = secretariat.get(url("inquiry", inquiry.pk)).content.decode()
    assert "Min datter får ikke tolk" in page and "Rejser sagen et principielt spørgsmål?" not in page
    response = secretariat.post(url("inquiry_refer", inquiry.pk), {"referral": familie.pk, "reply": "Ring til dem."})
    assert response.status_code == 302
    page = secretariat.get(url("inquiry", inquiry.pk)).content.decode()
    assert "Rejser sagen et principielt spørgsmål?" in page
    response = secretariat.post(
        url("inquiry_principle", inquiry.pk), {"title": "Tolkning ved forældremøder", "summary": ""}
    )
    assert response.status_code == 302
    assert Topic.objects.get().title == "Tolkning ved forældremøder"
    inquiry.refresh_from_db()
    assert (inquiry.classification, inquiry.topic_id, inquiry.reply) == ("individual", None, "Ring til dem.")
