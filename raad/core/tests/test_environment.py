"""Wrong or missing environment values stop start-up with a message that names the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from raad.env import env_bool, env_database_url, env_email, env_int, env_site_url

ROOT = Path(__file__).resolve().parents[3]


def _start(tmp_path, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}}
    base.update({"RAAD_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "raad.settings"})
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=base, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be true or false"),
        ({"DEBUG": "false"}, "SECRET_KEY must be set"),
        (
            {"DEBUG": "false", "SECRET_KEY": "short-Q7#r-0123456789", "SITE_URL": "https://raad.holbaek.dk"},
            "SECRET_KEY must be a random value of at least 50 characters with DEBUG=false (got 21 characters",
        ),
        (
            {"DEBUG": "false", "SECRET_KEY": "ab" * 40, "SITE_URL": "https://raad.holbaek.dk"},
            "SECRET_KEY must be a random value of at least 50 characters with DEBUG=false (got 80 characters, 2",
        ),
        (
            {"DEBUG": "false", "SECRET_KEY": "django-insecure-" + "x1Y2z3" * 10, "SITE_URL": "https://raad.holbaek.dk"},
            "SECRET_KEY must be a random value of at least 50 characters",
        ),
        ({"DEBUG": "true", "DATABASE_URL": "mysql://x@y/z"}, "DATABASE_URL must be a sqlite:// or postgres:// URL"),
        ({"DEBUG": "true", "EMAIL_PORT": "twenty-five"}, "EMAIL_PORT must be a whole number"),
        ({"DEBUG": "true", "EMAIL_BACKEND": "pigeon"}, "EMAIL_BACKEND must be one of console, smtp, locmem"),
        ({"DEBUG": "true", "DEFAULT_FROM_EMAIL": "raad"}, "DEFAULT_FROM_EMAIL must be an e-mail address"),
        ({"DEBUG": "true", "AXES_FAILURE_LIMIT": "0"}, "AXES_FAILURE_LIMIT must be at least 1"),
        ({"DEBUG": "true", "SITE_URL": "raad.holbaek.dk"}, "SITE_URL must be an http:// or https:// address"),
        ({"DEBUG": "true", "SITE_URL": "ftp://raad.holbaek.dk"}, "SITE_URL must be an http:// or https:// address"),
        ({"DEBUG": "true", "SITE_URL": "https://raad.holbaek.dk/?x=1"}, "SITE_URL must be an http:// or https://"),
        ({"DEBUG": "true", "SITE_URL": "https://raad.holbaek.dk:port"}, "SITE_URL has an invalid port"),
        (
            {"DEBUG": "false", "SECRET_KEY": "s" * 30 + "Q7#r-long-enough-random-key-0123456789", "SITE_URL": ""},
            "SITE_URL must be set to the address people reach the site at",
        ),
    ],
)
def test_bad_environment_stops_startup_naming_the_variable(tmp_path, env, named):
    result = _start(tmp_path, **env)
    assert result.returncode != 0
    assert named in result.stderr


def test_good_environment_starts(tmp_path):
    result = _start(tmp_path, DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "SESSION_", "CSRF_"))}
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": "k" * 20 + "Z9#x-production-secret-for-the-deploy-check-0123456789",
            "ALLOWED_HOSTS": "raad.holbaek.dk",
            "RAAD_VAR_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "raad.settings",
        }
    )
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the test plugin for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_readers_name_the_variable(monkeypatch):
    monkeypatch.setenv("RAAD_X", "sometimes")
    with pytest.raises(ImproperlyConfigured, match="RAAD_X must be true or false"):
        env_bool("RAAD_X", False)
    monkeypatch.setenv("RAAD_X", "-3")
    with pytest.raises(ImproperlyConfigured, match="RAAD_X must be at least 0, got -3"):
        env_int("RAAD_X", 1, minimum=0)
    monkeypatch.setenv("RAAD_X", "ftp://host/db")
    with pytest.raises(ImproperlyConfigured, match="RAAD_X must be a sqlite:// or postgres:// URL"):
        env_database_url("RAAD_X", "sqlite:///x")
    monkeypatch.setenv("RAAD_X", "not-an-address")
    with pytest.raises(ImproperlyConfigured, match="RAAD_X must be an e-mail address"):
        env_email("RAAD_X", "a@b.dk")


def test_site_url_is_read_without_its_trailing_slash(monkeypatch):
    monkeypatch.setenv("RAAD_X", " https://raad.holbaek.dk/ ")
    assert env_site_url("RAAD_X") == "https://raad.holbaek.dk"
    monkeypatch.setenv("RAAD_X", "http://127.0.0.1:8000/raad/")
    assert env_site_url("RAAD_X") == "http://127.0.0.1:8000/raad"


def test_unset_values_take_their_defaults(monkeypatch):
    monkeypatch.delenv("RAAD_Y", raising=False)
    assert env_bool("RAAD_Y", True) is True
    assert env_int("RAAD_Y", 7) == 7
    assert env_database_url("RAAD_Y", "postgres://u:p@localhost:5433/raad")["PORT"] == 5433
