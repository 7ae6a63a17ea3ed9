"""Helper processes the tests and benchmarks start (the SMTP sink, moto's S3 server, the OpenID Connect
provider …): one way to stop them, and one way to sign a user in without the login form."""

from __future__ import annotations

import subprocess


def terminate(process: subprocess.Popen, *, wait: float = 10) -> None:
    """SIGTERM, `wait` seconds to finish, then SIGKILL; the pipe to its output closed."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    if process.stdout:
        process.stdout.close()


def signed_in_session(user, *, device=None) -> str:
    """A stored session of `user` (and its second factor `device`, if given): the key of a session cookie, so a
    load or benchmark client starts signed in without the login form (nor django-axes counting logins)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.module_loading import import_string
    from django_otp import DEVICE_ID_SESSION_KEY

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = next(  # the backend that keeps sessions (the first one, axes, only counts failures)
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
    )
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if device is not None:
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.create()
    return store.session_key
