"""One module cleans what people type: plain text, formatted text, and formatted text made plain."""

from raad.core.redaction import CPR_MASK
from raad.core.text import clean_html, clean_text, plain_text


def test_plain_text_is_stripped_and_cpr_numbers_masked():
    assert clean_text("  Borger 010190 - 1234 ringede.\n") == f"Borger {CPR_MASK} ringede."
    assert clean_text(None) == ""


def test_formatted_text_keeps_harmless_tags_and_loses_scripts_styles_and_bad_links():
    dirty = (
        '<p style="color:red" onclick="x()">Se <a href="https://holbaek.dk" target="_blank">siden</a> '
        'og <a href="javascript:alert(1)">denne</a>.</p><script>alert(1)</script><h1>Stor</h1>'
    )
    assert clean_html(dirty) == (
        '<p>Se <a href="https://holbaek.dk" rel="noopener noreferrer">siden</a> og <a rel="noopener noreferrer">'
        "denne</a>.</p>Stor"
    )


def test_formatted_text_has_cpr_numbers_masked_in_every_spelling():
    assert clean_html("<p>CPR 0101 90 1234 og 010190–1234</p>") == f"<p>CPR {CPR_MASK} og {CPR_MASK}</p>"


def test_formatted_text_made_plain_has_no_tags_and_decoded_entities():
    assert plain_text("<p>Rådet &amp; kommunen</p>\n<ul><li>ét</li><li>to</li></ul><script>x</script>") == (
        "Rådet & kommunen ét to"
    )
