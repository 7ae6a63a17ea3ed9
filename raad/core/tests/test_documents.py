"""Upload types are judged from the content: old Word, Excel, PowerPoint and Outlook files share one header
(the OLE2 compound file), so only a compound file with a WordDocument stream is a Word document."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raad.core import documents
from raad.core.errors import RuleViolation
from raad.testing import cfb

WORD_TYPES = (documents.PDF, documents.DOCX, documents.DOC)


def test_an_old_word_file_is_a_word_document():
    data = cfb.word_document()
    assert documents.compound_file_top_names(data) == {"WordDocument", "1Table", "\x05SummaryInformation", "CompObj"}
    assert documents.check_upload(data, accepted=WORD_TYPES) == ("application/msword", "doc")


@pytest.mark.parametrize(
    "data",
    [cfb.excel_workbook(), cfb.powerpoint_presentation(), cfb.outlook_message()],
    ids=["xls", "ppt", "msg"],
)
def test_excel_powerpoint_and_outlook_files_are_not_word_documents(data):
    assert data.startswith(documents.OLE2_SIGNATURE)
    assert documents.sniff(data) is None
    with pytest.raises(RuleViolation) as refused:
        documents.check_upload(data, accepted=WORD_TYPES)
    assert refused.value.messages == ["Filtypen kan ikke bruges. Brug PDF, Word (.docx), Word (.doc)."]


def test_a_mail_with_a_word_attachment_is_not_a_word_document():
    """The attached document's WordDocument stream sits inside the message's attachment storage."""
    data = cfb.outlook_message(attachment={"WordDocument": b"\xec\xa5"})
    assert "WordDocument" not in documents.compound_file_top_names(data)
    assert documents.sniff(data) is None


def test_a_broken_compound_file_is_no_type_we_know():
    word = cfb.word_document()
    assert documents.sniff(word[:512]) is None  # the header alone
    assert documents.sniff(word[:1500]) is None  # cut inside the directory
    looping = bytearray(word)
    looping[512 + 4 : 512 + 8] = (1).to_bytes(4, "little")  # the directory's sector points at itself
    assert documents.sniff(bytes(looping)) is None
    assert documents.sniff(documents.OLE2_SIGNATURE + b"\0" * 2000) is None


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=4096), st.integers(min_value=8, max_value=4000))
def test_any_bytes_behind_the_compound_file_header_never_crash_the_check(noise, cut):
    word = cfb.word_document()
    data = word[:cut] + noise
    assert documents.sniff(data) in (None, documents.DOC)
    assert documents.sniff(documents.OLE2_SIGNATURE + noise) in (None, documents.DOC)
