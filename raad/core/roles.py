"""Roles are per council. Domain apps tell core which roles a user holds in a council.

Core cannot import domain apps, so each app registers a *role provider* in its AppConfig.ready():
a function (user, council_id) -> set of Role. The `rules` predicates below ask every provider.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import rules
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Sekretariat")
    CHAIR = "chair", _("Forperson")
    VICE_CHAIR = "vice_chair", _("Næstforperson")
    MEMBER = "member", _("Medlem")
    SUBSTITUTE = "substitute", _("Stedfortræder")
    BOARD_LIAISON = "board_liaison", _("Kommunalbestyrelsens kontaktperson")


RoleProvider = Callable[[Any, int], Iterable[Role]]
CouncilsProvider = Callable[[Any], Iterable[int]]
_providers: list[RoleProvider] = []
_council_providers: list[CouncilsProvider] = []


def register_provider(provider: RoleProvider, councils: CouncilsProvider) -> None:
    """`provider(user, council_id)` gives the roles; `councils(user)` the council ids with any role."""
    if provider not in _providers:
        _providers.append(provider)
        _council_providers.append(councils)


def council_ids_of(user: Any) -> set[int]:
    """The councils where `user` holds any role today."""
    if user is None or not user.is_authenticated:
        return set()
    every = _every_council(user)
    if every is not None:
        return set(every)
    found: set[int] = set()
    for provider in _council_providers:
        found.update(provider(user))
    return found


def council_id_of(obj: Any) -> int | None:
    """The council an object belongs to: a council itself, or anything with council_id."""
    if obj is None:
        return None
    if getattr(obj, "_meta", None) is not None and obj._meta.label_lower == "councils.council":
        return obj.pk
    return getattr(obj, "council_id", None)


def roles_of(user: Any, council_id: int | None) -> frozenset[Role]:
    """Every role `user` holds in the council (read once a request for every council, see `_every_council`)."""
    if user is None or not user.is_authenticated or council_id is None:
        return frozenset()
    every = _every_council(user)
    if every is not None:
        return every.get(council_id, frozenset())
    cache: dict[int, frozenset[Role]] | None = getattr(user, "_raad_roles", None)
    if cache is None:
        cache = user._raad_roles = {}
    if council_id not in cache:
        found: set[Role] = set()
        for provider in _providers:
            found.update(provider(user, council_id))
        cache[council_id] = frozenset(found)
    return cache[council_id]


BulkRoleProvider = Callable[[Any], dict[int, set[Role]]]
_bulk_providers: list[BulkRoleProvider] = []


def register_bulk_provider(provider: BulkRoleProvider) -> None:
    """`provider(user)` gives {council_id: roles} for every council at once (a fixed number of queries). An
    app that registers a role provider also registers its bulk twin, so `roles_by_council` reads all roles
    without a query per council (the desk spans every council a user serves)."""
    if provider not in _bulk_providers:
        _bulk_providers.append(provider)


def roles_by_council(user: Any) -> dict[int, frozenset[Role]]:
    """{council_id: roles} for every council where `user` holds a role today."""
    if user is None or not user.is_authenticated:
        return {}
    every = _every_council(user)
    if every is None:  # an app without a bulk twin: ask per council
        return {pk: roles_of(user, pk) for pk in sorted(council_ids_of(user))}
    return {pk: held for pk, held in every.items() if held}


def _every_council(user: Any) -> dict[int, frozenset[Role]] | None:
    """{council_id: roles} of every council where `user` has a seat, a substitution or an assignment today (roles
    possibly empty), read through the bulk providers once and kept on the user object for the request: a
    workspace page asks `roles_of`, `council_ids_of` and `roles_by_council` several times (the permission, the
    second factor, the desk), each of which read the same rows again before. None when an app registered a
    role provider without its bulk twin."""
    if len(_bulk_providers) < len(_providers):
        return None
    # getattr/setattr, not user.__dict__: request.user is a SimpleLazyObject whose own __dict__ is not the user's,
    # so a value kept there was not seen by a caller holding the user itself (the permission backend), and the
    # rows were read twice a request.
    every: dict[int, frozenset[Role]] | None = getattr(user, "_raad_every_council", None)
    if every is None:
        found: dict[int, set[Role]] = {}
        for provider in _bulk_providers:
            for council_id, held in provider(user).items():
                found.setdefault(council_id, set()).update(held)
        every = {pk: frozenset(held) for pk, held in found.items()}
        user._raad_every_council = every
    return every


def has_role(*wanted: Role) -> rules.Predicate:
    name = "has_role:" + ",".join(sorted(r.value for r in wanted))

    @rules.predicate(name)
    def predicate(user, obj=None) -> bool:
        return bool(roles_of(user, council_id_of(obj)) & set(wanted))

    return predicate


is_secretariat = has_role(Role.SECRETARIAT)
is_chair = has_role(Role.CHAIR)
is_council_member = has_role(Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
is_council_participant = has_role(*Role)
