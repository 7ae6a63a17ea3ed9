"""RAAD_CACHE_URL: the public forms' rate limits count in one cache that every server process shares. Two separate
processes on one database: the second is refused once the first has used up the limit."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from raad.env import env_cache_url

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
ADDRESS = "203.0.113.7"

COUNT_UP = """
from django.conf import settings
from raad.core import ratelimit
for _ in range(settings.PUBLIC_FORM_RATE_LIMIT):
    assert not ratelimit.exceeded("nomination", "{address}")
    ratelimit.count("nomination", "{address}")
print("counted", settings.PUBLIC_FORM_RATE_LIMIT)
"""
ASK = """
from raad.core import ratelimit
print(ratelimit.exceeded("nomination", "{address}"), ratelimit.exceeded("nomination", "198.51.100.1"))
"""


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
    manage(env, "createcachetable")
    assert manage(env, "shell", "-c", COUNT_UP.format(address=ADDRESS)) == "counted 3"
    assert manage(env, "shell", "-c", ASK.format(address=ADDRESS)) == "True False"


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
