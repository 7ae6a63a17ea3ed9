"""The CSV import of indicator values (docs/effort.md): a good file is imported, a re-import of a year updates
its values (journalled with before and after), and every kind of malformed file is refused with a message that
names the line, writing nothing at all."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.effort import csvformat, services
from raad.effort.models import Indicator, IndicatorValue
from raad.testing import assert_unchanged

from .conftest import HEADER, SOURCE, csv_of, row


def values(council):
    return sorted(
        (v.indicator.code, v.scope, v.year, v.value, v.is_demo)
        for v in IndicatorValue.objects.filter(indicator__council=council).select_related("indicator")
    )


def test_a_good_file_creates_indicators_and_values(council, secretary):
    data = csv_of(row("1.1", 2020, "20"), row("1.1", 2021, '"18,5"'), row("2.2", 2021, "68", name="Ungdomsuddannelse"))
    result = services.indicator_values_import(council=council, data=data, scope="national", by=secretary)
    assert (result.created, result.updated, result.unchanged, result.indicators_created) == (3, 0, 0, 2)
    assert values(council) == [
        ("1.1", "national", 2020, Decimal("20"), False),
        ("1.1", "national", 2021, Decimal("18.5"), False),
        ("2.2", "national", 2021, Decimal("68"), False),
    ]
    indicator = Indicator.objects.get(council=council, code="2.2")
    assert (indicator.name, indicator.goal_area, indicator.unit) == ("Ungdomsuddannelse", "Arbejde", "procentpoint")
    assert set(IndicatorValue.objects.values_list("source", flat=True)) == {SOURCE}
    entry = AuditEntry.objects.get(verb="effort_values.imported")
    assert entry.changes["created"]["after"] == 3 and entry.changes["years"]["after"] == "2020, 2021"


def test_a_scope_column_wins_over_the_form(council, secretary):
    header = HEADER + ",scope"
    data = csv_of(row("1.1", 2021, "20") + ",municipality", row("1.1", 2021, "18") + ",national", header=header)
    services.indicator_values_import(council=council, data=data, scope="national", by=secretary)
    assert [(c, s, v) for c, s, _y, v, _d in values(council)] == [
        ("1.1", "municipality", Decimal("20")),
        ("1.1", "national", Decimal("18")),
    ]


def test_a_reimport_of_the_same_year_updates_the_values_and_journals_each_change(council, secretary):
    services.indicator_values_import(
        council=council, data=csv_of(row("1.1", 2021, "20"), row("1.2", 2021, "60")), scope="municipality",
        by=secretary, is_demo=True,
    )  # fmt: skip
    result = services.indicator_values_import(
        council=council, data=csv_of(row("1.1", 2021, "19"), row("1.2", 2021, "60")), scope="municipality",
        by=secretary,
    )  # fmt: skip
    assert (result.created, result.updated, result.unchanged) == (0, 2, 0)  # 1.2: the demo flag is cleared
    assert values(council) == [
        ("1.1", "municipality", 2021, Decimal("19"), False),
        ("1.2", "municipality", 2021, Decimal("60"), False),
    ]
    change = AuditEntry.objects.filter(verb="effort_value.changed").order_by("id").first()
    assert change.changes["value"] == {"before": "20", "after": "19"}
    assert change.council_id == council.pk and change.actor == secretary
    again = services.indicator_values_import(
        council=council, data=csv_of(row("1.1", 2021, "19"), row("1.2", 2021, "60")), scope="municipality",
        by=secretary,
    )  # fmt: skip
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


LONG = "x" * 501
BAD_FILES = {
    "wrong header": (b"kode,aar,vaerdi\n1.1,2021,20\n", "Linje 1: kolonneoverskrifterne passer ikke"),
    "a missing column": (
        b"indicator,goal_area,measure_da,unit,year,source\n1.1,A,B,pct,2021,S\n",
        "Linje 1: kolonneoverskrifterne passer ikke til formatet (mangler value)",
    ),
    "bad number": (csv_of(row(year=2020), row(year=2021, value="tyve")), "Linje 3: værdien tyve er ikke et tal"),
    "bad year": (csv_of(row(year=2020), row(year="2O21")), "Linje 3: året 2O21 er ikke et årstal"),
    "unknown scope": (
        csv_of(row() + ",kommune", header=HEADER + ",scope"),
        "Linje 2: ukendt område kommune (brug municipality eller national)",
    ),
    "duplicate row": (
        csv_of(row(year=2020), row(year=2021), row(year=2020, value="21")),
        "Linje 4: indikator 1.1, municipality, 2020 står også på linje 2",
    ),
    "too few fields": (csv_of(row(), "1.2,Arbejde,Navn,procent,2021"), "Linje 3: 5 felter, men overskriften har 8"),
    "empty field": (csv_of(row(), row(code="1.2").replace(f'"{SOURCE}"', '""')), "Linje 3: tomt felt source"),
    "too long text": (csv_of(row(name=LONG)), "Linje 2: measure_da er længere end 500 tegn"),
    "empty file": (b"", "Linje 1: filen er tom."),
    "header only": (csv_of(), "Linje 2: filen har ingen rækker med tal."),
    "not UTF-8": (
        csv_of(row(year=2020)) + row(year=2021, area="Københavns").encode("latin-1"),
        "Linje 3: filen er ikke UTF-8",
    ),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_malformed_file_is_refused_naming_the_line_and_writes_nothing(council, secretary, kind):
    services.indicator_values_import(council=council, data=csv_of(row(year=2019)), scope="municipality", by=secretary)
    data, message = BAD_FILES[kind]
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.indicator_values_import(council=council, data=data, scope="municipality", by=secretary)
    assert any(text.startswith(message) for text in refused.value.messages), refused.value.messages


def test_a_file_with_good_rows_before_a_bad_one_writes_none_of_them(council, secretary):
    data = csv_of(row("1.1", 2020, "20"), row("1.2", 2020, "60"), row("1.3", 2020, "1.2.3"))
    with assert_unchanged(), pytest.raises(RuleViolation, match="Linje 4: værdien 1.2.3 er ikke et tal"):
        services.indicator_values_import(council=council, data=data, scope="national", by=secretary)
    assert not Indicator.objects.exists()


def test_a_too_large_file_is_refused(council, secretary, monkeypatch):
    monkeypatch.setattr(csvformat, "MAX_BYTES", 100)
    with assert_unchanged(), pytest.raises(RuleViolation, match=r"Filen er for stor \(højst 0 kB\)"):
        services.indicator_values_import(
            council=council, data=csv_of(row(), row(year=2020)), scope="national", by=secretary
        )


def _upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("tal.csv", data, content_type="text/csv")


def test_the_import_form_shows_the_line_of_a_bad_file_and_imports_a_good_one(sec_client, council):
    url = reverse("effort:import", args=[council.slug])
    form = sec_client.get(url).content.decode()
    assert "<code>indicator</code>, <code>goal_area</code>, <code>measure_da</code>, <code>unit</code>" in form
    with assert_unchanged():
        refused = sec_client.post(url, {"file": _upload(b""), "scope": "municipality"})
    assert refused.status_code == 400
    assert "Linje 1: filen er tom." in refused.content.decode()
    with assert_unchanged():
        refused = sec_client.post(url, {"file": _upload(csv_of(row(value="abc"))), "scope": "municipality"})
    assert "Linje 2: værdien abc er ikke et tal." in refused.content.decode()
    done = sec_client.post(url, {"file": _upload(csv_of(row(), row(year=2020))), "scope": "municipality"}, follow=True)
    assert "Tallene er indlæst: 2 nye, 0 ændrede og 0 uændrede værdier." in done.content.decode()
    assert values(council) == [
        ("1.1", "municipality", 2020, Decimal("20"), False),
        ("1.1", "municipality", 2021, Decimal("20"), False),
    ]


def test_the_shipped_national_figures_load_with_their_source_and_a_second_load_changes_nothing(council, secretary):
    first = services.barometer_national_load(council=council, by=secretary)
    assert (first.created, first.indicators_created) == (8, 8)
    one_one = IndicatorValue.objects.get(indicator__council=council, indicator__code="1.1")
    assert (one_one.scope, one_one.year, one_one.value, one_one.is_demo) == ("national", 2020, Decimal("20"), False)
    assert one_one.source.startswith(
        "Det nationale integrationsbarometer, udviklingsrapport Hele landet, november 2022"
    )
    second = services.barometer_national_load(council=council, by=secretary)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 8)
