"""Membership services, appointments: appointing, the composition checks, leaving, moving away, death,
substitute promotion, the end of a term and the vacancy mails."""

from raad.core.models import AuditEntry
from raad.councils.services import board_decision_record
from raad.membership import services
from raad.membership.models import Seat
from raad.membership.selectors import memberships_in_force, seat_history, vacant_seats

from .conftest import START, make_person
from .services_support import D, appoint, fill, prepared, refused


def test_appoint_records_membership_and_audit(seats, term, decision):
    person = make_person("Ida")
    membership = appoint(person, seats[0], term, decision)
    assert (membership.person, membership.seat, membership.term, membership.appointment) == (
        person,
        seats[0],
        term,
        decision,
    )
    entry = AuditEntry.objects.get(verb="member.appointed")
    assert entry.council_id == seats[0].council_id
    assert entry.changes["person"]["after"] == "Ida Hansen"


def test_a_sixteenth_member_is_refused_and_nothing_changes(council, seats, term, decision):
    fill(seats, term, decision)
    extra = services.seat_create(council=council, number=16, kind=Seat.Kind.DIRECT, by=None)
    extra_person = make_person("Extra")
    messages = refused(prepared(extra_person, extra, term, decision))
    assert "Rådet har allerede 15 medlemmer (forretningsorden § 1, stk. 1)." in messages
    assert "Rådet har allerede 2 direkte udpegede medlemmer (forretningsorden § 1, stk. 2)." in messages


def test_a_fourteenth_nominated_member_is_refused(council, seats, term, decision):
    fill(seats[:13], term, decision)
    body = services.nominating_body_create(council=council, name="Ekstra", by=None)
    extra = services.seat_create(council=council, number=16, kind=Seat.Kind.NOMINATED, nominating_body=body, by=None)
    person = make_person("Extra")
    assert refused(prepared(person, extra, term, decision)) == [
        "Rådet har allerede 13 medlemmer udpeget efter indstilling (forretningsorden § 1, stk. 2)."
    ]


def test_non_resident_and_shared_postcode(seats, term, decision):
    outside = make_person("Ole", postcode="4000")
    assert refused(prepared(outside, seats[0], term, decision)) == [
        "Ole Hansen har ikke bopæl i kommunen (forretningsorden § 1, stk. 1)."
    ]
    shared = make_person("Sif", postcode="4330")
    assert shared.residence_needs_confirmation and not shared.resides_in_municipality
    assert "sekretariatet skal bekræfte bopælen" in refused(prepared(shared, seats[0], term, decision))[0]
    services.person_confirm_residence(person=shared, resides=True, council=seats[0].council, by=None)
    assert appoint(shared, seats[0], term, decision).person == shared


def test_no_person_on_two_seats_and_no_appointment_outside_the_term(seats, term, decision):
    ida = make_person("Ida")
    appoint(ida, seats[0], term, decision)
    assert refused(prepared(ida, seats[1], term, decision)) == ["Ida Hansen sidder allerede i rådet på en anden plads."]
    bo = make_person("Bo")
    assert refused(prepared(bo, seats[1], term, decision, starts_on=D(2030, 1, 2))) == [
        "Udpegningen ligger uden for valgperioden 01.01.2026–31.12.2029 (forretningsorden § 2, stk. 1)."
    ]


def test_no_membership_before_the_board_decision(seats, term, decision):
    bo = make_person("Bo")
    messages = refused(prepared(bo, seats[0], term, decision, starts_on=D(2026, 1, 10)))
    assert messages == ["Et medlemskab kan ikke begynde før kommunalbestyrelsens beslutning (28.01.2026)."]


def test_an_earlier_start_cannot_collide_with_a_later_registered_membership(seats, term, decision):
    appoint(make_person("Later"), seats[0], term, decision, starts_on=D(2026, 6, 1))
    earlier = make_person("Earlier")
    assert refused(prepared(earlier, seats[0], term, decision, starts_on=D(2026, 3, 1))) == [
        "Pladsen er allerede besat."
    ]


def test_resign_makes_the_seat_vacant_from_the_next_day(council, seats, term, decision):
    membership = appoint(make_person("Ida"), seats[0], term, decision)
    services.member_resign(membership=membership, last_day=D(2026, 5, 31), by=None)
    assert memberships_in_force(council, D(2026, 5, 31)).filter(pk=membership.pk).exists()
    assert seats[0] in vacant_seats(council, D(2026, 6, 1))
    assert AuditEntry.objects.filter(verb="member.resigned", target_id=str(membership.pk)).count() == 1
    assert refused(lambda: services.member_resign(membership=membership, last_day=D(2026, 6, 30), by=None)) == [
        "Medlemskabet er allerede ophørt 31.05.2026."
    ]


def test_moving_away_is_flagged_then_ended(council, seats, term, decision):
    membership = appoint(make_person("Ida"), seats[0], term, decision)
    services.member_flag_moved_away(
        membership=membership, flagged_on=D(2026, 4, 1), note="Flyttet til Roskilde", by=None
    )
    membership.refresh_from_db()
    assert membership.moved_away_flagged_on == D(2026, 4, 1) and membership.ends_on is None
    assert not membership.person.resides_in_municipality
    services.member_move_away(membership=membership, last_day=D(2026, 4, 30), by=None)
    membership.refresh_from_db()
    assert (membership.ends_on, membership.end_reason) == (D(2026, 4, 30), "moved_away")


def test_death_ends_the_membership(seats, term, decision):
    membership = appoint(make_person("Ida"), seats[0], term, decision)
    services.member_decease(membership=membership, last_day=D(2026, 9, 3), by=None)
    membership.refresh_from_db()
    assert membership.end_reason == "deceased"


def test_substitute_promotion_only_after_permanent_departure(council, seats, term, decision):
    membership = appoint(make_person("Ida"), seats[0], term, decision)
    substitute = services.substitute_appoint(
        membership=membership, person=make_person("Sara"), decision=decision, starts_on=START, by=None
    )
    messages = refused(lambda: services.substitute_promote(substitute=substitute, starts_on=D(2026, 6, 1), by=None))
    assert messages == [
        "Sara Hansen kan først indtræde, når medlemmet er udtrådt permanent (forretningsorden § 1, stk. 4)."
    ]
    services.member_resign(membership=membership, last_day=D(2026, 5, 31), by=None)
    promoted = services.substitute_promote(substitute=substitute, starts_on=D(2026, 6, 1), by=None)
    assert (promoted.person, promoted.seat, promoted.promoted_from) == (substitute.person, seats[0], substitute)
    substitute.refresh_from_db()
    assert substitute.ends_on == D(2026, 5, 31)
    history = list(seat_history(seats[0]))
    assert [(m.person.first_name, m.starts_on, m.ends_on) for m in history] == [
        ("Sara", D(2026, 6, 1), None),
        ("Ida", START, D(2026, 5, 31)),
    ]


def test_members_continue_until_successors_are_appointed(council, seats, old_term, term):
    old_decision = board_decision_record(
        municipality=council.municipality, decided_on=D(2022, 7, 20), reference="KB 2022", title="Udpegning", by=None
    )
    new_decision = board_decision_record(
        municipality=council.municipality, decided_on=D(2026, 3, 1), reference="KB 2026", title="Udpegning", by=None
    )
    old = appoint(make_person("Gammel"), seats[0], old_term, old_decision, starts_on=D(2022, 8, 1))
    stays = appoint(make_person("Bliver"), seats[1], old_term, old_decision, starts_on=D(2022, 8, 1))
    assert memberships_in_force(council, D(2026, 2, 1)).count() == 2  # still sitting after the term
    new = appoint(make_person("Ny"), seats[0], term, new_decision, starts_on=D(2026, 3, 15))
    old.refresh_from_db()
    assert (old.ends_on, old.end_reason) == (D(2026, 3, 14), "replaced")
    # re-appointing the same person on a new term replaces their continuing membership
    again = appoint(stays.person, seats[1], term, new_decision, starts_on=D(2026, 3, 15))
    assert {m.pk for m in memberships_in_force(council, D(2026, 3, 15))} == {new.pk, again.pk}


def test_memberships_end_with_the_term_when_the_rules_say_so(council, seats, old_term):
    from io import StringIO

    from django.core.management import call_command

    from raad.councils.models import RulesOfProcedure

    old_decision = board_decision_record(
        municipality=council.municipality, decided_on=D(2022, 7, 20), reference="KB 2022", title="Udpegning", by=None
    )
    old = appoint(make_person("Gammel"), seats[0], old_term, old_decision, starts_on=D(2022, 8, 1))
    out = StringIO()
    call_command("close_terms", today="2026-01-05", stdout=out)
    assert out.getvalue().strip() == "Ended 0 membership(s)."  # Holbæk: members continue until successors
    RulesOfProcedure.objects.filter(council=council).update(continue_until_successors=False)
    call_command("close_terms", today="2026-01-05", stdout=out)
    old.refresh_from_db()
    assert (old.ends_on, old.end_reason) == (D(2025, 12, 31), "term_ended")
    call_command("close_terms", today="2026-01-06", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "Ended 0 membership(s)."


def test_a_vacancy_tells_the_nominating_body_and_the_secretariat(
    seats, term, decision, django_capture_on_commit_callbacks, mailoutbox
):
    membership = appoint(make_person("Ida"), seats[2], term, decision)
    with django_capture_on_commit_callbacks(execute=True):
        services.member_resign(membership=membership, last_day=D(2026, 5, 31), by=None)
    # One mail each (recipients do not see each other's addresses), same text.
    assert [m.to for m in mailoutbox] == [["integrationsraadet@holbaek.invalid"], ["forening3@test.invalid"]]
    assert mailoutbox[0].subject == "Ledig plads i Integrationsrådet i Holbæk Kommune"
    assert all("Plads 3 i Integrationsrådet i Holbæk Kommune er ledig fra 31. maj 2026" in m.body for m in mailoutbox)
