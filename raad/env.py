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


_CACHE_BACKENDS = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "db": "django.core.cache.backends.db.DatabaseCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
}


def env_cache_url(name: str) -> dict:
    """The cache every server process shares (rate limits, cached pages): unset = each process's own memory
    (Django's default); `db://raad_cache` = a table in the primary database (`manage.py createcachetable`);
    `redis://host:6379/0` (needs the `redis` package); `memcached://host:11211` (needs `pymemcache`)."""
    value = _raw(name)
    if value is None:
        return {"BACKEND": _CACHE_BACKENDS["locmem"]}
    parsed = urlparse(value)
    backend = _CACHE_BACKENDS.get(parsed.scheme)
    if backend is None:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a locmem://, db://TABLE, redis://HOST[:PORT]/DB or "
            f"memcached://HOST[:PORT] URL, got {value!r}."
        )
    if parsed.scheme == "locmem":
        return {"BACKEND": backend}
    if parsed.scheme == "db":
        table = parsed.netloc or parsed.path.strip("/")
        if not table.replace("_", "").isalnum():
            raise ImproperlyConfigured(f"Environment variable {name} must name a table, e.g. db://raad_cache.")
        return {"BACKEND": backend, "LOCATION": table}
    if not parsed.hostname:
        raise ImproperlyConfigured(f"Environment variable {name} must name a host, got {value!r}.")
    return {"BACKEND": backend, "LOCATION": value if parsed.scheme != "memcached" else parsed.netloc}


def env_s3_storage(prefix: str) -> dict | None:
    """Django's storage for uploads and stored PDFs in an S3-compatible bucket (django-storages), or None when
    `<prefix>_BUCKET` is not set (local files under MEDIA_ROOT). Objects stay private: no ACL is set on them
    (the bucket's own, private by default), and no public URL is ever handed out: every download goes through
    Råd's views and their permission checks."""
    bucket = _raw(f"{prefix}_BUCKET")
    if bucket is None:
        return None
    endpoint = _raw(f"{prefix}_ENDPOINT_URL")
    if endpoint is not None and urlparse(endpoint).scheme not in {"http", "https"}:
        raise ImproperlyConfigured(f"Environment variable {prefix}_ENDPOINT_URL must be an http(s):// URL.")
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "access_key": _raw(f"{prefix}_ACCESS_KEY_ID"),
        "secret_key": _raw(f"{prefix}_SECRET_ACCESS_KEY"),
        "region_name": _raw(f"{prefix}_REGION"),
        "location": (_raw(f"{prefix}_PREFIX") or "").strip("/"),
        "addressing_style": env_choice(f"{prefix}_ADDRESSING_STYLE", "path" if endpoint else "auto", _STYLES),
        "default_acl": None,  # never public-read; the bucket's policy (private) decides
        "querystring_auth": True,  # a URL, if one were ever made, would be signed and expire
        "file_overwrite": False,  # like local files: a second file of the same name gets a new name
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


_STYLES = ("auto", "path", "virtual")
