"""LIX (raad.core.readability) on real-looking Danish, each figure counted by hand in the comment above it."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.utils import translation

from raad.core import readability
from raad.core.readability import analyse, lix


def test_two_plain_sentences_with_a_date_a_clock_time_and_an_abbreviation():
    # Rådet | mødes | den | 22 | juni | 2022 | kl | 17.00 | på | rådhuset || Alle | er | velkomne
    # 13 words; long (> 6 letters): rådhuset, velkomne = 2; "22." before "juni" and "kl." end nothing: 2 sentences.
    # LIX = 13/2 + 100·2/13 = 6.5 + 15.38 = 21.88 → 22 (meget let)
    text = "Rådet mødes den 22. juni 2022 kl. 17.00 på rådhuset. Alle er velkomne."
    assert analyse(text) == readability.Lix(words=13, sentences=2, long_words=2)
    assert lix(text) == 22
    assert analyse(text).band == "very_easy"


def test_administrative_danish_with_abbreviations_is_very_hard():
    # Integrationsrådet | rådgiver | kommunalbestyrelsen | om | bl.a. | beskæftigelse | uddannelse | og | f.eks. |
    # boliger || Det | sker | skriftligt: 13 words, 2 sentences ("bl.a." and "f.eks." end none).
    # Long: Integrationsrådet, rådgiver, kommunalbestyrelsen, beskæftigelse, uddannelse, boliger, skriftligt = 7.
    # LIX = 13/2 + 100·7/13 = 6.5 + 53.85 = 60.35 → 60 (meget svær)
    text = (
        "Integrationsrådet rådgiver kommunalbestyrelsen om bl.a. beskæftigelse, uddannelse og f.eks. boliger. "
        "Det sker skriftligt!"
    )
    assert analyse(text) == readability.Lix(words=13, sentences=2, long_words=7)
    assert lix(text) == 60
    assert analyse(text).band == "very_hard"


def test_bullet_lines_and_a_colon_end_sentences():
    # "Formål:" 1 word, 1 sentence (the colon); each bullet a sentence: "Lige muligheder for alle" (4),
    # "Dialog med borgerne" (3); "Rådet er talerør." (3): 11 words, 4 sentences.
    # Long: muligheder (10), borgerne (8), talerør (7) = 3; Formål has 6 letters, not long.
    # LIX = 11/4 + 100·3/11 = 2.75 + 27.27 = 30.02 → 30 (let)
    text = "Formål:\n- Lige muligheder for alle\n- Dialog med borgerne\n\nRådet er talerør."
    assert analyse(text) == readability.Lix(words=11, sentences=4, long_words=3)
    assert lix(text) == 30
    assert analyse(text).band == "easy"


def test_numbers_hyphenated_compounds_and_a_heading_without_full_stop():
    # Heading "Rådets økonomi": 2 words, a sentence of its own (its paragraph has no closing full stop).
    # "Rådet har 10.000 kr. om året til FN-dagen og møder.": "10.000" is one word; "kr." is not in the
    # abbreviation list, so its full stop ends a sentence: 2 sentences, 10 words.
    # Words: 12; long: økonomi (7 letters), FN-dagen (7 letters) = 2; sentences 1 + 2 = 3.
    # LIX = 12/3 + 100·2/12 = 4 + 16.67 = 20.67 → 21
    text = "Rådets økonomi\n\nRådet har 10.000 kr. om året til FN-dagen og møder."
    assert analyse(text) == readability.Lix(words=12, sentences=3, long_words=2)
    assert lix(text) == 21


def test_quotes_and_brackets_do_not_hide_a_sentence_end():
    # «Vi | vil | høre | fra | jer» || (Skriv | til | os.) : 8 words, 2 sentences, no long word.
    # LIX = 8/2 + 0 = 4
    assert analyse("«Vi vil høre fra jer.» (Skriv til os.)") == readability.Lix(words=8, sentences=2, long_words=0)


def test_empty_text_is_zero_and_no_band_is_claimed_met():
    figures = analyse("  \n\n ")
    assert (figures.words, figures.value) == (0, 0)
    assert figures.meets() is False
    assert readability.describe("")["empty"] is True


@pytest.mark.parametrize(
    ("value", "danish", "english"),
    [
        (0, "meget let", "very easy"),
        (24, "meget let", "very easy"),
        (25, "let", "easy"),
        (34, "let", "easy"),
        (35, "middel", "medium"),
        (44, "middel", "medium"),
        (45, "svær", "difficult"),
        (54, "svær", "difficult"),
        (55, "meget svær", "very difficult"),
        (80, "meget svær", "very difficult"),
    ],
)
def test_bands_have_danish_and_english_names(value, danish, english):
    with translation.override("da"):
        assert str(readability.band_label(value)) == danish
    with translation.override("en"):
        assert str(readability.band_label(value)) == english


def test_easy_read_target_comes_from_the_setting():
    text = "Rådet mødes den 22. juni 2022 kl. 17.00 på rådhuset. Alle er velkomne."  # LIX 22
    assert readability.easy_read_target() == 25
    assert analyse(text).meets() is True
    with override_settings(EASY_READ_LIX_TARGET=20):
        assert readability.describe(text, easy_read=True) | {"bands": None} == {
            "value": 22,
            "words": 13,
            "band": "very_easy",
            "band_label": "meget let",
            "empty": False,
            "easy_read": True,
            "target": 20,
            "meets": False,
            "bands": None,
        }
