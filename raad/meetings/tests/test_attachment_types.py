"""An agenda item accepts old Word files (.doc), but Excel, PowerPoint and Outlook files have the same OLE2
header: uploaded as attachments they are refused with the form's message and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from raad.core.models import AuditEntry
from raad.meetings import services
from raad.meetings.models import Attachment
from raad.testing import cfb

OTHER_OFFICE_FILES = {
    "budget.xls": cfb.excel_workbook,
    "oplaeg.ppt": cfb.powerpoint_presentation,
    "mail.msg": cfb.outlook_message,
}


def upload_url(cast, meeting, item, language=""):
    return f"{language}/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/punkter/{item.pk}/bilag/"


@pytest.mark.parametrize("name", list(OTHER_OFFICE_FILES))
def test_excel_powerpoint_or_outlook_file_is_refused_as_attachment(login_secretary, cast, meeting, name):
    item = services.item_add(meeting=meeting, title="Sprogcafé", by=cast.secretary)
    data = OTHER_OFFICE_FILES[name]()
    response = login_secretary.post(
        upload_url(cast, meeting, item),
        {"bilag-title": "Bilag", "bilag-file": SimpleUploadedFile(name.replace(".", "-") + ".doc", data)},
    )
    assert response.status_code == 400
    assert "Filtypen kan ikke bruges. Brug PDF, Word (.docx), Word (.doc), PNG, JPEG." in response.content.decode()
    assert not Attachment.objects.exists()
    assert not AuditEntry.objects.filter(verb="attachment.added").exists()


def test_the_refusal_is_in_english_on_the_english_page(login_secretary, cast, meeting):
    item = services.item_add(meeting=meeting, title="Sprogcafé", by=cast.secretary)
    response = login_secretary.post(
        upload_url(cast, meeting, item, language="/en"),
        {"bilag-title": "Budget", "bilag-file": SimpleUploadedFile("budget.doc", cfb.excel_workbook())},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This type of file cannot be used. Use PDF, Word (.docx), Word (.doc), PNG, JPEG." in page
    assert "Filtypen" not in page
    assert not Attachment.objects.exists()


def test_an_old_word_file_is_attached(login_secretary, cast, meeting):
    item = services.item_add(meeting=meeting, title="Sprogcafé", by=cast.secretary)
    response = login_secretary.post(
        upload_url(cast, meeting, item),
        {"bilag-title": "Referat", "bilag-file": SimpleUploadedFile("referat.doc", cfb.word_document())},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.title, attachment.content_type) == ("Referat", "application/msword")
    assert attachment.file.name.endswith(".doc")
