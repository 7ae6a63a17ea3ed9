"""The dialogue log: recording (organisations by name, CPR numbers masked), refusals that change nothing, the
list with its filters, the CSV export, a topic made from an entry, who may do what, and the annual report's
figures (`dialogue_log_for_year`)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.dialogue.models import DialogueEntry, Topic
from raad.dialogue.selectors.log import dialogue_log_for_year
from raad.dialogue.services import log as services
from raad.dialogue.services.topics import topic_create
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .topic_helpers import url


def today():
    return timezone.localdate()


def record(council, by, **fields):
    data = {"held_on": today(), "counterpart": "associations", "learned": "Unge søger fritidsjob.", **fields}
    return services.dialogue_entry_record(council=council, by=by, **data)


def test_an_entry_is_recorded_with_participants_and_topics_and_cpr_masked(cast, council, secretary):
    topic = topic_create(council=council, title="Fritidsjob", by=secretary)
    ahmad = cast.members[2].person
    entry = record(
        council,
        secretary,
        organisation="Foreningen Sammen",
        participants=[ahmad],
        topics=[topic],
        learned="En mor (cpr 010190-1234) fortalte om ventetid.",
        follow_up="Vi spørger jobcentret.",
    )
    assert entry.organisation == "Foreningen Sammen"
    assert "010190-1234" not in entry.learned and entry.learned.startswith("En mor (cpr ")
    assert list(entry.participants.all()) == [ahmad]
    assert list(entry.topics.all()) == [topic]
    assert AuditEntry.objects.get(verb="dialogue_entry.recorded").changes["topics"]["after"] == [1]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"held_on": None}, "Angiv datoen."),
        ({"held_on": "tomorrow"}, "Datoen kan ikke ligge i fremtiden."),
        ({"counterpart": "family"}, "Vælg, hvem rådet talte med."),
        ({"learned": "  "}, "Skriv, hvad rådet hørte."),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(council, secretary, fields, message):
    if fields.get("held_on") == "tomorrow":
        fields = {"held_on": today() + datetime.timedelta(days=1)}
    with assert_unchanged(), pytest.raises(RuleViolation, match=message):
        record(council, secretary, **fields)


def test_update_journals_the_change(council, secretary):
    entry = record(council, secretary)
    services.dialogue_entry_update(
        entry=entry,
        held_on=entry.held_on,
        counterpart="businesses",
        learned=entry.learned,
        organisation="Isefjord Rengøring ApS",
        by=secretary,
    )
    entry.refresh_from_db()
    assert (entry.counterpart, entry.organisation) == ("businesses", "Isefjord Rengøring ApS")
    changes = AuditEntry.objects.get(verb="dialogue_entry.updated").changes
    assert changes["counterpart"] == {"before": "associations", "after": "businesses"}


def test_a_topic_is_made_from_an_entry(council, secretary):
    entry = record(council, secretary, learned="Forældre efterlyser lektiehjælp.")
    topic = services.topic_create_from_entry(entry=entry, title="Lektiehjælp", by=secretary)
    assert (topic.number, topic.summary, topic.published) == (1, "Forældre efterlyser lektiehjælp.", False)
    assert list(entry.topics.all()) == [topic]


def test_the_year_for_the_annual_report(council, secretary):
    year = today().year - 1  # a whole year behind us, whatever the day
    record(council, secretary, held_on=datetime.date(year, 1, 2), counterpart="authorities", organisation="Jobcenter")
    record(council, secretary, held_on=datetime.date(year, 1, 3))
    record(council, secretary, held_on=datetime.date(year, 1, 1))
    record(council, secretary, held_on=datetime.date(year - 1, 12, 31))
    result = dialogue_log_for_year(council, year)
    assert result.total == 3
    assert dict((value, n) for value, _label, n in result.per_counterpart) == {
        "citizens": 0,
        "professionals": 0,
        "businesses": 0,
        "authorities": 1,
        "associations": 2,
    }
    assert [e.held_on.day for e in result.entries] == [1, 2, 3]


def test_a_member_records_an_entry_through_the_form(client, cast, council):
    log_in_verified(client, cast.users["medlem"])
    page = client.get(url(council, "log_new")).content.decode()
    assert "Private personer nævnes aldrig ved navn" in page
    response = client.post(
        url(council, "log_new"),
        {
            "held_on": today().isoformat(),
            "counterpart": "professionals",
            "organisation": "Kildebakkeskolen",
            "learned": "Modtageklassen mangler tolk.",
            "participants": [cast.members[2].person.pk],
        },
    )
    assert response.status_code == 302
    entry = DialogueEntry.objects.get()
    assert (entry.organisation, entry.recorded_by) == ("Kildebakkeskolen", cast.users["medlem"])
    bad = client.post(url(council, "log_new"), {"held_on": "", "counterpart": "professionals", "learned": "Noget"})
    assert bad.status_code == 400 and "Noget" in bad.content.decode()
    assert client.post(url(council, "log_topic_new", entry.pk), {"title": "Tolk"}).status_code == 403


def test_the_list_filters_by_year_and_counterpart_and_exports_csv(client, council, secretary):
    year = today().year - 1  # a whole year behind us, whatever the day
    record(council, secretary, held_on=datetime.date(year, 1, 5), organisation="Foreningen Sammen")
    record(
        council,
        secretary,
        held_on=datetime.date(year - 1, 6, 1),
        counterpart="authorities",
        organisation="Jobcenter Holbæk",
        learned="=HYPERLINK(1)",
    )
    log_in_verified(client, secretary)
    page = client.get(url(council, "log") + f"?aar={year}").content.decode()
    assert "Foreningen Sammen" in page and "Jobcenter Holbæk" not in page
    page = client.get(url(council, "log") + "?med=authorities").content.decode()
    assert "Jobcenter Holbæk" in page and "Foreningen Sammen" not in page
    response = client.get(url(council, "log_csv") + "?med=authorities")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "Dato;Med hvem;Organisation;Fra rådet;Hvad vi hørte;Opfølgning;Emner"
    assert lines[1:] == [f"{year - 1}-06-01;Offentlige myndigheder;Jobcenter Holbæk;;'=HYPERLINK(1);;"]


def test_the_secretariat_makes_a_topic_from_an_entry_on_its_page(client, council, secretary):
    entry = record(council, secretary)
    log_in_verified(client, secretary)
    assert "Gør det til et emne" in client.get(url(council, "log_edit", entry.pk)).content.decode()
    response = client.post(url(council, "log_topic_new", entry.pk), {"title": "Fritidsjob"})
    topic = Topic.objects.get(council=council)
    assert response["Location"] == url(council, "topic_workspace", topic.number)
    assert client.post(url(council, "log_topic_new", entry.pk), {"title": ""}).status_code == 400


def test_the_liaison_and_a_citizen_see_no_log(client, cast, council):
    for user in (cast.liaison, cast.citizen):
        log_in_verified(client, user)
        assert client.get(url(council, "log")).status_code == 403
        assert client.get(url(council, "log_csv")).status_code == 403
        client.logout()
