"""Search (raad.core.search, `/soeg/`): Danish word forms, ranking, filters with counts, pagination, an index
that follows publishing and unpublishing and never holds what is not public, and bad input answered with 400.
Runs on SQLite (FTS5, Python stemming) and PostgreSQL (`danish` tsvector) alike."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raad.community.tests.event_helpers import make_event
from raad.core.search.models import SearchDocument
from raad.councils.models import Purpose
from raad.dialogue.services import topics as topic_services
from raad.meetings import services as meeting_services
from raad.meetings.models import Minutes
from raad.meetings.tests.conftest import at
from raad.meetings.tests.factories import SECRET, published_meeting

pytestmark = pytest.mark.django_db

URL = "/soeg/"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the services' after-commit work (the index refresh) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def topic(cast, title, summary="", *, published=True, purposes=()):
    return topic_services.topic_create(
        council=cast.council, title=title, summary=summary, published=published, purposes=purposes, by=cast.secretary
    )


def found(client, text, **params):
    response = client.get(URL, {"q": text, **params})
    assert response.status_code == 200, response.content.decode()[:2000]
    return response


def titles(response) -> list[str]:
    return [str(hit.title) for hit in response.context["results"].hits]


def test_danish_word_forms_find_each_other(client, cast, committed):
    with committed():
        topic(cast, "Høringssvar om busdrift", "Rådet skriver et kort svar.")
        topic(cast, "Frivillige i idrætten", "Kommunens udtalelse om foreningslivet.")
    assert titles(found(client, "høringssvaret")) == ["<mark>Høringssvar</mark> om busdrift"]
    response = found(client, "udtalelserne")
    assert titles(response) == ["Frivillige i idrætten"]
    assert "Kommunens <mark>udtalelse</mark> om foreningslivet." in str(response.context["results"].hits[0].snippet)
    assert found(client, "cykelsti").context["results"].total == 0


def test_a_title_match_ranks_above_a_body_match(client, cast, committed):
    with committed():
        topic(cast, "Lektiehjælp på biblioteket", "Frivillige hjælper med skolearbejdet hver uge.")
        topic(cast, "Sprogcafé", "Biblioteket åbner for sprogcafé om torsdagen.")
    assert titles(found(client, "biblioteket"))[0] == "Lektiehjælp på <mark>biblioteket</mark>"


def test_every_word_must_match_and_the_snippet_is_escaped(client, cast, committed):
    with committed():
        topic(cast, "Tryghed <script>alert(1)</script> om aftenen", "Mere lys på stierne.")
        topic(cast, "Tryghed i skolen", "Trivsel.")
    response = found(client, "tryghed aftenen")
    assert titles(response) == ["<mark>Tryghed</mark> &lt;script&gt;alert(1)&lt;/script&gt; om <mark>aftenen</mark>"]
    assert "<script>alert(1)" not in response.content.decode()


def test_filters_come_with_counts_and_narrow_the_hits(client, cast, committed):
    purpose = Purpose.objects.filter(terms_of_reference__council=cast.council).order_by("number").first()
    with committed():
        with time_machine.travel(datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)):
            topic(cast, "Sprogcafé for nye borgere", purposes=[purpose])
        topic(cast, "Sprogcafé om sommeren")
        make_event(cast.council, title="Sprogcafé i biblioteket", description="Øv dansk.")
    response = found(client, "sprogcafe sprogcafé")
    assert response.context["results"].total == 0  # both words required: "sprogcafe" is not a form of it
    results = found(client, "sprogcafé").context["results"]
    assert results.total == 3
    counts = {name: {(f.label, f.count) for f in facets} for name, facets in results.facets.items()}
    assert counts["art"] == {("Emner", 2), ("Arrangementer", 1)}
    this_year = datetime.date.today().year
    assert counts["aar"] == {("2025", 1), (str(this_year), 2)}
    assert counts["raad"] == {(cast.council.name, 3)}
    assert counts["formaal"] == {(f"{purpose.number}. {purpose.title}", 1)}

    only_topics = found(client, "sprogcafé", art="topic").context["results"]
    assert only_topics.total == 2
    assert {(f.label, f.count, f.selected) for f in only_topics.facets["art"]} == {
        ("Emner", 2, True),
        ("Arrangementer", 1, False),
    }  # a facet's own filter does not change its counts
    assert {(f.label, f.count) for f in only_topics.facets["aar"]} == {("2025", 1), (str(this_year), 1)}
    assert found(client, "sprogcafé", aar="2025").context["results"].total == 1
    assert found(client, "sprogcafé", formaal=str(purpose.pk)).context["results"].total == 1
    assert found(client, "sprogcafé", raad=cast.council.slug, art="event").context["results"].total == 1
    assert found(client, "sprogcafé", raad="et-andet-raad").context["results"].total == 0


def test_results_come_in_pages(client, cast, committed):
    with committed():
        for n in range(23):
            topic(cast, f"Fritidsjob nummer {n}")
    first = found(client, "fritidsjob").context
    assert (first["results"].total, first["results"].pages, len(first["results"].hits)) == (23, 2, 20)
    second = found(client, "fritidsjob", side="2")
    assert len(second.context["results"].hits) == 3
    assert "side=2" in first["next"] and "Side 2 af 2" in second.content.decode()
    hits = titles(found(client, "fritidsjob")) + titles(second)
    assert len(set(hits)) == 23  # no hit twice, none left out


def test_unpublishing_the_minutes_removes_them_from_the_index(client, cast, committed):
    with committed():
        meeting, *_ = published_meeting(cast)
    kinds = {hit.kind for hit in found(client, "praktikpladser").context["results"].hits}
    assert kinds == {"decision", "minutes"}
    minutes = Minutes.objects.get(meeting=meeting)
    with committed():
        meeting_services.minutes_unpublish(minutes=minutes, by=cast.secretary)
    assert found(client, "praktikpladser").context["results"].total == 0
    assert set(SearchDocument.objects.values_list("kind", flat=True)) >= {"agenda_item"}  # the agenda is public
    assert not SearchDocument.objects.filter(kind__in=["decision", "minutes"]).exists()
    with committed():
        meeting_services.minutes_publish(minutes=minutes, by=cast.secretary)
    assert found(client, "praktikpladser").context["results"].total == 2


def test_an_item_closed_after_its_agenda_went_out_leaves_the_index(client, cast, committed):
    with committed():
        meeting = meeting_services.meeting_plan(
            council=cast.council, starts_at=at(2027, 2, 4), place="Rådhuset", by=cast.secretary
        )
        item = meeting_services.item_add(meeting=meeting, title="Vinterbadning ved havnen", by=cast.secretary)
        meeting_services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    assert titles(found(client, "vinterbadning")) == ["<mark>Vinterbadning</mark> ved havnen"]
    with committed():
        meeting_services.item_update(item=item, data={"is_closed": True}, by=cast.secretary)
    assert found(client, "vinterbadning").context["results"].total == 0
    with committed():
        meeting_services.item_update(item=item, data={"is_closed": False}, by=cast.secretary)
    assert titles(found(client, "vinterbadning")) == ["<mark>Vinterbadning</mark> ved havnen"]


def test_closed_items_drafts_and_unpublished_topics_are_never_indexed(client, cast, committed):
    with committed():
        published_meeting(cast)
        draft = topic(cast, "KLADDE-EMNE om skolen", published=False)
        make_event(cast.council, title="KLADDE-ARRANGEMENT", publish=False)
    call_command("search_reindex", stdout=None)
    for document in SearchDocument.objects.all():
        text = f"{document.title} {document.body}"
        assert SECRET not in text and "KLADDE" not in text, document
    assert found(client, SECRET.lower()).context["results"].total == 0
    with committed():
        topic_services.topic_update(topic=draft, data={"published": True}, by=cast.secretary)
    assert titles(found(client, "skolen")) == ["KLADDE-EMNE om <mark>skolen</mark>"]
    with committed():
        topic_services.topic_update(topic=draft, data={"published": False}, by=cast.secretary)
    assert found(client, "skolen").context["results"].total == 0


def test_reindex_is_idempotent_and_equals_what_the_services_kept(cast, committed):
    with committed():
        published_meeting(cast)
        topic(cast, "Høringssvar om busdrift")
    # The cast's council was set up before this test's commits: its page is the one thing a rebuild adds.
    rows = SearchDocument.objects.exclude(kind="council").values_list("kind", "key", "title", "body", "url")
    kept = sorted(rows)
    call_command("search_reindex", stdout=None)
    call_command("search_reindex", stdout=None)
    assert sorted(rows) == kept
    assert {kind for kind, *_ in kept} == {"agenda_item", "decision", "minutes", "topic"}
    assert SearchDocument.objects.filter(kind="council", title=cast.council.name).count() == 1


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "a" * 10_000}, "Søgningen er for lang"),
        ({"q": "skole", "art": "hemmelig"}, "Ukendt slags indhold"),
        ({"q": "skole", "raad": "<script>"}, "Ukendt råd"),
        ({"q": "skole", "aar": "tyve"}, "Året skal være et årstal"),
        ({"q": "skole", "aar": "99999999999999999999"}, "Året skal være et årstal"),
        ({"q": "skole", "formaal": "x"}, "Ukendt formål"),
        ({"q": "skole", "side": "0"}, "Sidetallet skal være"),
        ({"q": "skole", "side": "-1"}, "Sidetallet skal være"),
        ({"q": "skole", "side": "99999"}, "Sidetallet skal være"),
        ({"q": "skole", "side": "2"}, "Siden findes ikke"),
        ({"q": "skole", "side": "٣"}, "Sidetallet skal være"),
    ],
)
def test_bad_input_gets_a_clear_message_and_400(client, cast, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_bad_input_in_english_and_nul_characters(client, cast):
    response = client.get("/en" + URL, {"q": "skole", "art": "x"})
    assert response.status_code == 400
    assert "Unknown kind of content" in response.content.decode()
    assert client.get(URL, {"q": "skole\x00"}).status_code == 200


def test_an_empty_search_explains_itself(client, cast):
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "!!! ..."}):
        response = client.get(URL, params)
        assert response.status_code == 200
        assert "Skriv et eller flere ord" in response.content.decode()


def test_the_search_box_is_in_the_header_of_every_public_page(client, cast):
    for url in ("/", f"/raad/{cast.council.slug}/", "/en/"):
        page = client.get(url).content.decode()
        assert 'role="search"' in page and 'name="q"' in page and 'for="header-search"' in page
    assert 'action="/en/soeg/"' in client.get("/en/").content.decode()


def test_a_national_search_names_no_council_in_its_header_unless_narrowed_to_one(client, cast):
    import copy

    from raad.councils.presets import PRESETS
    from raad.councils.services import council_setup_from_preset

    def header(params) -> str:
        page = client.get(URL, params).content.decode()
        return page[page.index("<title>") : page.index("</header>")]

    holbaek = cast.council.name
    assert holbaek in header({"q": "budget"})  # one municipality: its council's chrome, as on its front page
    preset = copy.deepcopy(PRESETS["holbaek-aeldre"])
    preset["municipality"] = {"name": "Kalundborg Kommune", "code": "0326", "website": ""}
    preset["council"].update(slug="aeldreraadet-kalundborg", name="Ældrerådet i Kalundborg Kommune")
    council_setup_from_preset(preset=preset)
    national = header({"q": "budget"})
    assert "– Råd</title>" in national and holbaek not in national and "Kalundborg" not in national
    narrowed = header({"q": "budget", "raad": "aeldreraadet-kalundborg"})
    assert "– Ældrerådet i Kalundborg Kommune</title>" in narrowed and holbaek not in narrowed
    unknown = header({"q": "budget", "raad": "findes-ikke"})  # no such council: no hits, and no council's header
    assert "– Råd</title>" in unknown


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert (
            client.get(URL, {"q": "fritidsjob", "art": "topic", "aar": str(datetime.date.today().year)}).status_code
            == 200
        )
    return len(queries)


def test_the_search_page_makes_the_same_number_of_queries_whatever_the_size(client, cast, committed):
    with committed():
        for n in range(3):
            topic(cast, f"Fritidsjob {n}")
    small = _queries(client)
    with committed():
        for n in range(40):
            topic(cast, f"Fritidsjob om sommeren {n}")
            make_event(cast.council, title=f"Fritidsjob messe {n}") if n < 5 else None
    assert _queries(client) == small


def test_the_demo_finds_danish_word_forms_across_meetings_and_statements(client, demo_data):
    results = found(client, "høringssvarene").context["results"]
    kinds = {facet.value for facet in results.facets["art"]}
    assert {"agenda_item", "decision", "statement"} <= kinds, kinds
    assert found(client, "udtalelserne").context["results"].total > 0


def test_a_formatted_case_presentation_is_indexed_as_words(client, cast, committed):
    """An agenda item's case presentation is formatted text (<p>…</p>): the snippet shows its words, not tags."""
    with committed():
        published_meeting(cast)
    [hit] = found(client, "jobcentret").context["results"].hits
    assert "<mark>Jobcentret</mark> præsenterer nye tal.\nRådet anbefaler" in str(hit.snippet)
    assert "&lt;" not in str(hit.snippet)


def test_above_the_cap_the_total_reads_more_than_and_filters_show_no_counts(client, cast, committed, monkeypatch):
    """A word in very many texts costs what a thousand cost: the total says "more than", the filters list the
    values without counts, the hits are ranked among the first candidates (results.CAP, results.CANDIDATES)."""
    from raad.core.search import results as search_results

    monkeypatch.setattr(search_results, "CAP", 3)
    monkeypatch.setattr(search_results, "CANDIDATES", 6)
    with committed():
        for n in range(5):
            topic(cast, f"Emne {n} om foreningsliv", "Rådet taler med foreningerne.")
    response = found(client, "foreninger")
    results = response.context["results"]
    assert (results.capped, results.total, results.pages) == (True, 3, 1)
    assert len(results.hits) == 5  # ranked among the first CANDIDATES (6) matches, 20 to a page
    page = response.content.decode()
    assert "Mere end 3 resultater. De bedste blandt de 3 nyeste vises først" in page
    assert [facet.count for facet in results.facets["art"]] == [None]
    monkeypatch.setattr(search_results, "CAP", 5)
    exact = found(client, "foreninger").context["results"]
    assert (exact.capped, exact.total, [f.count for f in exact.facets["art"]]) == (False, 5, [5])


def _indexed(*pks: int, body: str, dates: tuple[datetime.date, ...] = ()) -> None:
    """Index rows with the given ids (and dates) directly (as if that many documents had come before them)."""
    from raad.core.search.index import backend

    rows = [
        SearchDocument.objects.create(
            id=pk,
            kind="topic",
            group=str(pk),
            key=str(pk),
            title=f"Emne {pk}",
            body=body,
            url=f"/emner/{pk}/",
            date=dates[n] if dates else None,
        )
        for n, pk in enumerate(pks)
    ]
    backend().written(rows)


def test_a_common_word_is_ranked_among_the_newest_matches_whatever_chunk_they_are_in(client, monkeypatch):
    """The index is read from the newest document down, by the date of what it is about, and stops when it has
    enough (on PostgreSQL quarter by quarter, migration core 0013_search_recency): with room for two candidates
    the two newest of three matches are ranked, whatever order they were indexed in; with room for all, all
    three are found across the quarters and counted exactly."""
    from raad.core.search import results as search_results

    # the newest quarter, and two older than the five PostgreSQL reads one by one (the rest it reads at once)
    dates = (datetime.date(2024, 6, 1), datetime.date(2019, 12, 30), datetime.date(2020, 4, 2))
    _indexed(19_999, 20_001, 40_005, body="Rådet taler om foreningslivet.", dates=dates)
    monkeypatch.setattr(search_results, "CAP", 1)
    monkeypatch.setattr(search_results, "CANDIDATES", 2)
    results = found(client, "foreningslivet").context["results"]
    assert (results.capped, results.total) == (True, 1)
    assert sorted(str(hit.title) for hit in results.hits) == ["Emne 19999", "Emne 40005"]
    monkeypatch.setattr(search_results, "CAP", 5)
    monkeypatch.setattr(search_results, "CANDIDATES", 10)
    results = found(client, "foreningslivet").context["results"]
    assert (results.capped, results.total) == (False, 3)
    assert sorted(str(hit.title) for hit in results.hits) == ["Emne 19999", "Emne 20001", "Emne 40005"]


def test_after_a_rebuild_the_newest_are_still_the_newest(client, cast, committed, monkeypatch):
    """A rebuild indexes kind by kind (topics after agenda items), so the order of indexing says nothing about
    what is new: a capped search still ranks among the newest by date, across kinds."""
    from raad.core.search import results as search_results

    with time_machine.travel(datetime.datetime(2021, 3, 1, 12), tick=False), committed():
        topic(cast, "Beskæftigelse for unge", "Et gammelt emne om beskæftigelse.")
    with committed():
        published_meeting(cast)  # 10 December 2026: "Beskæftigelse for nyankomne"
    call_command("search_reindex", stdout=None)
    assert SearchDocument.objects.get(kind="topic").id > SearchDocument.objects.get(kind="agenda_item").id
    monkeypatch.setattr(search_results, "CAP", 1)
    monkeypatch.setattr(search_results, "CANDIDATES", 1)
    response = found(client, "beskæftigelse")
    assert response.context["results"].capped
    # the two newest candidates (CAP + 1): the meeting's item, decision or minutes, never the topic of 2021
    assert {hit.kind for hit in response.context["results"].hits} <= {"agenda_item", "decision", "minutes"}
    assert len(titles(response)) == 2


def test_a_search_for_a_stop_word_never_finds_texts_without_it(client):
    """PostgreSQL's `danish` configuration drops "og" from the query; an empty query must then find nothing
    (not every text of a chunk). SQLite keeps the word and finds only the text that has it."""
    _indexed(1, body="Rådet og kommunen mødes.")
    _indexed(2, body="Foreningslivet i Holbæk.")
    assert "Emne 2" not in titles(found(client, "og"))
    assert titles(found(client, "og kommunen")) == ["Emne 1"]


def test_a_rebuild_goes_kind_by_kind_and_a_failing_source_loses_nothing(cast, committed):
    """`search_reindex` swaps one kind at a time, each in its own transaction: the command says how far it got,
    a source that fails leaves its kind's documents as they were and the kinds before it rebuilt, and a kind no
    source yields any more leaves the index."""
    from io import StringIO

    from raad.core.search import registry

    with committed():
        published_meeting(cast)
        topic(cast, "Høringssvar om busdrift")
    out = StringIO()
    call_command("search_reindex", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0].strip() for line in lines[:-1]] == [s.kind for s in registry.sources()]
    assert "  topic: 1 documents in " in out.getvalue() and lines[-1].startswith("search index: ")
    SearchDocument.objects.create(kind="gone", group="1", key="1", title="Et gammelt dokument", url="/")
    SearchDocument.objects.filter(kind="agenda_item").update(title="Før genopbygningen")
    topics = registry.source("topic")

    def failing(groups):
        yield from topics.documents(groups)
        raise RuntimeError("the source broke")

    registry.register_source(kind="topic", label=topics.label, documents=failing, order=topics.order)
    try:
        with pytest.raises(RuntimeError):
            call_command("search_reindex", stdout=StringIO())
    finally:
        registry.register_source(kind="topic", label=topics.label, documents=topics.documents, order=topics.order)
    assert not SearchDocument.objects.filter(kind="gone").exists()
    assert not SearchDocument.objects.filter(title="Før genopbygningen").exists()  # agenda items come before
    assert list(SearchDocument.objects.filter(kind="topic").values_list("title", flat=True)) == [
        "Høringssvar om busdrift"
    ]


def test_a_filter_lists_the_most_frequent_values_and_purposes_only_within_one_council(client, monkeypatch):
    """A national search finds hundreds of councils: the council filter lists the most frequent (and the chosen
    one) and says how many more; purposes belong to one council's kommissorium, so they are offered once the
    matches are of one council."""
    from raad.core.search import results as search_results
    from raad.core.search.index import backend
    from raad.core.search.models import SearchPurpose

    monkeypatch.setattr(search_results, "FACET_VALUES", 2)
    rows = []
    for pk, (council, name) in enumerate([("a", "Råd A")] * 3 + [("b", "Råd B")] * 2 + [("c", "Råd C")], start=1):
        rows.append(
            SearchDocument.objects.create(
                id=pk, kind="topic", group=str(pk), key=str(pk), title=f"Emne {pk}", body="Om foreningslivet.",
                url=f"/emner/{pk}/", council=council, council_name=name, purpose_keys=f"p{council}",
            )
        )  # fmt: skip
        SearchPurpose.objects.create(document=rows[-1], key=f"p{council}", label=f"Formål for {name}")
    backend().written(rows)
    response = found(client, "foreningslivet")
    results = response.context["results"]
    assert [(f.label, f.count) for f in results.facets["raad"]] == [("Råd A", 3), ("Råd B", 2)]
    assert results.more["raad"] == 1 and results.facets["formaal"] == []
    assert "Og 1 mere. Skriv flere ord for at indsnævre søgningen." in response.content.decode()
    chosen = found(client, "foreningslivet", raad="c").context["results"]
    assert [(f.label, f.selected) for f in chosen.facets["raad"]] == [("Råd A", False), ("Råd C", True)]
    assert [f.label for f in chosen.facets["formaal"]] == ["Formål for Råd C"]
    english = client.get("/en/soeg/", {"q": "foreningslivet"}).content.decode()
    assert "And 1 more. Add words to narrow the search." in english
