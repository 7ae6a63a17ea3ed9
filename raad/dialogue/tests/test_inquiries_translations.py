"""The dialogue catalogues: English complete and compiled; Arabic and Ukrainian hold the citizen-facing strings,
marked as drafts for a professional translator, never fuzzy."""

from raad.testing import catalogues


def test_english_catalogue_is_complete():
    catalogues.assert_english_complete("dialogue")


def test_english_catalogue_is_compiled():
    catalogues.assert_compiled("dialogue")


def test_community_language_catalogues_are_drafts_not_fuzzy():
    for language in ("ar", "uk"):
        path = catalogues.RAAD / "dialogue" / "locale" / language / "LC_MESSAGES" / "django.po"
        entries = catalogues.entries(path)
        header = next(e for e in entries if e["msgid"] == "")
        assert "fuzzy" not in header["flags"]
        assert (
            "X-Translation-Status: draft (machine-assisted, needs review by a professional translator)"
            in header["msgstr"][0]
        )
        messages = {e["msgid"]: e for e in entries if e["msgid"]}
        assert not [m for m, e in messages.items() if "fuzzy" in e["flags"]]
        for wanted in (
            "Skriv til rådet",
            "Rådet kan ikke behandle din egen sag",
            "Kvittering for din henvendelse %(reference)s",
        ):
            assert messages[wanted]["msgstr"][0].strip(), (language, wanted)
