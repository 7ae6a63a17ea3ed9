"""Workspace pages: permissions, the plan, agenda, proposals, apology, meeting screen and minutes."""

from django.core import mail

from raad.meetings import services
from raad.meetings.models import AgendaItem, Attendance, CalendarToken, Decision, Meeting, Minutes

from .conftest import all_present, at
from .factories import meeting_with_items, published_meeting


def ws(cast, rest=""):
    return f"/arbejdsrum/{cast.council.slug}/moeder/{rest}"


def login(client, user):
    client.force_login(user)
    return client


def test_anonymous_is_sent_to_login(client, cast, meeting):
    response = client.get(ws(cast, f"{meeting.pk}/"))
    assert response.status_code == 302 and "/konto/log-ind/" in response["Location"]


def test_secretary_without_second_factor_is_sent_to_verify(client, cast, meeting):
    login(client, cast.secretary)
    response = client.get(ws(cast))
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_member_cannot_manage_but_can_see(client, cast, meeting):
    login(client, cast.users["medlem"])
    assert client.get(ws(cast, f"{meeting.pk}/")).status_code == 200
    assert client.get(ws(cast, "nyt/")).status_code == 403
    assert client.post(ws(cast, f"{meeting.pk}/indkald/")).status_code == 403
    assert client.get(ws(cast, f"{meeting.pk}/moedeskaerm/")).status_code == 403


def test_plan_page_warns_and_creates_a_meeting(login_secretary, cast):
    client = login_secretary
    page = client.get(ws(cast, "?aar=2026")).content.decode()
    assert "forretningsorden kræver mindst 6 om året" in page.replace("forretningsordenen", "forretningsorden")
    response = client.post(
        ws(cast, "nyt/"),
        {
            "kind": "ordinary",
            "starts_at": "2026-12-10T17:00",
            "place": "Rådhuset",
            "address": "Kanalstræde 2",
            "accessibility_note": "",
            "online_link": "",
            "reason": "",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == ws(cast, f"{meeting.pk}/")
    assert meeting.starts_at.isoformat() == "2026-12-10T16:00:00+00:00"


def test_extraordinary_without_reason_shows_the_error_and_keeps_input(login_secretary, cast):
    response = login_secretary.post(
        ws(cast, "nyt/"), {"kind": "extraordinary", "starts_at": "2026-12-10T17:00", "place": "Rådhuset Holbæk"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "skal have en begrundelse" in page and 'value="Rådhuset Holbæk"' in page


def test_secretary_builds_the_agenda_and_sends_notice(
    login_secretary, cast, meeting, django_capture_on_commit_callbacks
):
    client = login_secretary
    response = client.post(
        ws(cast, f"{meeting.pk}/punkter/nyt/"),
        {
            "kind": "decision",
            "title": "Boligsocial helhedsplan",
            "case_presentation": "<p>Tekst<script>x</script></p>",
            "proposed_decision": "Rådet afgiver høringssvar",
            "is_closed": "",
        },
    )
    item = AgendaItem.objects.get()
    assert response.status_code == 302
    assert item.case_presentation == "<p>Tekst</p>"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ws(cast, f"{meeting.pk}/indkald/"), {"confirm": "yes"})
    assert response.status_code == 302
    assert len(mail.outbox) == 10
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NOTICE_SENT


def test_member_proposes_an_individual_case_and_is_refused_with_referral(client, cast, meeting):
    login(client, cast.users["medlem"])
    response = client.post(
        ws(cast, f"{meeting.pk}/foreslaa/"), {"kind": "discussion", "title": "Min nabos sag", "individual_case": "yes"}
    )
    assert response.status_code == 400
    assert "Rådet kan ikke behandle enkeltsager" in response.content.decode()
    assert not AgendaItem.objects.exists()


def test_member_proposal_page_and_apology(client, cast, meeting, django_capture_on_commit_callbacks):
    login(client, cast.users["medlem"])
    assert client.get(ws(cast, f"{meeting.pk}/foreslaa/")).status_code == 200
    response = client.post(
        ws(cast, f"{meeting.pk}/foreslaa/"),
        {"kind": "discussion", "title": "Foreningsdag i august", "individual_case": "no"},
    )
    assert response.status_code == 302
    assert AgendaItem.objects.get().proposed_by == cast.member
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ws(cast, f"{meeting.pk}/afbud/"), {"confirm": "yes"}, follow=True)
    assert "Din stedfortræder Sara Lindholm er indkaldt" in response.content.decode()
    assert Attendance.objects.get().status == Attendance.Status.APOLOGY
    assert [m.to for m in mail.outbox] == [["sara@test.invalid"]]


def test_meeting_screen_registers_attendance_conflict_and_a_tie(login_secretary, cast):
    client = login_secretary
    meeting = meeting_with_items(cast, n_open=1)
    item = meeting.items.get()
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    screen = ws(cast, f"{meeting.pk}/moedeskaerm/")
    assert client.get(screen).status_code == 200
    client.post(screen + "fremmoede/", {"present": [m.pk for m in cast.members[:9]]})
    client.post(
        screen + f"{item.pk}/inhabilitet/",
        {f"c{item.pk}-membership": cast.members[8].pk, f"c{item.pk}-reason": "Ansat i sprogcentret"},
    )
    response = client.post(
        screen + f"{item.pk}/beslutning/",
        {
            f"d{item.pk}-text": "Indstillingen",
            f"d{item.pk}-method": "counts",
            f"d{item.pk}-votes_for": 4,
            f"d{item.pk}-votes_against": 4,
            f"d{item.pk}-abstentions": 0,
            f"d{item.pk}-chair_vote": "",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "stemmelighed: forslaget bortfalder (forretningsorden § 6, stk. 2)" in page
    decision = Decision.objects.get()
    assert (decision.outcome, decision.vote.recused, decision.vote.present) == ("rejected", 1, 9)


def test_meeting_screen_refuses_a_decision_without_quorum(login_secretary, cast):
    client = login_secretary
    meeting = meeting_with_items(cast, n_open=1)
    item = meeting.items.get()
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    screen = ws(cast, f"{meeting.pk}/moedeskaerm/")
    client.post(screen + "fremmoede/", {"present": [m.pk for m in cast.members[:3]]})
    response = client.post(
        screen + f"{item.pk}/beslutning/",
        {
            f"d{item.pk}-text": "x",
            f"d{item.pk}-method": "counts",
            f"d{item.pk}-votes_for": 3,
            f"d{item.pk}-votes_against": 0,
            f"d{item.pk}-abstentions": 0,
        },
        follow=True,
    )
    assert "Ikke beslutningsdygtigt: 3 af 10" in response.content.decode()
    assert not Decision.objects.exists()


def test_vote_by_name_from_the_screen(login_secretary, cast):
    client = login_secretary
    meeting = meeting_with_items(cast, n_open=1)
    item = meeting.items.get()
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    data = {
        f"d{item.pk}-text": "Vedtaget",
        f"d{item.pk}-method": "by_name",
        f"d{item.pk}-votes_for": 0,
        f"d{item.pk}-votes_against": 0,
        f"d{item.pk}-abstentions": 0,
    }
    for i, m in enumerate(cast.members):
        data[f"b{item.pk}-{m.pk}"] = "for" if i < 6 else "against"
    client.post(ws(cast, f"{meeting.pk}/moedeskaerm/{item.pk}/beslutning/"), data)
    decision = Decision.objects.get()
    assert (decision.vote.votes_for, decision.vote.votes_against, decision.vote.named_votes.count()) == (6, 4, 10)


def test_minutes_pages_for_secretary_and_member(login_secretary, cast, client):
    meeting, *_ = published_meeting(cast)
    page = login_secretary.get(ws(cast, f"{meeting.pk}/referat/")).content.decode()
    assert "Godkendt referat" in page and "Skjul for offentligheden" in page
    response = login_secretary.post(ws(cast, f"{meeting.pk}/referat/skjul/"))
    assert response.status_code == 302
    assert not Minutes.objects.get().is_published


def test_workspace_pages_render(login_secretary, cast):
    meeting, open_item, _ = published_meeting(cast)
    for url in (
        "",
        "?aar=2026",
        "nyt/",
        "kalender/",
        f"{meeting.pk}/",
        f"{meeting.pk}/punkter/{open_item.pk}/",
        f"{meeting.pk}/referat/",
        f"{meeting.pk}/dagsorden.pdf",
    ):
        assert login_secretary.get(ws(cast, url)).status_code == 200, url


def test_member_calendar_token_feed_and_renewal(client, cast, meeting):
    login(client, cast.users["medlem"])
    client.post(ws(cast, "kalender/"))
    token = CalendarToken.objects.get(user=cast.users["medlem"])
    feed = client.get(f"/raad/{cast.council.slug}/moeder/kalender/{token.token}.ics")
    assert feed.status_code == 200 and b"Kanalstr\xc3\xa6de 2" in feed.content
    client.post(ws(cast, "kalender/"))
    assert client.get(f"/raad/{cast.council.slug}/moeder/kalender/{token.token}.ics").status_code == 404


def test_extraordinary_request_from_the_plan_page(client, cast, login_secretary):
    from raad.meetings.models import ExtraordinaryRequest

    member = login(client.__class__(), cast.users["medlem"])
    response = member.post(ws(cast, "ekstraordinaert/"), {"reasons": "Høring om lukning af sprogcentret."}, follow=True)
    assert "Din støtte er registreret." in response.content.decode()
    request = ExtraordinaryRequest.objects.get()
    for m in cast.members[4:7]:
        services.extraordinary_request_support(request=request, membership=m, by=None)
    page = login_secretary.get(ws(cast)).content.decode()
    assert "Anmodningen har støtte nok: mødet skal indkaldes." in page
    form = login_secretary.get(ws(cast, f"nyt/?anmodning={request.pk}")).content.decode()
    assert "Høring om lukning af sprogcentret." in form
    login_secretary.post(
        ws(cast, f"nyt/?anmodning={request.pk}"),
        {"kind": "extraordinary", "starts_at": "2026-12-17T17:00", "place": "Rådhuset", "reason": "Høring om lukning"},
    )
    request.refresh_from_db()
    assert request.meeting is not None and request.meeting.kind == "extraordinary"


def test_reading_closed_items_is_journalled_once_a_day(client, cast):
    from raad.core.models import AuditEntry

    meeting, _open, closed = published_meeting(cast)
    login(client, cast.users["medlem"])
    assert client.get(ws(cast, f"{meeting.pk}/")).status_code == 200
    attachment = closed.attachments.get()
    assert client.get(ws(cast, f"{meeting.pk}/bilag/{attachment.pk}/")).status_code == 200
    # Once a day per person and what was read: reading it all again writes nothing.
    written = AuditEntry.objects.count()
    assert client.get(ws(cast, f"{meeting.pk}/")).status_code == 200
    assert client.get(ws(cast, f"{meeting.pk}/bilag/{attachment.pk}/")).status_code == 200
    assert AuditEntry.objects.count() == written
    entries = AuditEntry.objects.filter(verb="meeting.closed_items_read", actor=cast.users["medlem"]).order_by("id")
    assert [e.changes["what"]["after"] for e in entries] == ["agenda", f"attachment {attachment.pk}"]
    assert entries[0].changes["items"]["after"] == [closed.position]


def test_member_responds_to_circulated_minutes_and_sees_their_answer(client, cast):
    meeting = meeting_with_items(cast, n_open=1)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    services.item_decide(item=meeting.items.get(), text="Vedtaget", votes_for=8, by=cast.secretary)
    services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    services.minutes_circulate(minutes=services.minutes_start(meeting=meeting, by=cast.secretary), by=cast.secretary)
    login(client, cast.users["medlem"])
    url = ws(cast, f"{meeting.pk}/referat/")
    response = client.post(url + "svar/", {"kind": "object", "comment": ""}, follow=True)
    assert "Skriv, hvad du gør indsigelse mod." in response.content.decode()
    client.post(url + "svar/", {"kind": "object", "comment": "Punkt 1: stemmetallet er forkert."})
    page = client.get(url).content.decode()
    assert "Ahmad Rahimi: Gør indsigelse – »Punkt 1: stemmetallet er forkert.«" in page
    import re

    (radio,) = re.findall(r'<input type="radio" name="kind" value="object"[^>]*>', page)
    assert "checked" in radio


def test_late_notice_is_flagged_to_the_secretariat(login_secretary, cast):
    import time_machine

    from raad.testing.cast import log_in_verified

    from .conftest import at

    meeting = meeting_with_items(cast)  # 10 December 17:00; notice deadline 3 December 17:00
    with time_machine.travel(at(2026, 12, 3, 16, 59)):
        log_in_verified(login_secretary, cast.secretary)
        assert (
            "Fristen for at sende dagsordenen er overskredet"
            not in login_secretary.get(ws(cast, f"{meeting.pk}/")).content.decode()
        )
    with time_machine.travel(at(2026, 12, 3, 17, 1)):
        log_in_verified(login_secretary, cast.secretary)
        page = login_secretary.get(ws(cast, f"{meeting.pk}/")).content.decode()
    assert "Fristen for at sende dagsordenen er overskredet (forretningsorden § 5, stk. 2)" in page


def test_a_year_no_date_can_hold_shows_this_years_plan_not_an_error(client, cast, meeting):
    """?aar=0, a five-digit or a 25-digit year gave a server error (year out of range) on both plans."""
    import time_machine

    login(client, cast.users["medlem"])
    with time_machine.travel(at(2026, 11, 26, 12), tick=False):
        for wanted in ("0", "-5", "10000", "99999999999999999999999", "abc"):
            public = client.get(f"/raad/{cast.council.slug}/moeder/?aar={wanted}")
            assert public.status_code == 200, wanted
            assert "<h1>Møder 2026</h1>" in public.content.decode(), wanted
            workspace = client.get(ws(cast, f"?aar={wanted}"))
            assert workspace.status_code == 200, wanted
            assert workspace.context["plan"].year == 2026, wanted
        assert client.get(f"/raad/{cast.council.slug}/moeder/?aar=9998").status_code == 200


def test_attachment_form_has_its_own_field_ids_and_keeps_the_title_without_a_file(login_secretary, cast, meeting):
    """The item form and the attachment form on the same page both had a field with id "id_title", so the
    label "Title of the attachment" pointed at the item's title."""
    client = login_secretary
    item = services.item_add(meeting=meeting, title="Sprogcafé", by=cast.secretary)
    page = client.get(ws(cast, f"{meeting.pk}/punkter/{item.pk}/")).content.decode()
    assert page.count('id="id_title"') == 1
    assert page.count('id="id_bilag-title"') == 1 and 'for="id_bilag-title"' in page
    response = client.post(ws(cast, f"{meeting.pk}/punkter/{item.pk}/bilag/"), {"bilag-title": "Referat fra workshop"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'name="bilag-title" value="Referat fra workshop"' in page
    assert "Dette felt er påkrævet." in page
    assert not item.attachments.exists()


def test_the_meetings_pages_never_look_up_a_default_council(login_secretary, cast, monkeypatch):
    """The chrome shows the council the page already has; no page runs a query just to find a default."""
    from raad.core import workspace

    def refuse():
        raise AssertionError("a default council was looked up")

    monkeypatch.setattr(workspace, "_default", refuse)
    meeting = meeting_with_items(cast, n_open=1)
    for path in ("", f"{meeting.pk}/", f"{meeting.pk}/moedeskaerm/", f"{meeting.pk}/referat/"):
        response = login_secretary.get(ws(cast, path))
        assert response.status_code == 200, path
        assert response.context["site_council"] == cast.council


def test_a_refused_decision_shows_the_screen_again_with_the_rule_and_the_counts(login_secretary, cast):
    meeting = meeting_with_items(cast, n_open=1)
    item = meeting.items.get()
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    screen = ws(cast, f"{meeting.pk}/moedeskaerm/")
    login_secretary.post(screen + "fremmoede/", {"present": [m.pk for m in cast.members[:3]]})
    response = login_secretary.post(
        screen + f"{item.pk}/beslutning/",
        {
            f"d{item.pk}-text": "Rådet anbefaler planen",
            f"d{item.pk}-method": "counts",
            f"d{item.pk}-votes_for": 3,
            f"d{item.pk}-votes_against": 0,
            f"d{item.pk}-abstentions": 0,
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ikke beslutningsdygtigt: 3 af 10" in page
    assert "Rådet anbefaler planen" in page  # the decision text as typed, not the proposal
    assert not Decision.objects.exists()
