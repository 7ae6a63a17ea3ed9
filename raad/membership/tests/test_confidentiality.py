"""R27: members and substitutes accept the duty of confidentiality (tavshedspligt) on their first visit to the
workspace after an appointment: a page they must accept first, recorded with the time and in the journal."""

from __future__ import annotations

import pytest
from django.utils import timezone

from raad.core.models import AuditEntry
from raad.membership.models import Person
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified, make_user

pytestmark = pytest.mark.django_db

PAGE = "/arbejdsrum/tavshedspligt/accepter/"


@pytest.fixture
def newcomer(cast):
    """Mette, a sitting member without a login until now: her first login after the appointment."""
    from raad.membership.services import person_link_user

    person = cast.members[3].person
    user = make_user("mette", person.first_name, person.last_name)
    person_link_user(person=person, user=user, by=None)
    return user


def test_the_workspace_asks_a_new_member_to_accept_confidentiality_first(client, cast, newcomer):
    log_in_verified(client, newcomer)
    meetings = f"/arbejdsrum/{cast.council.slug}/moeder/"
    response = client.get(meetings)
    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}?next=%2Farbejdsrum%2F{cast.council.slug}%2Fmoeder%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200 and "forvaltningsloven § 27" in page.content.decode()
    # Without the box ticked nothing is recorded.
    with assert_unchanged(ignore={"sessions.Session"}):
        refused = client.post(PAGE, {"next": meetings})
    assert refused.status_code == 400
    assert "Sæt kryds for at bekræfte" in refused.content.decode()
    before = timezone.now()
    accepted = client.post(PAGE, {"next": meetings, "accept": "1"})
    assert (accepted.status_code, accepted["Location"]) == (302, meetings)
    person = Person.objects.get(user=newcomer)
    assert person.confidentiality_acknowledged_at >= before
    entry = AuditEntry.objects.filter(verb="person.confidentiality_acknowledged").latest("pk")
    assert (entry.actor, entry.target_id) == (newcomer, str(person.pk))
    assert client.get(meetings).status_code == 200


def test_a_member_who_accepted_goes_straight_to_the_workspace(client, cast):
    log_in_verified(client, cast.users["medlem"])
    assert client.get(f"/arbejdsrum/{cast.council.slug}/moeder/").status_code == 200
    assert client.get(PAGE)["Location"] == "/arbejdsrum/"


def test_a_new_appointment_asks_again(client, cast):
    """Sara accepted as a substitute; when she takes the seat as a member, she is asked again."""
    import datetime

    from raad.membership.services import member_resign, substitute_promote

    member_resign(membership=cast.member, last_day=timezone.localdate() - datetime.timedelta(days=2), by=None)
    substitute_promote(substitute=cast.substitute, starts_on=timezone.localdate() - datetime.timedelta(days=1), by=None)
    log_in_verified(client, cast.users["stedfortraeder"])
    assert client.get(f"/arbejdsrum/{cast.council.slug}/moeder/")["Location"].startswith(PAGE)


def test_the_secretariat_and_the_liaison_are_not_asked(client, cast):
    for user in (cast.secretary, cast.liaison):
        log_in_verified(client, user)
        assert client.get(f"/arbejdsrum/{cast.council.slug}/moeder/").status_code == 200
