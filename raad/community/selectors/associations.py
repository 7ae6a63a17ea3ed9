"""Reads for the register of associations and the public directory. Public reads return listed associations
only; what a public page may show of the contact person is decided in `public_contact`."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from raad.community.models import Association, Event
from raad.core import languages, translations


def _with_language_labels(found: list[Association]) -> list[Association]:
    """Each association's languages as `language_labels` (code, own name, direction) for the public pages."""
    for association in found:
        association.language_labels = [  # type: ignore[attr-defined]
            languages.BY_CODE[code] for code in (association.languages or []) if code in languages.BY_CODE
        ]
    return found


def register(council: Any, status: str = "") -> QuerySet[Association]:
    qs = Association.objects.filter(council=council)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("name")


def association_for_council(council: Any, pk: int) -> Association | None:
    return Association.objects.filter(council=council, pk=pk).first()


def pending_count(council: Any) -> int:
    return Association.objects.filter(council=council, status=Association.Status.PENDING).count()


def public_directory(council: Any, *, language: str = "", text: str = "") -> list[Association]:
    """The listed associations, filtered by a language they work in and a text in name, purpose or activities;
    their texts in the active language (one query for all)."""
    qs = Association.objects.filter(council=council, status=Association.Status.LISTED).order_by("name")
    text = (text or "").strip()
    if text:
        qs = qs.filter(Q(name__icontains=text) | Q(purpose__icontains=text) | Q(activities__icontains=text))
    found = [a for a in qs if not language or language in (a.languages or [])]
    translations.prefetch(found)
    return _with_language_labels(found)


def public_associations(council: Any, *, language: str = "") -> QuerySet[Association]:
    """The listed associations of the council (the REST API's list): what `public_directory` shows, those
    offering `language` (a code of `raad.core.languages`) if one is given."""
    qs = Association.objects.filter(council=council, status=Association.Status.LISTED)
    if language:
        # `languages` is a JSON list of codes; its text holds `"ar"` exactly when the list has "ar" (a query
        # both databases answer; SQLite has no JSON `contains`).
        qs = qs.filter(languages__icontains=f'"{language}"')
    return qs


def public_association(council: Any, pk: int) -> Association | None:
    association = Association.objects.filter(council=council, pk=pk, status=Association.Status.LISTED).first()
    if association is not None:
        translations.prefetch([association])
        _with_language_labels([association])
    return association


def public_contact(association: Association) -> dict[str, str] | None:
    """The contact person as a public page may show them: only with their consent (R31)."""
    if not association.contact_public or not association.contact_name:
        return None
    return {
        "name": association.contact_name,
        "email": association.contact_email,
        "phone": association.contact_phone,
    }


def upcoming_events(association: Association) -> list[Event]:
    """The published, upcoming events the association co-organises."""
    return list(
        association.events.filter(status=Event.Status.PUBLISHED, starts_at__gte=timezone.now()).order_by("starts_at")[
            :20
        ]
    )


def desk_panel(council: Any, user: Any) -> dict | None:
    """The desk panel "Foreninger": requests waiting for a decision (the secretariat only)."""
    if not user.has_perm("community.manage_associations", council):
        return None
    waiting = pending_count(council)
    return {"waiting": waiting} if waiting else None


def public_associations_everywhere() -> QuerySet[Association]:
    """Every council's listed associations (as `public_directory`) in one query, oldest record first: the
    sitemap pages through it."""
    return Association.objects.filter(status=Association.Status.LISTED).select_related("council").order_by("pk")
