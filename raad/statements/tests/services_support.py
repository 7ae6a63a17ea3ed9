"""What the statements service tests share: the clock fixed on 26 November 2026 and small helpers."""

import datetime
import zoneinfo

import pytest
import time_machine

from raad.core.models import AuditEntry
from raad.councils.selectors import rules_in_force

from .conftest import adopt_at_meeting

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
TODAY = datetime.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, 0, tzinfo=CPH), tick=False):
        yield


def verbs(target=None):
    qs = AuditEntry.objects.all()
    if target is not None:
        from django.contrib.contenttypes.models import ContentType

        qs = qs.filter(target_id=str(target.pk), target_type=ContentType.objects.get_for_model(target))
    return list(qs.order_by("id").values_list("verb", flat=True))


def _rules(council, **changes):
    """Change the rules in force for a test (a new version is how it happens in real life; this is a shortcut)."""
    version = rules_in_force(council)
    for name, value in changes.items():
        setattr(version, name, value)
    version.save()


def _adopt_at_meeting(statement, secretary):
    return adopt_at_meeting(statement, by=secretary)
