"""The integration effort's workspace pages: the indicator list and page (chart and table with the same numbers,
sources, demo values labelled), goals, links to where an indicator was discussed, "Sæt på dagsordenen", who may
see and do what, and a fixed number of queries on the indicator page."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.core.roles import Role
from raad.councils.models import Council
from raad.councils.services import staff_assign
from raad.dialogue.services import topics as dialogue_services
from raad.effort import services
from raad.effort.chart import line_chart
from raad.effort.models import Indicator, IndicatorLink, IndicatorValue
from raad.meetings import services as meetings_services
from raad.meetings.models import AgendaItem
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified, make_user

from .conftest import csv_of, row


@pytest.fixture
def indicator(council, secretary):
    services.indicator_values_import(
        council=council, data=csv_of(row(year=2020, value="26"), row(year=2022, value='"20,5"')), scope="national",
        by=secretary,
    )  # fmt: skip
    services.indicator_values_import(
        council=council, data=csv_of(row(year=2020, value="30"), row(year=2021, value="28")), scope="municipality",
        by=secretary, is_demo=True,
    )  # fmt: skip
    return Indicator.objects.get(council=council, code="1.1")


def page_of(client, indicator):
    response = client.get(reverse("effort:indicator", args=[indicator.council.slug, indicator.code]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_chart_and_the_table_show_the_same_numbers(sec_client, indicator):
    page = page_of(sec_client, indicator)
    start = page.index('<svg role="img"')
    svg = page[start : page.index("</svg>", start)]
    assert '<title id="chart-title">' in svg and '<desc id="chart-desc">' in svg
    chart_points = {
        (series, year, value)
        for series, body in re.findall(r'<g data-series="(\w+)">(.*?)</g>', svg, re.S)
        for year, value in re.findall(r'data-year="(\d+)" data-value="([^"]+)"', body)
    }
    table = page[page.index('<table class="table table--zebra" id="values">') : page.index("</table>")]
    table_cells = {
        (scope, year, value)
        for year, cells in re.findall(r'<th scope="row">(\d+)</th>(.*?)</tr>', table, re.S)
        for scope, value in re.findall(r'data-scope="(\w+)">([\d,]+)', cells)
    }
    expected = {
        ("municipality", "2020", "30"),
        ("municipality", "2021", "28"),
        ("national", "2020", "26"),
        ("national", "2022", "20,5"),
    }
    assert chart_points == table_cells == expected
    assert "Det nationale integrationsbarometer (test)" in page  # the source
    assert page.count("Demoværdi (opdigtet)") >= 3  # the notice, the chart's description and key, each demo cell


def test_the_indicator_list_shows_the_latest_values_with_the_demo_label(sec_client, indicator):
    page = sec_client.get(reverse("effort:indicators", args=[indicator.council.slug])).content.decode()
    assert "28 procentpoint (2021)" in page and "20,5 procentpoint (2022)" in page
    assert "Demoværdi (opdigtet)" in page
    english = sec_client.get("/en" + reverse("effort:indicators", args=[indicator.council.slug])).content.decode()
    assert "Demo value (invented)" in english


def test_the_chart_scales_from_zero_to_a_round_number():
    chart = line_chart({"municipality": [(2020, Decimal("30")), (2021, Decimal("28"))], "national": []})
    assert [int(t.label) for t in chart.y_ticks] == [0, 10, 20, 30]
    assert [p.year for p in chart.series[0].points] == [2020, 2021] and len(chart.series) == 1
    assert chart.series[0].points[0].y == pytest.approx(chart.top)  # 30 at the top
    assert line_chart({"municipality": [], "national": []}) is None


def test_the_indicator_page_costs_a_fixed_number_of_queries(
    sec_client, indicator, secretary, django_assert_num_queries
):
    page_of(sec_client, indicator)
    with CaptureQueriesContext(connection) as first:
        page_of(sec_client, indicator)
    topics = [
        dialogue_services.topic_create(council=indicator.council, title=f"Emne {n}", by=secretary) for n in range(3)
    ]
    for topic in topics:
        services.indicator_link_add(indicator=indicator, topic=topic, by=secretary)
    services.indicator_values_import(
        council=indicator.council,
        data=csv_of(*(row(year=y) for y in range(2000, 2010))),
        scope="national",
        by=secretary,
    )
    with django_assert_num_queries(len(first.captured_queries)):
        page_of(sec_client, indicator)


def _next_meeting(council, secretary, days=40):
    return meetings_services.meeting_plan(
        council=council,
        starts_at=timezone.now().replace(microsecond=0) + datetime.timedelta(days=days),
        place="Holbæk Rådhus",
        by=secretary,
    )


def test_put_on_agenda_adds_an_item_to_the_next_meeting_linked_to_the_indicator(sec_client, indicator, secretary):
    url = reverse("effort:put_on_agenda", args=[indicator.council.slug, indicator.code])
    with assert_unchanged():
        refused = sec_client.post(url)
    assert refused.status_code == 400
    assert "Der er intet planlagt møde, hvis dagsorden stadig er åben." in refused.content.decode()
    later = _next_meeting(indicator.council, secretary, days=60)
    meeting = _next_meeting(indicator.council, secretary, days=40)
    done = sec_client.post(url, follow=True)
    item = AgendaItem.objects.get(meeting=meeting)
    assert not AgendaItem.objects.filter(meeting=later).exists()
    assert item.title == "Indikator 1.1: Beskæftigelsesgab" and item.kind == AgendaItem.Kind.DISCUSSION
    assert (
        "Demoværdi (opdigtet)" in item.case_presentation
        and "2022: Hele landet: 20,5 procentpoint" in item.case_presentation
    )
    assert "Indikatoren er sat på dagsordenen for mødet" in done.content.decode()
    assert IndicatorLink.objects.get(indicator=indicator).agenda_item == item
    assert (
        AuditEntry.objects.filter(verb="effort_indicator.put_on_agenda", council_id=indicator.council_id).count() == 1
    )
    assert f"{item.position}. {item.title}" in page_of(sec_client, indicator)
    with assert_unchanged():
        twice = sec_client.post(url)
    assert twice.status_code == 400 and "Indikatoren står allerede på dagsordenen for mødet" in twice.content.decode()


def test_the_secretariat_links_an_indicator_to_a_topic_a_statement_and_an_item(sec_client, indicator, secretary):
    council = indicator.council
    topic = dialogue_services.topic_create(council=council, title="Job til flygtninge", by=secretary)
    item = meetings_services.item_add(meeting=_next_meeting(council, secretary), title="Beskæftigelse", by=secretary)
    url = reverse("effort:link_add", args=[council.slug, indicator.code])
    with assert_unchanged():
        refused = sec_client.post(url, {"topic": topic.pk, "agenda_item": item.pk})
    assert "Vælg ét dagsordenspunkt, ét emne eller én udtalelse." in refused.content.decode()
    assert sec_client.post(url, {"topic": topic.pk}).status_code == 302
    assert sec_client.post(url, {"agenda_item": item.pk}).status_code == 302
    with assert_unchanged():
        again = sec_client.post(url, {"topic": topic.pk})
    assert "Indikatoren er allerede knyttet til det." in again.content.decode()
    page = page_of(sec_client, indicator)
    assert "1. Job til flygtninge" in page and "Beskæftigelse" in page
    link = IndicatorLink.objects.get(topic=topic)
    sec_client.post(reverse("effort:link_remove", args=[council.slug, indicator.code, link.pk]))
    assert list(IndicatorLink.objects.values_list("agenda_item", flat=True)) == [item.pk]
    assert AuditEntry.objects.filter(verb__in=["effort_link.added", "effort_link.removed"]).count() == 3


def test_a_link_to_another_councils_topic_is_refused(indicator, secretary):
    other = Council.objects.create(municipality=indicator.council.municipality, name="Ældrerådet", slug="aeldreraadet")
    topic = dialogue_services.topic_create(council=other, title="Fremmed emne", by=None)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Det valgte hører til et andet råd."):
        services.indicator_link_add(indicator=indicator, topic=topic, by=secretary)


def test_goals_are_recorded_edited_and_an_indicator_follows_one(sec_client, indicator, council):
    sec_client.post(reverse("effort:goal_new", args=[council.slug]), {"title": "Flere i job", "text": "", "order": 1})
    goal = council.effort_goals.get()
    sec_client.post(
        reverse("effort:goal_edit", args=[council.slug, goal.pk]),
        {"title": "Flere i arbejde", "text": "Mål", "order": 2},
    )
    goal.refresh_from_db()
    assert (goal.title, goal.text, goal.order) == ("Flere i arbejde", "Mål", 2)
    sec_client.post(
        reverse("effort:indicator_edit", args=[council.slug, indicator.code]),
        {"description": "Om gabet", "goal": goal.pk},
    )
    indicator.refresh_from_db()
    assert (indicator.description, indicator.goal) == ("Om gabet", goal)
    page = sec_client.get(reverse("effort:goals", args=[council.slug])).content.decode()
    assert "Flere i arbejde" in page and "1.1 Beskæftigelsesgab" in page
    assert AuditEntry.objects.filter(verb__startswith="effort_goal.").count() == 2


def test_a_member_reads_but_cannot_write(client, small_cast, indicator):
    member_client = log_in_verified(client, small_cast.users["medlem"])
    page = page_of(member_client, indicator)
    assert "Sæt på dagsordenen" not in page and "Tilføj henvisning" not in page
    slug, code = indicator.council.slug, indicator.code
    with assert_unchanged():
        for url in [
            reverse("effort:put_on_agenda", args=[slug, code]),
            reverse("effort:goal_new", args=[slug]),
            reverse("effort:import", args=[slug]),
            reverse("effort:link_add", args=[slug, code]),
        ]:
            assert member_client.post(url, {"title": "x", "order": 1}).status_code == 403
    assert member_client.get(reverse("effort:import", args=[slug])).status_code == 403


def test_someone_of_another_council_sees_nothing_and_anonymous_goes_to_login(client, indicator):
    other = Council.objects.create(
        municipality=indicator.council.municipality, name="Handicaprådet", slug="handicapraadet"
    )
    stranger = make_user("fremmed", "Frida", "Fremmed")
    staff_assign(council=other, user=stranger, role=Role.SECRETARIAT, starts_on=datetime.date(2026, 1, 1), by=None)
    slug, code = indicator.council.slug, indicator.code
    urls = [
        reverse("effort:indicators", args=[slug]),
        reverse("effort:indicator", args=[slug, code]),
        reverse("effort:goals", args=[slug]),
        reverse("effort:import", args=[slug]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/log-ind/?next=")
    log_in_verified(client, stranger)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403 and "Beskæftigelsesgab" not in response.content.decode()
    assert client.get(reverse("effort:indicators", args=[other.slug])).status_code == 200  # their own council


def test_the_desk_links_to_the_effort_for_secretariat_and_members(sec_client, client, small_cast, council):
    url = reverse("effort:indicators", args=[council.slug])
    desk = sec_client.get(reverse("secretariat:council", args=[council.slug])).content.decode()
    assert f'href="{url}"' in desk and "Indsats og indikatorer" in desk


def test_the_management_command_loads_the_national_figures(council, capsys):
    from django.core.management import call_command

    call_command("effort_load_barometer", council.slug)
    assert "8 new, 0 changed, 0 unchanged" in capsys.readouterr().out
    assert Indicator.objects.filter(council=council).count() == 8


def test_the_demo_has_goals_national_figures_and_invented_municipal_values_labelled(demo_data):
    council = demo_data["council"]
    values = IndicatorValue.objects.filter(indicator__council=council)
    municipal = values.filter(scope="municipality")
    assert sorted(set(municipal.values_list("indicator__code", flat=True))) == ["1.1", "1.2", "2.2"]
    assert sorted(municipal.filter(indicator__code="1.1").values_list("year", flat=True)) == [
        2019,
        2020,
        2021,
        2022,
        2023,
    ]
    assert all(v.is_demo and v.source.startswith("Demoværdi (opdigtet)") for v in municipal)
    national = values.filter(scope="national")
    assert national.count() == 8 and not national.filter(is_demo=True).exists()
    assert council.effort_goals.count() == 3
    assert IndicatorLink.objects.filter(indicator__council=council, topic__isnull=False).count() == 1
