"""An optional read replica for the public site (RAAD_DATABASE_REPLICA_URL → DATABASES["replica"]).

`PublicReadsMiddleware` marks an anonymous GET/HEAD of a public page; `ReplicaRouter` sends that request's reads
to the replica. Everything else goes to the primary ("default"): every write, every read after one in the same
request, every read inside a transaction (a service's, with its row locks, e.g. run by a signed link's GET),
every request of a logged-in person, the workspace, the admin, the login pages, anything within the few
seconds after the same browser posted a form (it reads what it just wrote, whatever the replica's lag),
migrations, and the tables that hold state rather than content (sessions, the shared cache, login attempts,
the task queue, one-time-code devices).

When the replica cannot be reached, public pages read from the primary and the site stays up: the middleware
tries the connection before it marks a request and, on failure, logs a warning and leaves the replica alone
for `RETRY_SECONDS`. Without a replica configured nothing here does anything.
"""

from __future__ import annotations

import contextvars
import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections

from raad.core.links import PRIVATE_PATHS

REPLICA = "replica"
# Tables that are state, not published content: always the primary.
PRIMARY_ONLY_APPS = frozenset({"sessions", "django_cache", "axes", "django_tasks_db", "otp_totp", "otp_static"})
# After a POST (a registration, an inquiry) the same browser reads from the primary for this long.
STICKY_COOKIE = "raad_primary"
STICKY_SECONDS = 10
RETRY_SECONDS = 15

logger = logging.getLogger("raad.replica")
_use_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("raad_use_replica", default=False)
_down_until = 0.0


def configured() -> bool:
    return REPLICA in settings.DATABASES


def reading_from_replica() -> bool:
    return _use_replica.get()


def _replica_reachable() -> bool:
    global _down_until
    if time.monotonic() < _down_until:
        return False
    connection = connections[REPLICA]
    try:
        if connection.connection is not None and not connection.is_usable():
            connection.close()
        connection.ensure_connection()
    except DatabaseError as error:
        _down_until = time.monotonic() + RETRY_SECONDS
        connection.close()
        logger.warning("Read replica unreachable, public pages read from the primary for %ss: %s", RETRY_SECONDS, error)
        return False
    return True


class ReplicaRouter:
    """Reads of a marked request to the replica, everything else to the primary; migrations only on the primary
    (the replica is a streaming copy of it)."""

    def db_for_read(self, model, **hints):
        if (
            _use_replica.get()
            and model._meta.app_label not in PRIMARY_ONLY_APPS
            # inside a transaction (a service run by a signed link's GET, select_for_update): the primary
            and not connections["default"].in_atomic_block
        ):
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        _use_replica.set(False)  # the rest of this request reads what it wrote
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PublicReadsMiddleware:
    """Marks an anonymous GET/HEAD of a public page for the replica (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not configured():
            return self.get_response(request)
        public = (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(PRIVATE_PATHS)  # the workspace, logging in: even before one is
            and STICKY_COOKIE not in request.COOKIES
            and not request.user.is_authenticated
        )
        token = _use_replica.set(public and _replica_reachable())
        try:
            response = self.get_response(request)
        finally:
            _use_replica.reset(token)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            response.set_cookie(
                STICKY_COOKIE,
                "1",
                max_age=STICKY_SECONDS,
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,
                samesite="Lax",
            )
        return response
