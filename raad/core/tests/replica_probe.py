"""Run by test_scaleout_replica.py in a process of its own, configured like a production server with
DATABASE_URL (the primary) and RAAD_DATABASE_REPLICA_URL: `setup` migrates the primary and builds a council;
`probe SLUG` requests pages as an anonymous visitor and as the secretariat and prints, as JSON, how many
queries each request sent to each database; `down SLUG` requests a public page while the replica is stopped."""

from __future__ import annotations

import datetime
import json
import os
import sys
import time

import django
import django.apps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raad.settings")
django.setup()

from django.conf import settings  # noqa: E402

# As in the test plugin: the plain static storage, no collectstatic manifest needed.
settings.STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from raad.meetings.models import Meeting  # noqa: E402
from raad.testing.cast import log_in_verified, make_council, make_secretary  # noqa: E402


def measured(call) -> dict:
    """The response's status and the number of queries each database received while it was made."""
    for alias in ("default", "replica"):
        connections[alias].force_debug_cursor = True
        connections[alias].queries_log.clear()
    response = call()
    return {
        "status": response.status_code,
        "primary": len(connections["default"].queries_log),
        "replica": len(connections["replica"].queries_log),
    }


def setup() -> dict:
    # The tables straight from the models, as pytest-django's --nomigrations does: seconds instead of the
    # half minute all migrations take; what is tested is where queries go, not the schema's history.
    settings.MIGRATION_MODULES = {app.label: None for app in django.apps.apps.get_app_configs()}
    call_command("migrate", run_syncdb=True, verbosity=0)
    council = make_council()
    make_secretary(council)
    return {"slug": council.slug}


def probe(slug: str) -> dict:
    anonymous, secretary = Client(), Client()
    result = {"public": measured(lambda: anonymous.get(f"/raad/{slug}/"))}
    log_in_verified(secretary, get_user_model().objects.get(username="sekretariat"))
    result["workspace_get"] = measured(lambda: secretary.get(f"/arbejdsrum/{slug}/moeder/"))
    day = timezone.localdate() + datetime.timedelta(days=40)
    result["workspace_post"] = measured(
        lambda: secretary.post(
            f"/arbejdsrum/{slug}/moeder/nyt/",
            {"kind": "extraordinary", "starts_at": f"{day.isoformat()}T17:00", "place": "Rådhuset", "reason": "Høring"},
        )
    )
    result["meetings_on_primary"] = Meeting.objects.using("default").count()
    deadline = time.monotonic() + 10  # the replica follows the primary: the new meeting arrives there
    while Meeting.objects.using("replica").count() != result["meetings_on_primary"] and time.monotonic() < deadline:
        time.sleep(0.1)
    result["meetings_on_replica"] = Meeting.objects.using("replica").count()
    return result


def down(slug: str) -> dict:
    page = {}
    result = measured(lambda: page.setdefault("response", Client().get(f"/raad/{slug}/")))
    return {**result, "council_named": "Integrationsrådet" in page["response"].content.decode()}


if __name__ == "__main__":
    phase, *args = sys.argv[1:]
    print(json.dumps({"setup": setup, "probe": probe, "down": down}[phase](*args)))
