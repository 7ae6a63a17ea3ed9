"""The integration effort's English catalogue is complete and compiled."""

from raad.testing import catalogues


def test_every_string_of_the_effort_has_an_english_translation():
    catalogues.assert_english_complete("effort")


def test_the_effort_catalogue_is_compiled():
    catalogues.assert_compiled("effort")
