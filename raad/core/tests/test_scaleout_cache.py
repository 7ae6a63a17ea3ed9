"""RAAD_CACHE_URL: the public forms' rate limits count in one cache that every server process shares. Two separate
processes on one database post the password reset form: the second is refused (429) once the first has used up
the limit from that address; another address is not."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from raad.env import env_cache_url

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
ADDRESS = "203.0.113.7"

# Each process: the plain static storage (no collectstatic manifest), as in the test plugin; the password reset
# form (rate limited per address) posted through Django's test client, so through the whole middleware stack.
PREAMBLE = """
from django.conf import settings
settings.STORAGES["staticfiles"] = {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
from django.test import Client
def post(address):
    return Client().post("/konto/adgangskode/", {{"email": "ukendt@test.invalid"}}, REMOTE_ADDR=address)
"""
# The first process also makes the tables straight from the models (seconds; pytest-django's --nomigrations).
FIRST = (
    PREAMBLE
    + """
from django.core.management import call_command
from django.apps import apps
settings.MIGRATION_MODULES = {{app.label: None for app in apps.get_app_configs()}}
call_command("migrate", run_syncdb=True, verbosity=0)
call_command("createcachetable")
print([post("{address}").status_code for _ in range(settings.PUBLIC_FORM_RATE_LIMIT)])
"""
)
SECOND = (
    PREAMBLE
    + """
refused = post("{address}")
print(refused.status_code, "For mange indsendelser" in refused.content.decode(), post("198.51.100.1").status_code)
"""
)


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return (result.stdout.strip().splitlines() or [""])[-1]  # after shell's note on what it imported


def test_two_processes_share_one_rate_limit_count_in_the_database_cache(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "RAAD_CACHE_URL": "db://raad_cache",
        "PUBLIC_FORM_RATE_LIMIT": "3",
    }
    assert manage(env, "shell", "-c", FIRST.format(address=ADDRESS)) == "[302, 302, 302]"
    assert manage(env, "shell", "-c", SECOND.format(address=ADDRESS)) == "429 True 302"  # the other address
    alone = {**env, "RAAD_CACHE_URL": ""}  # unset: a process counts in its own memory, and lets it through
    assert manage(alone, "shell", "-c", SECOND.format(address=ADDRESS)) == "302 False 302"


def test_cache_url_forms():
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("RAAD_CACHE_URL", raising=False)
        assert env_cache_url("RAAD_CACHE_URL") == {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        patch.setenv("RAAD_CACHE_URL", "redis://cache.internal:6379/1")
        assert env_cache_url("RAAD_CACHE_URL") == {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://cache.internal:6379/1",
        }
        patch.setenv("RAAD_CACHE_URL", "ftp://cache")
        with pytest.raises(ImproperlyConfigured, match="RAAD_CACHE_URL must be a locmem://, db://TABLE"):
            env_cache_url("RAAD_CACHE_URL")
