"""Bodies: writes of membership (raad.membership.services.bodies)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit, translations
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr, mask_cpr_in
from raad.core.services import fields_update
from raad.councils.models import Council
from raad.councils.rules import Violation, reference
from raad.councils.services import ensure_not_archived
from raad.membership.models import (
    NominatingBody,
    Person,
    Seat,
)
from raad.membership.residence import resolver_for

from .common import BODY_FIELDS, PERSON_FIELDS


@transaction.atomic
def nominating_body_create(
    *,
    council: Council,
    name: str,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    website: str = "",
    by: User | None,
) -> NominatingBody:
    ensure_not_archived(council)
    name, contact_name = mask_cpr(name), mask_cpr(contact_name)
    if NominatingBody.objects.filter(council=council, name=name).exists():
        raise RuleViolation([Violation("name", _("Der findes allerede en organisation med det navn."))])
    body = NominatingBody.objects.create(
        council=council,
        name=name,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        website=website,
    )
    audit.record(
        actor=by,
        verb="nominating_body.created",
        target=body,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(body, BODY_FIELDS)),
    )
    return body


@transaction.atomic
def nominating_body_update(*, body: NominatingBody, data: dict, by: User | None) -> NominatingBody:
    body = NominatingBody.objects.select_for_update(of=("self",)).select_related("council").get(pk=body.pk)
    ensure_not_archived(body.council)
    data = mask_cpr_in(data, ("name", "contact_name"))
    name = data.get("name", body.name)
    if NominatingBody.objects.filter(council_id=body.council_id, name=name).exclude(pk=body.pk).exists():
        raise RuleViolation([Violation("name", _("Der findes allerede en organisation med det navn."))])
    return fields_update(
        instance=body, fields=BODY_FIELDS, data=data, verb="nominating_body.updated", by=by, council_id=body.council_id
    )


@transaction.atomic
def seat_create(
    *, council: Council, number: int, kind: str, nominating_body: NominatingBody | None = None, by: User | None
) -> Seat:
    ensure_not_archived(council)
    if kind == Seat.Kind.NOMINATED and nominating_body is None:
        raise RuleViolation(
            [
                Violation(
                    "nominating_body",
                    _("En plads efter indstilling skal have en indstillingsberettiget organisation (%(ref)s).")
                    % {"ref": reference("max_nominated_seats")},
                )
            ]
        )
    if kind != Seat.Kind.NOMINATED:
        nominating_body = None
    if Seat.objects.filter(council=council, number=number).exists():
        raise RuleViolation([Violation("number", _("Plads %(n)s findes allerede.") % {"n": number})])
    seat = Seat.objects.create(council=council, number=number, kind=kind, nominating_body=nominating_body)
    audit.record(
        actor=by,
        verb="seat.created",
        target=seat,
        council_id=council.pk,
        changes=audit.created(kind=kind, nominating_body=str(nominating_body or "")),
    )
    return seat


@transaction.atomic
def seat_set_nominating_body(*, seat: Seat, nominating_body: NominatingBody | None, by: User | None) -> Seat:
    seat = Seat.objects.select_for_update(of=("self",)).select_related("council").get(pk=seat.pk)
    ensure_not_archived(seat.council)
    if seat.kind == Seat.Kind.NOMINATED and nominating_body is None:
        raise RuleViolation(
            [
                Violation(
                    "nominating_body", _("En plads efter indstilling skal have en indstillingsberettiget organisation.")
                )
            ]
        )
    before = str(seat.nominating_body or "")
    seat.nominating_body = nominating_body
    seat.save(update_fields=["nominating_body", "updated_at"])
    audit.record(
        actor=by,
        verb="seat.nominating_body_changed",
        target=seat,
        council_id=seat.council_id,
        changes=audit.changed(nominating_body=(before, str(nominating_body or ""))),
    )
    return seat


def resolve_residence(*, municipality_code: str, street_address: str, postcode: str, city: str):
    """The residence lookup every path uses (form, workspace, command)."""
    return resolver_for(municipality_code).resolve(street_address=street_address, postcode=postcode, city=city)


@transaction.atomic
def person_create(
    *,
    first_name: str,
    last_name: str,
    email: str = "",
    phone: str = "",
    street_address: str = "",
    postcode: str = "",
    city: str = "",
    resides_in_municipality: bool | None = None,
    municipality_code: str | None = None,
    bio: str = "",
    bio_en: str = "",
    publish_bio: bool = False,
    user: User | None = None,
    by: User | None,
) -> Person:
    """A person. Residence is either given (already confirmed) or resolved from the postcode."""
    needs_confirmation = False
    if resides_in_municipality is None:
        if municipality_code is None:
            raise ValueError("Give resides_in_municipality or municipality_code")
        result = resolve_residence(
            municipality_code=municipality_code, street_address=street_address, postcode=postcode, city=city
        )
        resides_in_municipality = result.resides
        needs_confirmation = result.needs_confirmation
    person = Person.objects.create(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        phone=phone,
        street_address=mask_cpr(street_address),
        postcode=postcode,
        city=city,
        resides_in_municipality=resides_in_municipality,
        residence_needs_confirmation=needs_confirmation,
        bio=mask_cpr(bio),
        publish_bio=publish_bio,
        consent_recorded_at=timezone.now() if publish_bio else None,
        user=user,
    )
    audit.record(
        actor=by, verb="person.created", target=person, changes=audit.diff({}, audit.snapshot(person, PERSON_FIELDS))
    )
    # Personal data: the journal records that the English introduction was written, not the text (R35).
    translations.translations_save(
        obj=person, language="en", texts={"bio": bio_en}, status=translations.REVIEWED, actor=by, created=True
    )
    return person


@transaction.atomic
def person_link_user(*, person: Person, user: User, by: User | None) -> Person:
    """Give a member or substitute a login (for the workspace and for voting)."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.user_id is not None and person.user_id != user.pk:
        raise RuleViolation([Violation("user", _("Personen har allerede et login."))])
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    audit.record(actor=by, verb="person.user_linked", target=person, changes=audit.created(user=user.username))
    return person


@transaction.atomic
def person_confirm_residence(*, person: Person, resides: bool, council: Council, by: User | None) -> Person:
    """The secretariat settles a shared postcode: the person does (or does not) live in the municipality."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    return fields_update(
        instance=person,
        fields=("resides_in_municipality", "residence_needs_confirmation"),
        data={"resides_in_municipality": resides, "residence_needs_confirmation": False},
        verb="person.residence_confirmed",
        by=by,
        council_id=council.pk,
        record_unchanged=True,
    )
