"""The audit table on the secretariat's council desk (and the journal) shows what a person reads: the fields'
names (verbose_name), Ja/Nej, dates formatted, formatted text as plain text, long values cut (issue #10)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from raad.councils.demo import MONTHS_DA
from raad.meetings import services
from raad.testing.cast import log_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, cast):
    starts_at = (timezone.localtime() + datetime.timedelta(days=30)).replace(hour=17, minute=0, second=0, microsecond=0)
    meeting = services.meeting_plan(council=cast.council, starts_at=starts_at, place="Rådhuset", by=cast.secretary)
    services.item_add(
        meeting=meeting,
        title="Sprogskolen",
        case_presentation="<p>Rådet hører om <strong>sprogskolen</strong>.</p><p>" + "Meget lang tekst. " * 10 + "</p>",
        is_closed=False,
        by=cast.secretary,
    )
    log_in_verified(client, cast.secretary)
    response = client.get(reverse("secretariat:council", args=[cast.council.slug]))
    assert response.status_code == 200
    return response.content.decode(), starts_at


def test_audit_table_shows_labels_and_readable_values(desk):
    html, starts_at = desk
    table = html.split('aria-label="Auditjournal"', 1)[1].split("</table>", 1)[0]

    assert '<strong>Lukket punkt</strong>: <span class="raad-diff-after">Nej</span>' in table
    assert '<strong>Sagsfremstilling</strong>: <span class="raad-diff-after">Rådet hører om sprogskolen. Meget' in table
    assert '<strong>Overskrift</strong>: <span class="raad-diff-after">Sprogskolen</span>' in table
    assert '<strong>Type</strong>: <span class="raad-diff-after">Til beslutning</span>' in table
    when = f"{starts_at.day}. {MONTHS_DA[starts_at.month - 1]} {starts_at.year} 17:00"
    assert f'<strong>Begynder</strong>: <span class="raad-diff-after">{when}</span>' in table

    for raw in ("is_closed", "case_presentation", "False", "&lt;p&gt;", "<p>Rådet", "starts_at"):
        assert raw not in table, raw
    # Long values are cut, with an ellipsis, at 80 characters.
    [presentation] = [line for line in table.split("<li>") if line.startswith("<strong>Sagsfremstilling")]
    value = presentation.split('raad-diff-after">', 1)[1].split("</span>", 1)[0]
    assert len(value) == 80 and value.endswith("…")


def test_amounts_read_in_the_readers_number_format():
    from django.utils import translation

    from raad.core.audit import readable_value

    with translation.override("da"):
        assert [readable_value(v) for v in ("1234.50", "-89.54", "0.01", "1.5")] == [
            "1.234,50",
            "-89,54",
            "0,01",
            "1,5",
        ]
    with translation.override("en"):
        assert readable_value("1234567.50") == "1,234,567.50"


@pytest.mark.django_db
def test_the_journal_pages_through_every_entry_newest_first(client):
    from raad.core import audit
    from raad.core.models import AuditEntry
    from raad.testing.cast import build_cast

    cast = build_cast(members=3)
    council = cast.council
    audit.record_many(
        audit.entry(actor=cast.secretary, verb="member.appointed", council_id=council.pk, changes={"n": n})
        for n in range(230)
    )
    log_in_verified(client, cast.secretary)
    url = reverse("secretariat:audit", args=[council.slug])
    total = AuditEntry.objects.filter(council_id=council.pk).count()
    pages = -(-total // 100)
    shown = []
    for number in range(1, pages + 1):
        page = client.get(url, {"side": number}).content.decode()
        assert f"Side {number} af {pages}" in page
        shown += [int(n) for n in re.findall(r"<strong>N</strong>: <span class=\"raad-diff-after\">(\d+)</span>", page)]
    assert shown == list(range(229, -1, -1))  # every entry once, newest first
    assert client.get(url, {"side": "x"}).status_code == client.get(url, {"side": "99999"}).status_code == 200
