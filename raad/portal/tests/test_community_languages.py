"""Community languages (issue #11): the citizen pages in the languages the council offers (Holbæk: Arabic and
Ukrainian) besides Danish and English; every other page asked for in one is shown in Danish with a notice in
the visitor's language; content without a translation says so; adding a language is configuration plus a
catalogue."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.utils import translation

from raad.core import languages
from raad.core.models import AuditEntry, ContentTranslation
from raad.core.translations import Localized
from raad.councils import services as council_services
from raad.councils.models import Council
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

pytestmark = pytest.mark.django_db

COUNCIL = "/raad/integrationsraadet"
CITIZEN_PAGES = ["/", f"{COUNCIL}/", f"{COUNCIL}/kontakt/", "/persondata/", "/tilgaengelighed/"]
ARABIC_NOTICE = "هذه الصفحة متوفرة باللغتين الدنماركية والإنجليزية فقط."
UKRAINIAN_NOTICE = "Ця сторінка доступна лише данською та англійською мовами."


def body(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, f"{url}: HTTP {response.status_code}"
    return response.content.decode()


def switch_buttons(page: str) -> list[str]:
    """The language switch's links as written: `hreflang lang name`."""
    import re

    switch = page.split('class="raad-language-switch', 1)[1].split("</span>", 1)[0]
    return [
        f"{value} {lang} {name.strip()}"
        for value, lang, name in re.findall(
            r'<a href="[^"]+" hreflang="([^"]+)" lang="([^"]+)" dir="(?:ltr|rtl)" class="function-link">'
            r"<svg[^>]*>.*?</svg>([^<]*)</a>",
            switch,
            flags=re.S,
        )
    ]


def test_the_default_configuration_is_danish_english_arabic_and_ukrainian(settings):
    assert [code for code, _name in settings.LANGUAGES] == ["da", "en", "ar", "uk"]
    assert dict(settings.LANGUAGES)["ar"] == "العربية"
    assert "ar" in settings.LANGUAGES_BIDI and "uk" not in settings.LANGUAGES_BIDI


def test_languages_django_lacks_get_their_names_and_direction():
    assert languages.settings_languages(["so", "ti", "prs", "tr"]) == [
        ("da", "Dansk"),
        ("en", "English"),
        ("so", "Soomaali"),
        ("ti", "ትግርኛ"),
        ("prs", "دری"),
        ("tr", "Türkçe"),
    ]
    assert languages.settings_bidi(["so", "ti", "prs", "fa"]) == ["prs", "fa"]
    assert translation.get_language_info("prs")["bidi"] is True
    with pytest.raises(Exception, match="Unknown language code 'xx' in RAAD_LANGUAGES"):
        languages.configured(["xx"])


@pytest.mark.parametrize("url", CITIZEN_PAGES)
def test_citizen_pages_in_arabic_are_right_to_left(client, demo_data, url):
    page = body(client, f"/ar{url}")
    assert '<html lang="ar" dir="rtl">' in page
    assert "raad/css/rtl.css" in page
    assert "الصفحة الرئيسية" in page  # the menu's "Forside"
    assert ARABIC_NOTICE not in page


@pytest.mark.parametrize("url", CITIZEN_PAGES)
def test_citizen_pages_in_ukrainian_are_left_to_right(client, demo_data, url):
    page = body(client, f"/uk{url}")
    assert '<html lang="uk">' in page
    assert "rtl.css" not in page
    assert "Головна сторінка" in page


def test_danish_and_english_pages_load_no_rtl_styles(client, demo_data):
    assert "rtl.css" not in body(client, "/")
    assert "rtl.css" not in body(client, "/en/")


def test_a_page_that_is_not_a_citizen_page_is_shown_in_danish_with_a_notice_in_arabic(client, demo_data):
    page = body(client, f"/ar{COUNCIL}/medlemmer/")
    assert '<html lang="da">' in page
    assert "<h1>Rådets medlemmer</h1>" in page
    notice = page.split('class="alert alert-info has-icon raad-language-notice"', 1)[1].split("</div>\n</div>", 1)[0]
    assert 'lang="ar" dir="rtl"' in notice
    assert ARABIC_NOTICE in notice
    assert f'<a href="{COUNCIL}/medlemmer/" hreflang="da" lang="da" dir="ltr">Dansk</a>' in notice
    assert f'<a href="/en{COUNCIL}/medlemmer/" hreflang="en" lang="en" dir="ltr">English</a>' in notice
    # The switch on a Danish-only page offers English, not the community languages.
    assert switch_buttons(page) == ["en en English"]


def test_the_workspace_asked_for_in_ukrainian_is_danish_with_a_ukrainian_notice(client, cast):
    log_in_verified(client, cast.secretary)
    page = body(client, "/uk/arbejdsrum/integrationsraadet/")
    assert '<html lang="da">' in page
    assert UKRAINIAN_NOTICE in page
    assert 'href="/arbejdsrum/integrationsraadet/" hreflang="da"' in page


def test_danish_and_english_pages_show_no_notice(client, demo_data):
    for url in (f"{COUNCIL}/medlemmer/", f"/en{COUNCIL}/medlemmer/", "/", "/en/"):
        assert "raad-language-notice" not in body(client, url)


def test_a_language_the_council_does_not_offer_falls_back_to_danish(client, demo_data, cast_secretary):
    council = Council.objects.get(slug="integrationsraadet")
    council_services.council_set_citizen_languages(council=council, languages=["ar"], by=cast_secretary)
    page = body(client, f"/uk{COUNCIL}/")
    assert '<html lang="da">' in page and UKRAINIAN_NOTICE in page
    assert '<html lang="ar" dir="rtl">' in body(client, f"/ar{COUNCIL}/")


def test_the_switch_lists_danish_english_and_the_councils_languages_in_their_own_names(client, demo_data):
    assert switch_buttons(body(client, "/")) == ["en en English", "ar ar العربية", "uk uk Українська"]
    assert switch_buttons(body(client, f"/ar{COUNCIL}/")) == ["da da Dansk", "en en English", "uk uk Українська"]
    page = body(client, "/uk/")
    assert switch_buttons(page) == ["da da Dansk", "en en English", "ar ar العربية"]
    # Each language's address for search engines and assistive tools, hreflang and all.
    assert '<link rel="alternate" hreflang="ar" href="/ar/">' in page


def test_the_switch_lists_only_the_languages_the_council_chose(client, demo_data, cast_secretary):
    council = Council.objects.get(slug="integrationsraadet")
    council_services.council_set_citizen_languages(council=council, languages=["uk"], by=cast_secretary)
    assert switch_buttons(body(client, f"{COUNCIL}/")) == ["en en English", "uk uk Українська"]
    council_services.council_set_citizen_languages(council=council, languages=[], by=cast_secretary)
    assert switch_buttons(body(client, f"{COUNCIL}/")) == ["en en English"]


def test_switching_from_an_arabic_page_to_ukrainian_keeps_the_page(client, demo_data):
    response = client.post("/ar/i18n/setlang/", {"language": "uk", "next": f"/ar{COUNCIL}/kontakt/"})
    assert response.status_code == 302
    assert response["Location"] == f"/uk{COUNCIL}/kontakt/"


# --- Content without a translation -------------------------------------------------------------------------


@pytest.fixture
def untranslated_arabic(demo_data):
    """The demo without its Arabic drafts (raad/councils/demo_translations.py): no content in Arabic."""
    ContentTranslation.objects.filter(language="ar").delete()
    return demo_data


def test_council_page_in_arabic_says_its_content_is_shown_in_danish(client, untranslated_arabic):
    page = body(client, f"/ar{COUNCIL}/")
    assert "هذا النص غير متوفر بلغتك بعد. وهو معروض باللغة الدنماركية." in page
    assert '<h1 lang="da" dir="ltr">Integrationsrådet i Holbæk Kommune</h1>' in page
    # Danish and English have their content: no notice.
    assert "raad-fallback-notice" not in body(client, f"{COUNCIL}/")
    assert "raad-fallback-notice" not in body(client, f"/en{COUNCIL}/")


def _translate(obj, field: str, text: str, status: str = ContentTranslation.Status.REVIEWED) -> None:
    ContentTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        field=field,
        language="ar",
        text=text,
        status=status,
    )


def test_a_draft_translation_is_shown_and_marked_unofficial(client, untranslated_arabic):
    council = Council.objects.get(slug="integrationsraadet")
    _translate(council, "name", "مجلس الاندماج في بلدية هولبيك", ContentTranslation.Status.DRAFT)
    page = body(client, f"/ar{COUNCIL}/")
    assert "<h1>مجلس الاندماج في بلدية هولبيك</h1>" in page
    assert "ترجمة غير رسمية، لم تتم مراجعتها" in page
    assert "بعض أجزاء هذه الصفحة غير متوفرة بلغتك بعد. وهي معروضة باللغة الدنماركية." in page


def test_a_fully_reviewed_translation_shows_no_notice(client, untranslated_arabic):
    council = Council.objects.get(slug="integrationsraadet")
    terms = council.terms_of_reference
    _translate(council, "name", "مجلس الاندماج")
    for field in terms.TEXT_FIELDS:
        _translate(terms, field, f"نص {field}")
    for purpose in terms.purposes.all():
        _translate(purpose, "title", f"الهدف {purpose.number}")
        _translate(purpose, "description", f"وصف {purpose.number}")
        for task in purpose.tasks.all():
            _translate(task, "text", f"مهمة {task.pk}")
    page = body(client, f"/ar{COUNCIL}/")
    assert "<h1>مجلس الاندماج</h1>" in page
    assert "raad-fallback-notice" not in page


@pytest.mark.parametrize(
    ("language", "shown", "expected"),
    [
        ("ar", Localized("x", "da", is_fallback=True, is_draft=False), "هذا النص غير متوفر بلغتك بعد."),
        ("uk", Localized("x", "uk", is_fallback=False, is_draft=True), "Неофіційний переклад, не перевірений"),
        ("en", Localized("x", "da", is_fallback=True, is_draft=False), "This text is not yet available in your"),
    ],
)
def test_the_fallback_include_speaks_the_visitors_language(language, shown, expected):
    from django.template.loader import render_to_string

    with translation.override(language):
        html = render_to_string("core/includes/fallback_notice.html", {"shown": shown})
    assert expected in html


def test_the_fallback_include_is_silent_for_a_reviewed_translation():
    from django.template.loader import render_to_string

    with translation.override("ar"):
        html = render_to_string("core/includes/fallback_notice.html", {"shown": Localized("x", "ar", False, False)})
    assert html.strip() == ""


# --- The secretariat chooses the languages ------------------------------------------------------------------


@pytest.fixture
def cast_secretary(demo_data):
    from raad.core.models import User

    return User.objects.get(username="sekretariat")


def test_the_secretariat_chooses_the_citizen_languages(client, cast):
    log_in_verified(client, cast.secretary)
    page = body(client, "/arbejdsrum/integrationsraadet/kommissorium/")
    assert 'value="ar"' in page and "Arabisk (العربية)" in page
    response = client.post("/arbejdsrum/integrationsraadet/kommissorium/sprog/", {"languages": ["uk"]}, follow=True)
    assert "Sprogene på borgersiderne er gemt." in response.content.decode()
    cast.council.refresh_from_db()
    assert cast.council.citizen_languages == ["uk"]
    entry = AuditEntry.objects.get(verb="council.citizen_languages_changed")
    assert (entry.actor, entry.changes) == (
        cast.secretary,
        {"citizen_languages": {"before": ["ar", "uk"], "after": ["uk"]}},
    )


def test_an_unknown_language_is_refused_and_nothing_changes(client, cast):
    log_in_verified(client, cast.secretary)
    with assert_unchanged():
        response = client.post("/arbejdsrum/integrationsraadet/kommissorium/sprog/", {"languages": ["xx"]})
    assert response.status_code == 400
    assert "Marker en gyldig valgmulighed" in response.content.decode()


def test_a_member_cannot_choose_the_languages(client, cast):
    log_in_verified(client, cast.users["medlem"])
    with assert_unchanged():
        response = client.post("/arbejdsrum/integrationsraadet/kommissorium/sprog/", {"languages": ["uk"]})
    assert response.status_code == 403


def test_the_service_refuses_a_language_the_site_does_not_offer(cast):
    from raad.core.errors import RuleViolation

    with assert_unchanged(), pytest.raises(RuleViolation, match="Sproget findes ikke på webstedet: so."):
        council_services.council_set_citizen_languages(council=cast.council, languages=["so"], by=cast.secretary)


# --- A language added by configuration ----------------------------------------------------------------------

POLISH = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: pl\\n"

msgid "Skriv til rådet"
msgstr "Napisz do rady"

msgid "Forside"
msgstr "Strona główna"
"""


def test_a_language_added_by_configuration_and_a_catalogue_needs_no_code(client, demo_data, cast_secretary, tmp_path):
    catalogue = Path(tmp_path) / "pl" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    (catalogue / "django.po").write_text(POLISH, encoding="utf-8")
    subprocess.run(["msgfmt", "-o", str(catalogue / "django.mo"), str(catalogue / "django.po")], check=True)
    configured = languages.settings_languages(["ar", "uk", "pl"])
    with override_settings(LANGUAGES=configured, LOCALE_PATHS=[str(tmp_path)]):
        council = Council.objects.get(slug="integrationsraadet")
        council_services.council_set_citizen_languages(council=council, languages=["ar", "uk", "pl"], by=cast_secretary)
        assert switch_buttons(body(client, "/")) == [
            "en en English",
            "ar ar العربية",
            "uk uk Українська",
            "pl pl Polski",
        ]
        page = body(client, "/pl/")
        assert '<html lang="pl">' in page
        assert "Napisz do rady" in page and "Strona główna" in page
        # A page that is not a citizen page, in Polish: Danish.
        assert '<html lang="da">' in body(client, f"/pl{COUNCIL}/medlemmer/")
