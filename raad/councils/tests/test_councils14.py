"""Several councils, one municipality, one installation: the handicapråd and ældreråd presets (their example
values "to be confirmed"), the municipality's landing page, the secretariat's council switcher, and roles
per council (a member or the secretariat of one council is nobody in another)."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from raad.core.roles import Role, roles_of
from raad.councils.models import Council, RulesOfProcedure, TermsOfReference
from raad.councils.presets import PRESETS
from raad.councils.presets.values import Example
from raad.councils.selectors import councils_served_by, rules_to_be_confirmed
from raad.councils.services import council_setup_from_preset, staff_assign
from raad.testing.cast import log_in_verified, make_user

START = datetime.date(2022, 1, 1)


def _setup(name: str) -> Council:
    council, created = council_setup_from_preset(preset=PRESETS[name])
    assert created
    return council


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["holbaek-handicap", "holbaek-aeldre"])
def test_a_preset_sets_up_its_council_with_its_numbers_and_legal_basis(name):
    preset = PRESETS[name]
    council = _setup(name)
    version = RulesOfProcedure.objects.get(council=council)
    for field, value in preset["rules"]["settings"].items():
        assert getattr(version, field) == (value.value if isinstance(value, Example) else value), field
    flagged = [f for f, v in preset["rules"]["settings"].items() if isinstance(v, Example)]
    assert sorted(version.to_be_confirmed) == sorted(flagged)
    assert [item.field for item in rules_to_be_confirmed(version)] == version.to_be_confirmed
    assert "retssikkerhedsloven" in TermsOfReference.objects.get(council=council).legal_basis
    assert council.municipality.code == "0316"


@pytest.mark.django_db
def test_the_elderly_council_is_elected_the_disability_council_nominated():
    handicap = RulesOfProcedure.objects.get(council=_setup("holbaek-handicap"))
    elderly = RulesOfProcedure.objects.get(council=_setup("holbaek-aeldre"))
    assert (handicap.max_members, handicap.max_nominated_seats, handicap.max_board_member_seats) == (10, 5, 5)
    assert (elderly.max_members, elderly.max_nominated_seats, elderly.max_direct_seats) == (9, 0, 9)
    assert (elderly.uses_substitutes, elderly.elects_national_representative) == (False, False)
    assert "§ 37 a" in TermsOfReference.objects.get(council=handicap.council).legal_basis
    assert "§ 30" in TermsOfReference.objects.get(council=elderly.council).legal_basis


def test_holbaeks_integration_council_has_nothing_to_confirm(cast):
    version = RulesOfProcedure.objects.get(council=cast.council)
    assert (version.to_be_confirmed, version.max_members, version.max_nominated_seats) == ([], 15, 13)


@pytest.mark.django_db
def test_setup_and_the_rules_pages_show_the_example_values_as_to_be_confirmed(client, capsys):
    call_command("setup_council", "holbaek-aeldre")
    out = capsys.readouterr().out
    assert "retssikkerhedsloven) § 30" in out
    assert "højst antal medlemmer (forretningsorden § 1, stk. 1): 9 – skal bekræftes" in out
    council = Council.objects.get(slug="aeldreraadet")
    page = client.get(reverse("portal:rules", args=[council.slug])).content.decode()
    assert "Eksempelværdier, der skal bekræftes" in page
    assert "<strong>9</strong> – skal bekræftes" in page
    secretary = make_user("sekretariat", "Camilla", "Holt")
    staff_assign(council=council, user=secretary, role=Role.SECRETARIAT, starts_on=START, by=None)
    log_in_verified(client, secretary)
    page = client.get(reverse("secretariat:rules", args=[council.slug])).content.decode()
    assert "<strong>9</strong> – skal bekræftes" in page
    seats = client.get(reverse("membership:seats", args=[council.slug])).content.decode()
    assert f'href="{reverse("membership:direct_election", args=[council.slug])}"' in seats
    english = client.get("/en" + reverse("portal:rules", args=[council.slug])).content.decode()
    assert "to be confirmed" in english


def test_the_landing_page_lists_the_municipalitys_councils_and_the_home_links_it(client, cast):
    _setup("holbaek-aeldre")
    home = client.get(reverse("portal:home")).content.decode()
    url = reverse("portal:municipality", args=["0316"])
    assert f'href="{url}"' in home
    assert "Næste møde" in home  # one municipality: the home stays the first council's front page
    page = client.get(url).content.decode()
    for council in Council.objects.all():
        assert f'href="{council.get_absolute_url()}"' in page
    assert "Ældrerådet rådgiver kommunalbestyrelsen i ældrepolitiske spørgsmål" in page
    assert "Integrationsrådet rådgiver og informerer kommunalbestyrelsen" in page
    # The chrome names the municipality, not one of its councils.
    assert "<title>Råd i Holbæk Kommune – Holbæk Kommune</title>" in page
    assert 'class="solution-heading"' not in page
    assert client.get(reverse("portal:municipality", args=["0999"])).status_code == 404


def test_with_one_council_the_home_stays_the_councils_front_page(client, cast):
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:municipality", args=["0316"]) not in home
    assert "Næste møde" in home


def test_the_switcher_links_the_same_page_of_each_council_the_secretariat_serves(client, cast):
    elderly = _setup("holbaek-aeldre")
    handicap = _setup("holbaek-handicap")
    for council in (elderly, handicap):
        staff_assign(council=council, user=cast.secretary, role=Role.SECRETARIAT, starts_on=START, by=None)
    log_in_verified(client, cast.secretary)
    page = client.get(reverse("secretariat:rules", args=[elderly.slug])).content.decode()
    for council in (cast.council, elderly, handicap):
        assert f'href="{reverse("secretariat:rules", args=[council.slug])}"' in page
    assert f'href="{reverse("secretariat:rules", args=[elderly.slug])}" aria-current="page"' in page
    desk = client.get(reverse("secretariat:council", args=[handicap.slug])).content.decode()
    assert f'href="{reverse("secretariat:council", args=[elderly.slug])}"' in desk
    dashboard = client.get(reverse("secretariat:dashboard")).content.decode()
    assert "– Holbæk Kommune</title>" in dashboard and 'class="solution-heading"' not in dashboard
    chosen = client.get(reverse("secretariat:dashboard"), {"raad": elderly.slug}).content.decode()
    assert f'<a href="{elderly.get_absolute_url()}">{elderly.name}</a>' in chosen
    assert [c.slug for c in councils_served_by(cast.secretary)] == [
        "handicapraadet",
        "integrationsraadet",
        "aeldreraadet",
    ]


def test_a_secretariat_of_one_council_sees_no_switcher(client, cast):
    log_in_verified(client, cast.secretary)
    page = client.get(reverse("secretariat:council", args=[cast.council.slug])).content.decode()
    assert "Skift råd" not in page


def test_a_member_or_the_secretariat_of_one_council_is_nobody_in_another(client, cast):
    elderly = _setup("holbaek-aeldre")
    member = cast.member.person.user
    for user in (cast.secretary, member):
        assert roles_of(user, elderly.pk) == frozenset()
        for perm in ("councils.view_workspace", "membership.manage", "councils.change_rules_of_procedure"):
            assert not user.has_perm(perm, elderly), (user, perm)
    assert cast.secretary.has_perm("membership.manage", cast.council)
    for user in (cast.secretary, member):
        log_in_verified(client, user)
        for url in (
            reverse("secretariat:council", args=[elderly.slug]),
            reverse("secretariat:rules", args=[elderly.slug]),
            reverse("membership:direct_election", args=[elderly.slug]),
        ):
            assert client.get(url).status_code in (403, 404), (user, url)
        response = client.post(
            reverse("membership:direct_election", args=[elderly.slug]), {"candidates": "Bent Kragh; 5"}
        )
        assert response.status_code in (403, 404)
    assert not elderly.direct_elections.exists()


def test_with_several_municipalities_the_front_page_lists_them_and_finds_a_council(client, cast):
    import copy

    preset = copy.deepcopy(PRESETS["holbaek-aeldre"])
    preset["municipality"] = {"name": "Kalundborg Kommune", "code": "0326", "website": ""}
    preset["council"].update(slug="aeldreraadet-kalundborg", name="Ældrerådet i Kalundborg Kommune")
    council_setup_from_preset(preset=preset)
    _setup("holbaek-aeldre")
    home = client.get(reverse("portal:home")).content.decode()
    assert "Næste møde" not in home  # no council's front page: the municipalities
    assert f'<a href="{reverse("portal:municipality", args=["0316"])}">Holbæk Kommune</a>' in home
    assert f'<a href="{reverse("portal:municipality", args=["0326"])}">Kalundborg Kommune</a>' in home
    assert "(2 råd)" in home and "(1 råd)" in home
    assert "Integrationsrådet i Holbæk Kommune" not in home  # councils are found, not all listed
    found = client.get(reverse("portal:home"), {"q": "ældreråd"}).content.decode()
    assert "2 råd matcher «ældreråd»" in found
    assert found.index("Ældrerådet i Holbæk Kommune") < found.index("Ældrerådet i Kalundborg Kommune")
    assert "1 råd matcher «kalundborg»" in client.get(reverse("portal:home"), {"q": "kalundborg"}).content.decode()
    assert "Intet råd har det navn" in client.get(reverse("portal:home"), {"q": "Vejle"}).content.decode()
    english = client.get("/en" + reverse("portal:home"), {"q": "Kalundborg"}).content.decode()
    assert "1 council matches “Kalundborg”" in english and "Municipalities" in english
