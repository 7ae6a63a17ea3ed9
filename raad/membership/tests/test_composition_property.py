"""Property: whatever sequence of appointments, resignations, moves, deaths, substitute appointments and
promotions is attempted, no reachable state breaks a composition rule, and every refused operation
leaves the database exactly as it was."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from raad.core.errors import RuleViolation
from raad.councils.selectors import rules_in_force
from raad.councils.services import board_decision_record
from raad.membership import rules, services
from raad.membership.models import Membership, Seat, Substitute
from raad.testing import database_snapshot
from raad.testing.cast import make_nomination

from .conftest import make_council, make_person, make_seats

FIRST = datetime.date(2026, 1, 28)
PEOPLE = 20
SEATS = 17  # 14 nominated + 3 direct: more seats than the rules allow members, so the limits are exercised

day = st.integers(min_value=0, max_value=1600).map(lambda n: FIRST + datetime.timedelta(days=n))
index = st.integers(min_value=0, max_value=40)
appointment = st.tuples(st.just("appoint"), st.integers(0, PEOPLE - 1), st.integers(0, SEATS - 1), day)
operation = st.one_of(
    appointment,
    appointment,
    appointment,
    st.tuples(st.just("resign"), index, day),
    st.tuples(st.just("flag"), index, day),
    st.tuples(st.just("move_away"), index, day),
    st.tuples(st.just("decease"), index, day),
    st.tuples(st.just("substitute"), index, st.integers(0, PEOPLE - 1)),
    st.tuples(st.just("promote"), index, day),
)


def sitting_on(memberships: list[Membership], on: datetime.date) -> list[rules.Sitting]:
    return [
        rules.Sitting(
            person_id=m.person_id,
            seat_id=m.seat_id,
            seat_kind=m.seat.kind,
            # residence is what we know today: it applies to the memberships that are still open
            resides_in_municipality=m.person.resides_in_municipality if m.ends_on is None else True,
            flagged_moved_away=m.moved_away_flagged_on is not None,
        )
        for m in memberships
        if m.starts_on <= on and (m.ends_on is None or m.ends_on >= on)
    ]


class CompositionProperty(TestCase):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(operation, min_size=10, max_size=40))
    def test_no_reachable_state_breaks_a_rule(self, operations):
        council = make_council()
        term = council.terms.get(starts_on=datetime.date(2026, 1, 1))
        seats = make_seats(council, nominated=14, direct=3)
        people = [make_person(f"P{i}") for i in range(PEOPLE - 3)]
        people += [
            make_person("Ude1", postcode="4000"),
            make_person("Ude2", postcode="2100"),
            make_person("Delt", postcode="4330"),
        ]
        decision = board_decision_record(
            municipality=council.municipality, decided_on=FIRST, reference="KB", title="Udpegning", by=None
        )
        limits = rules.Limits.of(rules_in_force(council, FIRST))
        applied = refused = 0
        nominations: dict = {}

        for op in operations:
            memberships = list(Membership.objects.filter(seat__council=council).order_by("pk"))
            substitutes = list(
                Substitute.objects.filter(membership__seat__council=council).select_related("membership").order_by("pk")
            )
            if op[0] == "appoint" and (op[1], op[2]) not in nominations:
                # received before the board decides (R2: a nominated seat only from a nomination)
                nominations[(op[1], op[2])] = make_nomination(seats[op[2]], people[op[1]], term)
            before = database_snapshot()
            try:
                self.apply(op, people, seats, term, decision, memberships, substitutes, nominations)
            except RuleViolation as violation:
                refused += 1
                event(f"{op[0]} refused: {violation.messages[0][:50]}")
                assert violation.messages, "a refusal must say why"
                assert database_snapshot() == before, f"{op} was refused but changed the database"
            except LookupError:
                continue  # the operation had nothing to act on
            else:
                applied += 1
                event(f"{op[0]} applied")
            self.assert_lawful(council, limits)

    def apply(self, op, people, seats, term, decision, memberships, substitutes, nominations):
        kind = op[0]
        if kind == "appoint":
            _, person, seat, on = op
            services.member_appoint(
                person=people[person],
                seat=seats[seat],
                term=term,
                decision=decision,
                starts_on=on,
                nomination=nominations[(person, seat)],
                by=None,
            )
            return
        if kind == "substitute":
            if not memberships:
                raise LookupError
            services.substitute_appoint(
                membership=memberships[op[1] % len(memberships)],
                person=people[op[2]],
                decision=decision,
                starts_on=memberships[op[1] % len(memberships)].starts_on,
                by=None,
            )
            return
        if kind == "promote":
            if not substitutes:
                raise LookupError
            # prefer a substitute whose member has left, so that promotions are often possible
            ready = [s for s in substitutes if s.membership.ends_on is not None and s.ends_on is None] or substitutes
            substitute = ready[op[1] % len(ready)]
            services.substitute_promote(substitute=substitute, starts_on=op[2], by=None)
            return
        if not memberships:
            raise LookupError
        membership = memberships[op[1] % len(memberships)]
        if kind == "resign":
            services.member_resign(membership=membership, last_day=op[2], by=None)
        elif kind == "flag":
            services.member_flag_moved_away(membership=membership, flagged_on=op[2], by=None)
        elif kind == "move_away":
            services.member_move_away(membership=membership, last_day=op[2], by=None)
        elif kind == "decease":
            services.member_decease(membership=membership, last_day=op[2], by=None)

    def assert_lawful(self, council, limits):
        memberships = list(Membership.objects.filter(seat__council=council).select_related("seat", "person"))
        days = {m.starts_on for m in memberships} | {m.ends_on for m in memberships if m.ends_on}
        for on in sorted(days):
            problems = rules.state_violations(limits, sitting_on(memberships, on))
            assert problems == [], f"unlawful composition on {on}: {problems}"
        for m in memberships:
            assert m.ends_on is None or m.ends_on >= m.starts_on
            assert m.seat.kind == Seat.Kind.DIRECT or m.seat.nominating_body_id is not None
