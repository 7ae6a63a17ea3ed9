"""The disk fills up during an upload (issue #15, fault 3): the secretariat uploads an attachment into a file
store that has no room left. The kernel refuses the write (a full tmpfs: ENOSPC; where this process may not
mount one, the file-size limit: EFBIG; raad/testing/fullstore.py). The page says so in the user's language,
keeps what was typed, writes no row and leaves no partial file (raad/core/filestore.py)."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from raad.meetings import services
from raad.testing import assert_unchanged
from raad.testing.fullstore import full_media

from .test_views import ws

PDF = b"%PDF-1.4\n" + b"0123456789abcdef" * 4096 + b"\n%%EOF\n"  # 64 KB


def test_an_upload_into_a_full_disk_is_refused_clearly_and_leaves_nothing(
    login_secretary, cast, meeting, settings, tmp_path
):
    item = services.item_add(meeting=meeting, title="Sprogcafé", by=cast.secretary)
    url = ws(cast, f"{meeting.pk}/punkter/{item.pk}/bilag/")
    settings.MEDIA_ROOT = tmp_path / "media"
    with full_media(tmp_path / "media", 16384) as refused, assert_unchanged():
        data = {"bilag-title": "Referat fra workshop", "bilag-is_closed": "on"}
        response = login_secretary.post(url, {**data, "bilag-file": SimpleUploadedFile("referat.pdf", PDF)})
        english = login_secretary.post(f"/en{url}", {**data, "bilag-file": SimpleUploadedFile("referat.pdf", PDF)})
        left = [p for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert refused in (28, 27)  # ENOSPC (a full tmpfs) or EFBIG (the file-size limit)
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "Filen kunne ikke gemmes, fordi der ikke er plads på serveren. Intet er gemt. "
        "Prøv igen senere, eller kontakt sekretariatet."
    ) in page
    assert 'name="bilag-title" value="Referat fra workshop"' in page
    assert re.search(r'<input type="checkbox" name="bilag-is_closed"[^>]* checked', page)
    assert english.status_code == 400
    assert "The file could not be saved because the server has no space left. Nothing was saved." in (
        english.content.decode()
    )
    assert left == []  # no partial file in the store
    assert not item.attachments.exists()
