"""R4: a term follows the municipal election period: it begins on 1 January after the municipal election
(kommunalvalg every 4 years) and lasts `term_years` of the rules of procedure; from
`term_renewal_warning_days` before it ends, the secretariat's desk lists the seats to fill for the next term."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from raad.core import desk
from raad.councils import rules
from raad.councils.models import Term
from raad.councils.services import term_open_next
from raad.councils.tests.test_settings_effects import new_version
from raad.testing.cast import log_in_verified

# The story is the demo day's (its term 2026–2029, its meetings): the clock stands there.
pytestmark = pytest.mark.usefixtures("on_the_demo_day")

D = datetime.date


def _cph(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 10, tzinfo=timezone.get_default_timezone())


def test_election_period_starts_on_1_january_after_the_municipal_election():
    assert rules.election_period_start(D(2025, 11, 18)) == D(2022, 1, 1)
    assert rules.election_period_start(D(2026, 1, 1)) == D(2026, 1, 1)
    assert rules.election_period_start(D(2029, 12, 31)) == D(2026, 1, 1)
    assert rules.election_period_start(D(2030, 1, 1)) == D(2030, 1, 1)
    assert rules.term_dates(D(2026, 1, 1), 4) == (D(2026, 1, 1), D(2029, 12, 31))


def test_the_next_term_lasts_term_years_of_the_rules_in_force_when_it_begins(cast):
    assert Term.objects.filter(council=cast.council).order_by("-starts_on").first().ends_on == D(2029, 12, 31)
    new_version(cast.council, in_force_from=D(2029, 6, 1), term_years=2)
    term = term_open_next(council=cast.council, by=cast.secretary)
    assert (term.name, term.starts_on, term.ends_on) == ("Valgperiode 2030–2031", D(2030, 1, 1), D(2031, 12, 31))
    new_version(cast.council, in_force_from=D(2031, 6, 1), term_years=4)
    term = term_open_next(council=cast.council, by=cast.secretary)
    assert (term.name, term.starts_on, term.ends_on) == ("Valgperiode 2032–2035", D(2032, 1, 1), D(2035, 12, 31))


def _renewal(client, cast) -> str | None:
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = cast.secretary
    panels = {p.key: p.html for p in desk.panels_for(cast.council, request)}
    return panels.get("term_renewal")


def test_the_desk_lists_the_seats_to_fill_from_the_warning_days_before_the_term_ends(client, cast):
    with time_machine.travel(_cph(D(2029, 7, 3))):
        assert _renewal(client, cast) is None  # 181 days before 31 December 2029
    with time_machine.travel(_cph(D(2029, 7, 4))):
        html = _renewal(client, cast)
    assert "Valgperioden 2026–2029 slutter 31. december 2029. Genudpegningen er åben fra 4. juli 2029." in html
    assert "Den næste valgperiode er ikke oprettet endnu." in html
    assert html.count("<li>Plads ") == 10
    term_open_next(council=cast.council, by=cast.secretary)
    with time_machine.travel(_cph(D(2029, 9, 1))):
        html = _renewal(client, cast)
    assert "10 pladser mangler udpegning for valgperioden 2030–2033:" in html
    # Members are not shown the panel.
    with time_machine.travel(_cph(D(2029, 9, 1))):
        log_in_verified(client, cast.users["medlem"])
        assert "Udpegning til næste valgperiode" not in client.get(f"/arbejdsrum/{cast.council.slug}/").content.decode()


def test_the_warning_days_are_a_setting_of_the_rules_of_procedure(client, cast):
    new_version(cast.council, in_force_from=D(2029, 1, 1), term_renewal_warning_days=365)
    with time_machine.travel(_cph(D(2029, 1, 1))):
        html = _renewal(client, cast)
    assert "Genudpegningen er åben fra 31. december 2028." in html
