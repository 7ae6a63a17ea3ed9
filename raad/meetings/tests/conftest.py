"""A small named cast for the meetings tests: Holbæk's council from its preset, members, a secretary."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from raad.core.roles import Role
from raad.core.services import user_create
from raad.councils.models import Council, Term
from raad.councils.presets import PRESETS
from raad.councils.services import board_decision_record, council_setup_from_preset, staff_assign
from raad.meetings import services
from raad.meetings.models import Meeting
from raad.membership.models import Membership, Seat
from raad.membership.services import (
    member_appoint,
    membership_set_role,
    nominating_body_create,
    person_create,
    seat_create,
    substitute_appoint,
)

FIRST_NAMES = [
    "Amina",
    "Lars",
    "Ahmad",
    "Mette",
    "Fatima",
    "Jonas",
    "Zainab",
    "Mikkel",
    "Nour",
    "Hanne",
    "Tomasz",
    "Olena",
    "Deniz",
    "Abdi",
    "Sofie",
]
PASSWORD = "test-password-holbaek-1"


@dataclass
class Cast:
    council: Council
    secretary: object
    members: list[Membership] = field(default_factory=list)
    users: dict = field(default_factory=dict)

    @property
    def chair(self) -> Membership:
        return self.members[0]

    @property
    def member(self) -> Membership:
        return self.members[2]


def build_cast(n_members: int = 10) -> Cast:
    council, _ = council_setup_from_preset(preset=PRESETS["holbaek"])
    term = Term.objects.get(council=council, starts_on=datetime.date(2026, 1, 1))
    decision = board_decision_record(
        municipality=council.municipality,
        decided_on=datetime.date(2026, 1, 28),
        reference="KB 28.01.2026, pkt. 7",
        title="Udpegning",
        by=None,
    )
    body = nominating_body_create(council=council, name="Røde Kors Holbæk", by=None)
    cast = Cast(council=council, secretary=None)
    for i in range(n_members):
        seat = seat_create(council=council, number=i + 1, kind=Seat.Kind.NOMINATED, nominating_body=body, by=None)
        first = FIRST_NAMES[i]
        user = None
        if i in (0, 1, 2):
            user = user_create(
                username=["forperson", "naestforperson", "medlem"][i],
                email=f"{first.lower()}@test.invalid",
                first_name=first,
                last_name="Testsen",
                password=PASSWORD,
                by=None,
            )
            cast.users[user.username] = user
        person = person_create(
            first_name=first,
            last_name="Testsen",
            email=f"{first.lower()}@test.invalid",
            postcode="4300",
            city="Holbæk",
            resides_in_municipality=True,
            user=user,
            by=None,
        )
        cast.members.append(
            member_appoint(
                person=person, seat=seat, term=term, decision=decision, starts_on=datetime.date(2026, 2, 1), by=None
            )
        )
    membership_set_role(membership=cast.members[0], role=Membership.Role.CHAIR, by=None)
    membership_set_role(membership=cast.members[1], role=Membership.Role.VICE_CHAIR, by=None)
    sub_user = user_create(
        username="stedfortraeder",
        email="sara@test.invalid",
        first_name="Sara",
        last_name="Lindholm",
        password=PASSWORD,
        by=None,
    )
    cast.users["stedfortraeder"] = sub_user
    sub_person = person_create(
        first_name="Sara",
        last_name="Lindholm",
        email="sara@test.invalid",
        postcode="4300",
        city="Holbæk",
        resides_in_municipality=True,
        user=sub_user,
        by=None,
    )
    substitute_appoint(
        membership=cast.members[2], person=sub_person, decision=decision, starts_on=datetime.date(2026, 2, 1), by=None
    )
    cast.secretary = user_create(
        username="sekretariat",
        email="sekretariat@test.invalid",
        first_name="Camilla",
        last_name="Holt",
        password=PASSWORD,
        by=None,
    )
    staff_assign(
        council=council, user=cast.secretary, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None
    )
    cast.users["sekretariat"] = cast.secretary
    return cast


@pytest.fixture
def cast(db) -> Cast:
    return build_cast()


def at(y, m, d, hh=17, mm=0) -> datetime.datetime:
    return datetime.datetime(y, m, d, hh, mm, tzinfo=timezone.get_default_timezone())


@pytest.fixture
def meeting(cast) -> Meeting:
    return services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 12, 10),
        place="Holbæk Rådhus, mødelokale 1",
        address="Kanalstræde 2, 4300 Holbæk",
        by=cast.secretary,
    )


def all_present(meeting: Meeting, cast: Cast, *, except_: tuple[int, ...] = ()) -> None:
    services.attendance_register(
        meeting=meeting,
        present=[m.pk for i, m in enumerate(cast.members) if i not in except_],
        substitutes_present=[],
        by=cast.secretary,
    )


def log_in_verified(client, user):
    """Log `user` in with a verified second factor (the workspace requires it for the secretariat)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, confirmed=True, name="test"
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def login_secretary(client, cast):
    return log_in_verified(client, cast.secretary)
