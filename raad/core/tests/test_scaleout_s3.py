"""Files in an S3-compatible bucket (RAAD_S3_*): uploads, stored public PDFs, the members' packet and the archive
export all go through Django's storage API, against a real S3 server process (moto_server). Objects are private
and every download still goes through Råd's views."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from raad.meetings.models import Attachment
from raad.meetings.tests.factories import SECRET, meeting_with_items, published_meeting, tiny_pdf
from raad.statements import services as statements
from raad.testing.cast import log_in_verified
from raad.testing.s3 import BUCKET, start_s3


@pytest.fixture(scope="module")
def s3_server():
    server = start_s3()
    yield server
    server.stop()


@pytest.fixture
def bucket(s3_server, settings):
    """Råd's default storage is the bucket (as RAAD_S3_* configures it), emptied for each test."""
    client = s3_server.client()
    for found in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=found["Key"])
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage_settings()}
    return client


def read(bucket, key: str) -> bytes:
    return bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def text_of(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def test_an_upload_lands_in_the_bucket_privately_and_comes_back_through_raad(client, cast, bucket, s3_server):
    meeting = meeting_with_items(cast, n_open=1)
    item = meeting.items.get()
    data = tiny_pdf("Sprogcentrets aftenhold")
    log_in_verified(client, cast.secretary)
    url = f"/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/punkter/{item.pk}/bilag/"
    response = client.post(url, {"bilag-title": "Notat", "bilag-file": SimpleUploadedFile("notat.pdf", data)})
    assert response.status_code == 302

    attachment = Attachment.objects.get()
    assert read(bucket, attachment.file.name) == data  # in the bucket, byte for byte
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=attachment.file.name)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only: no public-read
    assert [g["Grantee"].get("URI") for g in grants] == [None]

    download = client.get(f"/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/bilag/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == data
    page = client.get(f"/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/").content.decode()
    assert s3_server.endpoint not in page and BUCKET not in page  # links point to Råd, never to the bucket


def test_public_agenda_pdf_and_members_packet_are_made_from_the_bucket(client, cast, bucket):
    meeting, _open, _closed = published_meeting(cast)
    client.logout()
    url = f"/raad/{cast.council.slug}/moeder/{meeting.pk}/dagsorden.pdf"
    first = client.get(url)
    assert first.status_code == 200
    stored = [o["Key"] for o in bucket.list_objects_v2(Bucket=BUCKET, Prefix="pdf/")["Contents"]]
    assert len(stored) == 1  # rendered once, stored in the bucket, served from it
    assert read(bucket, stored[0]) == first.content
    assert "Beskæftigelse for nyankomne" in text_of(first.content) and SECRET not in text_of(first.content)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    closed = meeting.items.get(is_closed=True).attachments.get()
    assert client.get(f"/raad/{cast.council.slug}/moeder/{meeting.pk}/bilag/{closed.pk}/").status_code == 404

    log_in_verified(client, cast.secretary)
    packet = client.get(f"/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/dagsorden.pdf")
    assert packet.status_code == 200
    text = text_of(packet.content)  # the attachments' pages, read from the bucket, follow the agenda
    assert "Praktikpladser i Holbæk" in text and f"{SECRET} bilagstekst" in text


def test_access_request_zip_holds_the_consultation_document_from_the_bucket(client, cast, bucket):
    committee = statements.committee_create(
        municipality=cast.council.municipality,
        name="Social- og Sundhedsudvalget",
        email="sosu@holbaek.invalid",
        by=None,
    )
    today = timezone.localdate()
    consultation = statements.consultation_register(
        council=cast.council,
        subject="Integrationspolitik 2027–2030",
        committee=committee,
        received_on=today - datetime.timedelta(days=10),
        deadline=today + datetime.timedelta(days=20),
        case_number="27.00.00-P15-3-26",
        by=cast.secretary,
    )
    data = tiny_pdf("Politikudkast")
    document = statements.consultation_document_add(
        consultation=consultation, title="Politikudkast", filename="politik.pdf", data=data, by=cast.secretary
    )
    assert read(bucket, document.file.name) == data
    log_in_verified(client, cast.secretary)
    response = client.get(f"/arbejdsrum/{cast.council.slug}/aktindsigt/{consultation.pk}.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.read(f"originaler/hoeringsmateriale/{document.pk}-politik.pdf") == data


def test_unset_means_local_files_and_set_means_a_private_bucket(monkeypatch):
    from raad.env import env_s3_storage

    monkeypatch.delenv("RAAD_S3_BUCKET", raising=False)
    assert env_s3_storage("RAAD_S3") is None  # today's local files in MEDIA_ROOT
    monkeypatch.setenv("RAAD_S3_BUCKET", "raad-holbaek")
    options = env_s3_storage("RAAD_S3")["OPTIONS"]
    assert (options["bucket_name"], options["default_acl"], options["querystring_auth"]) == ("raad-holbaek", None, True)
