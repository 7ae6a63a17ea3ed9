"""Translated content lives in one place, core.ContentTranslation (raad.core.translations): the English that
used to sit in `_en` sibling fields was moved there by a data migration (and back, when migrated backwards);
pages in English show it, pages in Danish the Danish, a missing translation falls back to the Danish; a list
page in English costs a fixed number of extra queries, whatever its length; every write is journalled with
CPR numbers masked and personal data kept out; the secretariat's forms still edit the English."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from raad.core import translations
from raad.core.audit import PRIVATE_VALUE
from raad.core.models import AuditEntry, ContentTranslation
from raad.councils.models import Council, Purpose, PurposeTask, TermsOfReference
from raad.testing.cast import log_in_verified, make_council, make_person, make_secretary

CPR = "010203-1234"
CPR_MASK = "XXXXXX-XXXX"

# The migrations that move the English (one per app), and the ones before them.
MOVES = [
    ("councils", "0005_english_into_content_translations"),
    ("membership", "0006_english_into_content_translations"),
    ("statements", "0004_english_into_content_translations"),
]
BEFORE = [
    ("councils", "0004_citizen_languages_inquiry_retention"),
    ("membership", "0005_person_confidentiality_acknowledged"),
    ("statements", "0003_journal_entry_renamed_record_entry"),
]


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.strip().encode()).hexdigest()


def english_rows(obj) -> dict[str, ContentTranslation]:
    return {
        row.field: row
        for row in ContentTranslation.objects.filter(
            content_type__app_label=obj._meta.app_label,
            content_type__model=obj._meta.model_name,
            object_id=str(obj.pk),
            language="en",
        )
    }


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_moves_the_english_into_translations_and_back():
    council = make_council()  # the preset writes its English as translations
    person = make_person("Amina", "Yusuf")
    translations.translation_set(
        obj=person, field="bio", language="en", text="Nurse, born in Mogadishu.", status="reviewed"
    )
    purpose = Purpose.objects.get(terms_of_reference__council=council, number=3)
    translations.translation_set(obj=purpose, field="title", language="ar", text="عنوان", status="draft")
    # Forward again means every app's latest migration: going back to BEFORE also unapplies the migrations of
    # other apps that depend on later ones (community, the meetings' rooms), and the tests after this one need them.
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        # Backwards: the English goes back into the `_en` fields, and its rows go.
        old = _migrate(BEFORE)
        OldCouncil = old.get_model("councils", "Council")  # noqa: N806
        OldPurpose = old.get_model("councils", "Purpose")  # noqa: N806
        OldPerson = old.get_model("membership", "Person")  # noqa: N806
        OldTask = old.get_model("councils", "PurposeTask")  # noqa: N806
        back = OldCouncil.objects.get(pk=council.pk)
        assert (back.name_en, back.contact_hours_en) == (
            "Holbæk Municipality Integration Council",
            "Monday–Thursday 9–15, Friday 9–13",
        )
        assert OldPurpose.objects.get(pk=purpose.pk).title_en.startswith("Help strengthen dialogue")
        assert OldPerson.objects.get(pk=person.pk).bio_en == "Nurse, born in Mogadishu."
        assert OldTask.objects.filter(purpose_id=purpose.pk, text_en="Hold events that serve integration.").exists()
        assert not ContentTranslation.objects.filter(language="en").exists()
        # a language the fields never had stays where it is
        assert ContentTranslation.objects.filter(language="ar", object_id=str(purpose.pk)).count() == 1
        # An English text typed into an old field, and an empty one, before migrating forward again.
        OldCouncil.objects.filter(pk=council.pk).update(secretariat_unit_en="", contact_hours_en="Mon–Thu 9–15")
        _migrate(leaves)
    finally:
        _migrate(leaves)  # the database as the other tests expect it, whatever failed
    rows = english_rows(council)
    assert set(rows) == {"name", "contact_hours"}  # the emptied one is not moved
    assert (rows["contact_hours"].text, rows["contact_hours"].status) == ("Mon–Thu 9–15", "reviewed")
    assert rows["contact_hours"].source_hash == fingerprint(council.contact_hours)
    assert english_rows(person)["bio"].text == "Nurse, born in Mogadishu."
    terms = TermsOfReference.objects.get(council=council)
    assert english_rows(terms)["limits"].text == "The Integration Council cannot deal with individual cases."
    assert english_rows(terms)["limits"].source_hash == fingerprint(terms.limits)
    fresh = Council.objects.get(pk=council.pk)
    with translations_in("en"):
        assert translations.localized(fresh, "name") == "Holbæk Municipality Integration Council"


def translations_in(language):
    from django.utils import translation

    return translation.override(language)


@pytest.mark.django_db
def test_an_english_page_shows_the_english_a_danish_page_the_danish_and_a_missing_one_falls_back(client):
    council = make_council()
    terms = TermsOfReference.objects.get(council=council)
    purpose = Purpose.objects.get(terms_of_reference=terms, number=2)
    translations.translation_set(obj=purpose, field="title", language="en", text="", status="reviewed")  # removed
    url = reverse("portal:council", args=[council.slug])
    english = client.get("/en" + url).content.decode()
    danish = client.get(url).content.decode()
    assert "<h1>Holbæk Municipality Integration Council</h1>" in english
    assert "The Integration Council cannot deal with individual cases." in english
    assert "Help make the municipality&#x27;s integration work effective and coherent" in english
    # no English any more: the Danish, marked as Danish for screen readers
    assert f'2. <span lang="da" dir="ltr">{escape(purpose.title)}</span></h3>' in english
    assert "<h1>Integrationsrådet i Holbæk Kommune</h1>" in danish
    assert "Integrationsrådet kan ikke behandle enkeltsager." in danish
    assert "The Integration Council" not in danish


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_a_list_page_in_english_costs_a_fixed_number_of_queries_whatever_its_length(client):
    council = make_council()
    url = reverse("portal:council", args=[council.slug])
    client.get(url)  # warm the caches (content types, session)
    danish, english = _count(client, url), _count(client, "/en" + url)
    terms = TermsOfReference.objects.get(council=council)
    for number in (5, 6, 7):
        purpose = Purpose.objects.create(terms_of_reference=terms, number=number, title=f"Formål {number}")
        translations.translation_set(
            obj=purpose, field="title", language="en", text=f"Purpose {number}", status="reviewed"
        )
    page = client.get("/en" + url).content.decode()
    assert "7. <span>Purpose 7</span></h3>" in page
    assert (_count(client, url), _count(client, "/en" + url)) == (danish, english)
    # English: one query for the translations of the council, its kommissorium and all the purposes and tasks;
    # Danish: one query for whether any of them has an easy-read version (the "Let dansk" switch)
    assert english == danish


@pytest.mark.django_db
def test_translation_set_journals_before_and_after_masks_cpr_and_journals_nothing_unchanged():
    council = make_council()
    start = AuditEntry.objects.count()
    translations.translation_set(
        obj=council, field="contact_hours", language="en", text=f"Ask for {CPR}", status="draft"
    )
    row = english_rows(council)["contact_hours"]
    assert (row.text, row.status) == (f"Ask for {CPR_MASK}", "draft")
    [entry] = AuditEntry.objects.order_by("pk")[start:]
    assert (entry.verb, entry.target_id, entry.council_id) == ("translation.saved", str(council.pk), None)
    assert entry.changes == {
        "contact_hours": {"before": "Monday–Thursday 9–15, Friday 9–13", "after": f"Ask for {CPR_MASK}"},
        "language": "en",
        "status": {"before": "reviewed", "after": "draft"},
    }
    translations.translation_set(
        obj=council, field="contact_hours", language="en", text=f"Ask for {CPR}", status="draft"
    )
    assert AuditEntry.objects.count() == start + 1  # unchanged: nothing journalled
    translations.translation_set(obj=council, field="contact_hours", language="en", text=" ", status="draft")
    removed = AuditEntry.objects.latest("pk")
    assert removed.verb == "translation.removed"
    assert removed.changes == {"contact_hours": {"before": f"Ask for {CPR_MASK}", "after": ""}, "language": "en"}
    assert "contact_hours" not in english_rows(council)
    assert "1234" not in str(list(AuditEntry.objects.values_list("changes", flat=True)))


@pytest.mark.django_db
def test_a_members_english_introduction_is_personal_data_kept_out_of_the_journal_and_erased_with_them():
    from raad.membership.services.retention import _anonymise_person

    person = make_person("Amina", "Yusuf")
    translations.translation_set(obj=person, field="bio", language="en", text="Nurse in Holbæk.", status="reviewed")
    entry = AuditEntry.objects.filter(verb="translation.saved", target_id=str(person.pk)).get()
    assert entry.changes["bio"] == {"before": "", "after": PRIVATE_VALUE}
    assert "Nurse" not in str(entry.changes)
    _anonymise_person(person)
    assert not english_rows(person)


@pytest.mark.django_db
def test_the_contact_form_round_trips_the_english_name_through_the_translations(client):
    council = make_council()
    secretary = make_secretary(council)
    log_in_verified(client, secretary)
    url = reverse("secretariat:contact", args=[council.slug])
    form = client.get(url).context["form"]
    assert form["name_en"].value() == "Holbæk Municipality Integration Council"
    data = {name: form[name].value() or "" for name in form.fields}
    data["name_en"] = "The Integration Council of Holbæk"
    start = AuditEntry.objects.count()
    response = client.post(url, data)
    assert response.status_code == 302
    assert english_rows(council)["name"].text == "The Integration Council of Holbæk"
    assert english_rows(council)["name"].status == "reviewed"
    [entry] = AuditEntry.objects.order_by("pk")[start:]  # the Danish is unchanged: one entry, the English
    assert (entry.verb, entry.actor, entry.changes["name"]["after"]) == (
        "translation.saved",
        secretary,
        "The Integration Council of Holbæk",
    )
    assert client.get(url).context["form"]["name_en"].value() == "The Integration Council of Holbæk"
    page = client.get("/en" + reverse("portal:contact", args=[council.slug])).content.decode()
    assert "The Integration Council of Holbæk" in page


@pytest.mark.django_db
def test_the_purpose_form_round_trips_the_english_title_and_tasks(client):
    council = make_council()
    secretary = make_secretary(council)
    log_in_verified(client, secretary)
    url = reverse("secretariat:purpose", args=[council.slug, 4])
    form = client.get(url).context["form"]
    assert form["title_en"].value() == "Help root dialogue and integration in volunteering and associations"
    assert form["tasks_en"].value() == "Help support the municipality's volunteering strategy."
    data = {name: form[name].value() or "" for name in form.fields}
    data["tasks"] += "\nMøde foreningerne"
    data["tasks_en"] += "\nMeet the associations"
    assert client.post(url, data).status_code == 302
    purpose = Purpose.objects.get(terms_of_reference__council=council, number=4)
    tasks = list(purpose.tasks.order_by("position"))
    assert [translations.translated(t, "text", "en") for t in tasks] == [
        "Help support the municipality's volunteering strategy.",
        "Meet the associations",
    ]
    # the replaced tasks' translations went with them: none is left without its task
    task_ids = {str(pk) for pk in PurposeTask.objects.values_list("pk", flat=True)}
    assert (
        set(ContentTranslation.objects.filter(content_type__model="purposetask").values_list("object_id", flat=True))
        <= task_ids
    )
