"""Setting up a council, versions of the rules of procedure, and the version in force on a date."""

import datetime

import pytest
from django.utils import translation

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.councils import selectors, services
from raad.councils.models import RulesOfProcedure
from raad.councils.presets import PRESETS
from raad.testing import assert_unchanged
from raad.testing.cast import make_council

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def council():
    return make_council()


def test_preset_creates_holbaek_from_the_kommissorium(council):
    assert council.name == "Integrationsrådet i Holbæk Kommune"
    assert council.municipality.code == "0316"
    assert council.secretariat_unit == "Kerneområdet Arbejdsmarked, Uddannelse og Borgerservice"
    terms = selectors.terms_of_reference_for(council)
    assert [p.number for p in terms.purposes.all()] == [1, 2, 3, 4]
    assert terms.purposes.all()[3].title == (
        "Medvirke til at forankre dialog og integration via frivillighed og foreningsliv"
    )
    assert terms.limits == "Integrationsrådet kan ikke behandle enkeltsager."
    assert terms.legal_basis_url == "https://www.retsinformation.dk/eli/lta/2021/2623"
    rules = selectors.rules_in_force(council, D(2026, 11, 26))
    assert (rules.max_members, rules.max_nominated_seats, rules.max_direct_seats) == (15, 13, 2)
    term = selectors.current_term(council, D(2026, 11, 26))
    assert (term.starts_on, term.ends_on) == (D(2026, 1, 1), D(2029, 12, 31))


def test_preset_is_idempotent(council):
    with assert_unchanged():
        again, created = services.council_setup_from_preset(preset=PRESETS["holbaek"])
    assert (again.pk, created) == (council.pk, False)


def _settings(version, **changes):
    from raad.councils.rules import SETTING_FIELDS

    return {**{f: getattr(version, f) for f in SETTING_FIELDS}, **changes}


def test_new_version_keeps_the_old_and_applies_from_its_date(council):
    first = selectors.rules_in_force(council, D(2026, 1, 1))
    second = services.rules_adopt_with_decision(
        council=council,
        settings=_settings(first, member_item_deadline_days=14),
        in_force_from=D(2027, 1, 1),
        adopted_on=D(2026, 11, 25),
        decision_reference="KB 25.11.2026, pkt. 9",
        change_summary="Længere frist for medlemmernes punkter.",
        by=None,
    )
    assert second.version == 2
    assert selectors.rules_in_force(council, D(2026, 12, 31)).pk == first.pk
    assert selectors.rules_in_force(council, D(2027, 1, 1)).pk == second.pk
    assert selectors.rules_in_force(council, D(2027, 1, 1)).member_item_deadline_days == 14
    assert RulesOfProcedure.objects.get(pk=first.pk).member_item_deadline_days == 10
    assert second.decision.reference == "KB 25.11.2026, pkt. 9"
    assert second.decision.decided_on == D(2026, 11, 25)
    entry = AuditEntry.objects.filter(verb="rules_of_procedure.adopted", target_id=str(second.pk)).get()
    assert entry.changes["member_item_deadline_days"] == {"before": 10, "after": 14}
    assert entry.changes["version"] == {"before": 1, "after": 2}
    with pytest.raises(selectors.NoRulesInForce):
        selectors.rules_in_force(council, D(2022, 6, 30))


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        (
            {"in_force_from": D(2022, 7, 1)},
            "in_force_from",
            "En ny version skal gælde fra en dato efter den seneste version (1. juli 2022).",
        ),
        ({"adopted_on": D(2027, 2, 1)}, "adopted_on", "Forretningsordenen kan ikke gælde, før den er vedtaget."),
        (
            {"settings_change": {"min_members_warning": 20}},
            "min_members_warning",
            "Advarselsgrænsen (20) kan ikke være større end det højeste antal medlemmer (15). (forretningsorden § 1, stk. 3)",
        ),
    ],
)
def test_refused_version_changes_nothing(council, kwargs, field, message):
    first = selectors.rules_in_force(council, D(2026, 1, 1))
    args = {
        "council": council,
        "settings": _settings(first, **kwargs.pop("settings_change", {})),
        "in_force_from": D(2027, 1, 1),
        "adopted_on": D(2026, 11, 25),
        "decision_reference": "KB 25.11.2026",
        "by": None,
        **kwargs,
    }
    with assert_unchanged(), translation.override("da"), pytest.raises(RuleViolation) as refused:
        services.rules_adopt_with_decision(**args)
    assert (refused.value.violations[0].field, refused.value.violations[0].message) == (field, message)


def test_terms_of_reference_update_is_audited_with_before_and_after(council):
    terms = selectors.terms_of_reference_for(council)
    services.terms_of_reference_update(terms=terms, data={"limits": "Rådet behandler ikke enkeltsager."}, by=None)
    entry = AuditEntry.objects.filter(verb="terms_of_reference.updated").get()
    assert entry.changes == {
        "limits": {
            "before": "Integrationsrådet kan ikke behandle enkeltsager.",
            "after": "Rådet behandler ikke enkeltsager.",
        }
    }
    # Saving the same values again records nothing new.
    services.terms_of_reference_update(terms=terms, data={"limits": "Rådet behandler ikke enkeltsager."}, by=None)
    assert AuditEntry.objects.filter(verb="terms_of_reference.updated").count() == 1


def test_overlapping_term_is_refused(council):
    with (
        assert_unchanged(),
        translation.override("da"),
        pytest.raises(RuleViolation, match="Valgperioden overlapper Valgperiode 2026–2029"),
    ):
        services.term_create(council=council, name="X", starts_on=D(2027, 6, 1), ends_on=D(2028, 12, 31), by=None)
