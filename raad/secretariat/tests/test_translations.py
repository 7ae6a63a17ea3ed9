"""The secretariat's translation pages (docs/translations.md, "Content translations and easy-read"): the
overview's counts per status (outdated included), the edit page with its audit entries, export to a PO file
and import back (fuzzy → draft, no flag → reviewed), and the refusals of an import."""

from __future__ import annotations

import re
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raad.core import po, translation_desk, translations
from raad.core.models import AuditEntry, ContentTranslation
from raad.core.translations import EASY_READ
from raad.dialogue.models import Topic
from raad.testing.cast import log_in_verified, make_council, make_secretary

pytestmark = pytest.mark.django_db

HOUSING = "Mange nyankomne familier venter længe på en bolig. Rådet vil undersøge ventetiderne."
HOUSING_EN = "Many newly arrived families wait a long time for a home. The council will look into waiting times."
HOUSING_EASY = "Mange nye familier venter på en bolig. Rådet vil se på det."


@pytest.fixture
def council():
    return make_council()


@pytest.fixture
def secretary(council):
    return make_secretary(council)


def topic(council, number, title, summary="", outcome=""):
    return Topic.objects.create(council=council, number=number, title=title, summary=summary, outcome=outcome)


@pytest.fixture
def topics(council, secretary):
    """Three topics: one with a reviewed English title, one with a draft, one whose Danish changed after."""
    housing = topic(council, 1, "Boliger til nyankomne", HOUSING)
    school = topic(council, 2, "Skolestart for tosprogede børn")
    clubs = topic(council, 3, "Foreninger og frivillige")
    translations.translation_set(
        obj=housing, field="title", language="en", text="Homes for newcomers", status="reviewed", actor=secretary
    )
    translations.translation_set(
        obj=school, field="title", language="en", text="School start", status="draft", actor=secretary
    )
    translations.translation_set(
        obj=clubs, field="title", language="en", text="Associations", status="reviewed", actor=secretary
    )
    Topic.objects.filter(pk=clubs.pk).update(title="Foreninger, frivillige og fritid")  # the Danish changed
    return housing, school, clubs


def topic_counts(council, language):
    found = translation_desk.items(council, [language])
    [title] = [
        row for row in translation_desk.summary(found, [language]) if row.entry.model is Topic and row.field == "title"
    ]
    return title.counts


def test_counts_per_status_with_outdated(council, topics):
    assert topic_counts(council, "en") == {"missing": 0, "draft": 1, "reviewed": 1, "outdated": 1}
    assert topic_counts(council, EASY_READ) == {"missing": 3, "draft": 0, "reviewed": 0, "outdated": 0}
    # Only the one topic with a Danish summary has a summary to translate.
    found = translation_desk.items(council, ["en"])
    assert [(i.obj.number, i.status) for i in found if i.entry.model is Topic and i.field == "summary"] == [
        (1, "missing")
    ]


def test_another_councils_topics_are_not_counted(council, topics):
    from raad.councils.models import Council

    other = Council.objects.create(municipality=council.municipality, name="Ældrerådet", slug="aeldreraadet")
    topic(other, 1, "Bænke i byen")
    assert topic_counts(council, "en") == {"missing": 0, "draft": 1, "reviewed": 1, "outdated": 1}
    assert [i.obj.title for i in translation_desk.items(other, ["en"]) if i.entry.model is Topic] == ["Bænke i byen"]


def test_languages_are_english_the_community_languages_and_easy_read(council):
    council.citizen_languages = ["ar", "uk", "da", "en"]
    assert translation_desk.council_languages(council) == ["en", "ar", "uk", EASY_READ]


def test_the_overview_reads_with_two_queries_per_model_however_many_topics(council, topics, client, secretary):
    with CaptureQueriesContext(connection) as few:
        translation_desk.items(council)
    for number in (14, 15, 16):
        topic(council, number, f"Emne {number}", "Beskrivelse")
    with CaptureQueriesContext(connection) as many:
        found = translation_desk.items(council)
    assert len(many) == len(few) <= 2 * len(translations.registered())
    assert {i.obj.title for i in found if i.entry.model is Topic} >= {"Emne 14", "Emne 15", "Emne 16"}

    log_in_verified(client, secretary)
    url = reverse("secretariat:translations", args=[council.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(4, 10):
        topic(council, number, f"Emne {number}", "En beskrivelse.")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_overview_page_shows_counts_and_filters(client, council, secretary, topics):
    log_in_verified(client, secretary)
    url = reverse("secretariat:translations", args=[council.slug])
    html = client.get(url, {"sprog": "en", "status": "outdated"}).content.decode()
    row = re.search(r"<tr><td>Emner</td><td>emne</td><td>English</td>(.*?)</tr>", html).group(1)
    assert re.findall(r'data-status="(\w+)">(\d+)<', row) == [
        ("missing", "0"),
        ("draft", "1"),
        ("reviewed", "1"),
        ("outdated", "1"),
    ]
    items = html.split('id="items-caption"', 1)[1].split("</table>", 1)[0]
    assert "Foreninger, frivillige og fritid" in items
    assert "Boliger til nyankomne" not in items  # reviewed, filtered out
    assert "Let dansk" not in items  # English only


def test_overview_needs_the_secretariat(client, council, topics):
    from raad.testing.cast import make_liaison

    log_in_verified(client, make_liaison(council))
    assert client.get(reverse("secretariat:translations", args=[council.slug])).status_code == 403


def edit_url(council, obj, language):
    return reverse("secretariat:translation_edit", args=[council.slug, "dialogue.topic", obj.pk, language])


def test_edit_round_trip_with_audit(client, council, secretary, topics):
    housing = topics[0]
    log_in_verified(client, secretary)
    page = client.get(edit_url(council, housing, EASY_READ)).content.decode()
    assert HOUSING in page  # the Danish source beside the text area
    assert "LIX" in page and "Mål for let dansk: LIX 25 eller lavere." in page

    before = AuditEntry.objects.filter(verb="translation.saved").count()
    response = client.post(
        edit_url(council, housing, EASY_READ),
        {
            "title": "Boliger til nye i Holbæk",
            "title__status": "draft",
            "summary": HOUSING_EASY,
            "summary__status": "reviewed",
        },
    )
    assert response.status_code == 302
    rows = ContentTranslation.objects.filter(object_id=str(housing.pk), language=EASY_READ).order_by("field")
    assert [(r.field, r.text, r.status) for r in rows] == [
        ("summary", HOUSING_EASY, "reviewed"),
        ("title", "Boliger til nye i Holbæk", "draft"),
    ]
    entries = AuditEntry.objects.filter(verb="translation.saved").order_by("id")[before:]
    # The journal names the field by its own key (its label in the audit table), with the language.
    assert [(_field_of(e.changes), e.changes["language"], e.actor_id, e.council_id) for e in entries] == [
        ("title", EASY_READ, secretary.pk, council.pk),
        ("summary", EASY_READ, secretary.pk, council.pk),
    ]
    # The same again changes nothing and writes no audit entry.
    client.post(
        edit_url(council, housing, EASY_READ),
        {
            "title": "Boliger til nye i Holbæk",
            "title__status": "draft",
            "summary": HOUSING_EASY,
            "summary__status": "reviewed",
        },
    )
    assert AuditEntry.objects.filter(verb="translation.saved").count() == before + 2
    # Emptying a text removes the translation (the Danish shows again).
    client.post(
        edit_url(council, housing, EASY_READ),
        {"title": "", "title__status": "draft", "summary": HOUSING_EASY, "summary__status": "reviewed"},
    )
    assert list(
        ContentTranslation.objects.filter(object_id=str(housing.pk), language=EASY_READ).values_list("field", flat=True)
    ) == ["summary"]
    assert AuditEntry.objects.filter(verb="translation.removed").count() == 1


def test_edit_refuses_an_object_of_another_council_and_an_unknown_language(client, council, secretary, topics):
    from raad.councils.models import Council

    other = Council.objects.create(municipality=council.municipality, name="Ældrerådet", slug="aeldreraadet")
    foreign = topic(other, 1, "Bænke i byen")
    log_in_verified(client, secretary)
    assert client.get(edit_url(council, foreign, "en")).status_code == 404
    assert client.get(edit_url(council, topics[0], "xx")).status_code == 404
    assert (
        client.get(reverse("secretariat:translation_edit", args=[council.slug, "auth.user", 1, "en"])).status_code
        == 404
    )


def export(council, language):
    return translation_desk.po_export(council=council, language=language)


def entry_for(entries, context):
    [found] = [e for e in entries if e.msgctxt == context]
    return found


def test_export_is_a_valid_po_file_msgfmt_accepts(council, topics, tmp_path):
    content = export(council, "en")
    path = tmp_path / "en.po"
    path.write_text(content, encoding="utf-8")
    checked = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    header, entries = po.read(content)
    assert header["Language"] == "en" and header["X-Raad-Council"] == council.slug
    housing, school, clubs = topics
    reviewed = entry_for(entries, f"dialogue.topic:{housing.pk}:title")
    assert (reviewed.msgid, reviewed.msgstr, reviewed.flags) == ("Boliger til nyankomne", "Homes for newcomers", [])
    draft = entry_for(entries, f"dialogue.topic:{school.pk}:title")
    assert (draft.msgstr, draft.flags) == ("School start", ["fuzzy"])
    outdated = entry_for(entries, f"dialogue.topic:{clubs.pk}:title")
    assert (outdated.msgid, outdated.msgstr, outdated.flags) == (
        "Foreninger, frivillige og fritid",
        "Associations",
        ["fuzzy"],
    )
    missing = entry_for(entries, f"dialogue.topic:{housing.pk}:summary")
    assert (missing.msgid, missing.msgstr, missing.flags) == (HOUSING, "", [])


def _field_of(changes) -> str:
    return next(key for key in changes if key not in ("language", "status"))


def _topic_rows():
    """The translations of topics only (the council's kommissorium and rules are translated too)."""
    from django.contrib.contenttypes.models import ContentType

    return ContentTranslation.objects.filter(content_type=ContentType.objects.get_for_model(Topic))


def translate(content, context, text, *, fuzzy):
    header, entries = po.read(content)
    for entry in entries:
        if entry.msgctxt == context:
            entry.msgstr = text
            entry.flags = ["fuzzy"] if fuzzy else []
    return po.write(entries, header)


def test_export_edit_import_round_trip(council, secretary, topics):
    housing, school, clubs = topics
    content = export(council, "en")
    content = translate(content, f"dialogue.topic:{housing.pk}:summary", HOUSING_EN, fuzzy=True)
    content = translate(
        content, f"dialogue.topic:{school.pk}:title", "School start for bilingual children", fuzzy=False
    )
    content = translate(
        content, f"dialogue.topic:{clubs.pk}:title", "Associations, volunteers and leisure", fuzzy=False
    )

    journalled = AuditEntry.objects.filter(verb="translation.saved", council_id=council.pk).count()
    result = translation_desk.po_import(content=content.encode(), council=council, actor=secretary)

    # every other text of the council in the file (kommissorium, rules …) comes back unchanged
    total = len(po.read(content)[1])
    assert (result.imported, result.unchanged, result.errors) == (3, total - 3, [])
    stored = {(r.object_id, r.field): (r.text, r.status) for r in _topic_rows().filter(language="en")}
    assert stored == {
        (str(housing.pk), "title"): ("Homes for newcomers", "reviewed"),
        (str(housing.pk), "summary"): (HOUSING_EN, "draft"),
        (str(school.pk), "title"): ("School start for bilingual children", "reviewed"),
        (str(clubs.pk), "title"): ("Associations, volunteers and leisure", "reviewed"),
    }
    # One audit entry per change, in the council's journal (the fixture's own entries name no council).
    assert AuditEntry.objects.filter(verb="translation.saved", council_id=council.pk).count() == journalled + 3
    assert topic_counts(council, "en") == {"missing": 0, "draft": 0, "reviewed": 3, "outdated": 0}
    # The same file again changes nothing.
    again = translation_desk.po_import(content=content, council=council, actor=secretary)
    assert (again.imported, again.unchanged) == (0, total)


def test_import_refuses_unknown_objects_and_changed_sources_and_imports_the_rest(council, secretary, topics):
    housing, school, _clubs = topics
    content = export(council, "en")
    content = translate(content, f"dialogue.topic:{housing.pk}:summary", HOUSING_EN, fuzzy=False)
    content = translate(
        content, f"dialogue.topic:{school.pk}:title", "School start for bilingual children", fuzzy=False
    )
    content += '\nmsgctxt "dialogue.topic:99999:title"\nmsgid "Findes ikke"\nmsgstr "Does not exist"\n'
    content += '\nmsgctxt "auth.user:1:username"\nmsgid "admin"\nmsgstr "admin"\n'
    Topic.objects.filter(pk=housing.pk).update(summary=HOUSING + " Svar kommer i marts.")

    result = translation_desk.po_import(content=content, council=council, actor=secretary)
    assert result.imported == 1
    assert len(result.errors) == 3
    assert f"dialogue.topic:{housing.pk}:summary er ændret, siden filen blev lavet" in result.errors[0]
    assert "dialogue.topic:99999:title findes ikke" in result.errors[1]
    assert "auth.user:1:username findes ikke" in result.errors[2]
    assert not _topic_rows().filter(object_id=str(housing.pk), field="summary").exists()
    assert _topic_rows().get(object_id=str(school.pk), field="title", language="en").status == "reviewed"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('msgid ""\nmsgstr "Language: en\\n"\n\nmsgid "x"\nmsgstr[0] "y"\n', "linje 5"),
        ('msgid ""\nmsgstr "Language: xx\\n"\n', "Filens sprog (xx)"),
        ("ikke en po-fil", "linje 1"),
    ],
)
def test_a_file_that_cannot_be_read_imports_nothing(council, secretary, content, message):
    result = translation_desk.po_import(content=content, council=council, actor=secretary)
    assert result.imported == 0
    assert len(result.errors) == 1 and message in result.errors[0]


def test_upload_on_the_overview_shows_translated_errors_and_writes_nothing_of_them(client, council, secretary, topics):
    housing = topics[0]
    content = translate(export(council, "en"), f"dialogue.topic:{housing.pk}:summary", HOUSING_EN, fuzzy=False)
    Topic.objects.filter(pk=housing.pk).update(summary="Ny dansk tekst.")
    log_in_verified(client, secretary)
    url = reverse("secretariat:translations", args=[council.slug])
    response = client.post(url, {"fil": SimpleUploadedFile("en.po", content.encode())})
    assert response.status_code == 400
    html = response.content.decode()
    assert "1 tekst blev ikke importeret" in html
    assert "er ændret, siden filen blev lavet" in html
    assert not ContentTranslation.objects.filter(field="summary").exists()

    client.cookies["django_language"] = "en"
    response = client.post(
        "/en" + url, {"fil": SimpleUploadedFile("en.po", content.encode())}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "1 text was not imported" in response.content.decode()


def test_download_and_upload_on_the_overview(client, council, secretary, topics):
    housing = topics[0]
    log_in_verified(client, secretary)
    response = client.get(reverse("secretariat:translations_export", args=[council.slug]), {"sprog": "en"})
    assert response["Content-Disposition"] == f'attachment; filename="{council.slug}-en.po"'
    content = translate(response.content.decode(), f"dialogue.topic:{housing.pk}:summary", HOUSING_EN, fuzzy=True)
    response = client.post(
        reverse("secretariat:translations", args=[council.slug]), {"fil": SimpleUploadedFile("en.po", content.encode())}
    )
    assert response.status_code == 302
    assert ContentTranslation.objects.get(field="summary", language="en").status == "draft"


def test_commands_export_and_import(council, topics, tmp_path, capsys):
    housing = topics[0]
    call_command("translations_export", council=council.slug, language=EASY_READ)
    content = capsys.readouterr().out
    assert po.read(content)[0]["Language"] == EASY_READ
    path = tmp_path / "let.po"
    path.write_text(
        translate(content, f"dialogue.topic:{housing.pk}:summary", HOUSING_EASY, fuzzy=False), encoding="utf-8"
    )
    call_command("translations_import", str(path))
    assert "1 imported" in capsys.readouterr().out
    row = ContentTranslation.objects.get(field="summary", language=EASY_READ)
    assert (row.text, row.status) == (HOUSING_EASY, "reviewed")
    assert AuditEntry.objects.filter(verb="translation.saved", council_id=council.pk).exists()

    with pytest.raises(CommandError, match="is not translated into 'fr'"):
        call_command("translations_export", council=council.slug, language="fr")
    Topic.objects.filter(pk=housing.pk).update(summary="Ændret.")
    with pytest.raises(CommandError, match="1 entries were not imported"):
        call_command("translations_import", str(path))
