"""Each published statement can carry an easy-read version and translations of its published text (issue #11):
the adopted version, never a draft; shown on the public page when the reader asks for it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from raad.core import translation_desk, translations
from raad.core.translations import EASY_READ
from raad.statements import services
from raad.statements.models import StatementVersion

from .conftest import adopt_at_meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_the_demo_day")]  # the consultation's dates

EASY = "Rådet vil have mere sprogundervisning. Det er vigtigt for at få et job."
ENGLISH = "The council supports the policy and proposes more language teaching."


@pytest.fixture
def published(draft, secretary):
    services.statement_version_save(
        statement=draft, text="Rådet støtter politikken.\n\nRådet foreslår mere dansk.", by=secretary
    )
    adopt_at_meeting(draft, by=secretary)
    services.statement_send(statement=draft, by=secretary)
    draft.refresh_from_db()
    assert draft.status == "published"
    return draft


@pytest.fixture
def unpublished(council, committee, secretary):
    return services.statement_create(
        council=council, kind="statement", title="Kladde", recipient=committee, text="KLADDE-TEKST", by=secretary
    )


def desk_versions(council):
    found = translation_desk.items(council, [EASY_READ])
    return {item.obj for item in found if isinstance(item.obj, StatementVersion)}


def test_the_desk_lists_only_the_adopted_version_of_a_published_statement(council, published, unpublished):
    assert published.versions.count() == 2
    assert desk_versions(council) == {published.adopted_version}
    # Nor can the desk open an earlier draft or another statement's version for editing.
    key = "statements.statementversion"
    first = published.versions.get(number=1)
    assert translation_desk.object_for(council, key, str(first.pk)) is None
    assert translation_desk.object_for(council, key, str(unpublished.versions.get().pk)) is None
    assert translation_desk.object_for(council, key, str(published.adopted_version_id)) is not None


def page(client, statement, prefix=""):
    with translation.override("da"):  # the Danish address; `prefix` names the language
        url = prefix + reverse("statements:public_detail", args=[statement.council.slug, statement.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_public_page_shows_the_easy_read_version_when_toggled(client, published):
    translations.translation_set(
        obj=published.adopted_version, field="text", language=EASY_READ, text=EASY, status="draft"
    )
    danish = page(client, published)
    assert "Rådet foreslår mere dansk." in danish and EASY not in danish
    assert "/konto/let-dansk/?let_dansk=1&amp;next=" in danish  # the toggle is offered
    client.post(reverse("core:easy_read"), {"let_dansk": "1", "next": "/"})
    easy = page(client, published)
    assert EASY in easy and "Rådet foreslår mere dansk." not in easy


def test_no_toggle_without_an_easy_read_version(client, published):
    shown = page(client, published)
    assert "Rådet foreslår mere dansk." in shown and "let_dansk=" not in shown


def test_the_english_page_shows_the_translation_or_says_it_is_danish(client, published):
    untranslated = page(client, published, "/en")
    assert "Rådet foreslår mere dansk." in untranslated
    assert "raad-fallback-notice" in untranslated
    translations.translation_set(
        obj=published.adopted_version, field="text", language="en", text=ENGLISH, status="draft"
    )
    english = page(client, published, "/en")
    assert ENGLISH in english and "Rådet foreslår mere dansk." not in english
    assert "Unofficial translation, not reviewed" in english


def test_an_unpublished_version_never_appears_on_a_public_page(client, council, published, unpublished):
    secrets = {"HEMMELIG-LET", "HEMMELIG-ENGLISH"}
    for version in (published.versions.get(number=1), unpublished.versions.get()):
        translations.translation_set(obj=version, field="text", language=EASY_READ, text="HEMMELIG-LET", status="draft")
        translations.translation_set(obj=version, field="text", language="en", text="HEMMELIG-ENGLISH", status="draft")
    client.post(reverse("core:easy_read"), {"let_dansk": "1", "next": "/"})
    with translation.override("da"):
        archive = reverse("statements:public_archive", args=[council.slug])
        detail = reverse("statements:public_detail", args=[council.slug, unpublished.pk])
    for prefix in ("", "/en"):
        texts = [page(client, published, prefix), client.get(prefix + archive).content.decode()]
        assert not [secret for text in texts for secret in secrets if secret in text]
        hidden = prefix + detail
        assert client.get(hidden).status_code == 404
