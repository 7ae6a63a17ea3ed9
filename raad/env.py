"""Typed readers for the environment.

Every setting that varies between machines is read here, and a wrong value stops start-up with a
message that names the variable. Nothing in settings branches on an environment name.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None:
        return None
    value = value.strip()
    return value if value != "" else None


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = _raw(name)
    if value is None:
        if required or default is None:
            raise ImproperlyConfigured(f"Environment variable {name} must be set.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"Environment variable {name} must be true or false (1/0, yes/no, on/off), got {value!r}."
    )


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"Environment variable {name} must be a whole number, got {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"Environment variable {name} must be at least {minimum}, got {number}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = _raw(name) or default
    if value not in choices:
        raise ImproperlyConfigured(f"Environment variable {name} must be one of {', '.join(choices)}, got {value!r}.")
    return value


def env_database_url(name: str, default: str) -> dict:
    """Parse a database URL (sqlite:///path or postgres://user:pw@host:port/name)."""
    import dj_database_url

    value = _raw(name) or default
    scheme = urlparse(value).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a sqlite:// or postgres:// URL, got {value!r}."
        )
    try:
        # A kept connection is checked before a request uses it (CONN_HEALTH_CHECKS): after PostgreSQL restarts, the
        # first request of each worker reconnects instead of failing on the dead one (core.middleware: 503 page).
        persistent = scheme != "sqlite"
        config = dj_database_url.parse(value, conn_max_age=60 if persistent else 0, conn_health_checks=persistent)
    except ValueError as error:
        raise ImproperlyConfigured(f"Environment variable {name} is not a valid URL: {error}") from None
    return dict(config)


def env_email(name: str, default: str) -> str:
    value = _raw(name) or default
    if "@" not in value or value.startswith("@") or value.endswith("@"):
        raise ImproperlyConfigured(f"Environment variable {name} must be an e-mail address, got {value!r}.")
    return value


def env_site_url(name: str, default: str | None = None) -> str:
    """The address the site is reached at, for links in e-mails and feeds: http(s)://host[:port][/prefix],
    without a trailing slash, query or fragment."""
    value = _raw(name) or default
    if value is None:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be set to the address people reach the site at, "
            "e.g. https://raad.holbaek.dk (links in e-mails are built from it)."
        )
    parsed = urlparse(value)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname or parsed.query or parsed.fragment:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be an http:// or https:// address such as "
            f"https://raad.holbaek.dk, got {value!r}."
        )
    try:
        parsed.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        raise ImproperlyConfigured(f"Environment variable {name} has an invalid port, got {value!r}.") from None
    return value.rstrip("/")


def env_secret_key(name: str, *, debug: bool, development_default: str) -> str:
    """The secret key. With DEBUG=false it must be set, at least 50 characters long and not low-entropy
    (at least 5 different characters, not Django's `django-insecure-` placeholder): the same test as
    Django's deploy check (security.W009), but an error at start-up, not a warning nobody reads."""
    value = env_str(name, development_default if debug else None)
    if not debug and (len(value) < 50 or len(set(value)) < 5 or value.startswith("django-insecure-")):
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a random value of at least 50 characters with DEBUG=false "
            f"(got {len(value)} characters, {len(set(value))} different); e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )
    return value
