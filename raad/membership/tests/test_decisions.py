"""Membership services, the board's appointment decision: all or nothing, nominations, the letters."""

from raad.membership import services
from raad.membership.models import Membership

from .conftest import START, make_person
from .services_support import D, appoint, refused, register


def test_board_decision_is_all_or_nothing(council, seats, term):
    ida, bo = make_person("Ida"), make_person("Bo", postcode="4000")
    lines = [services.AppointmentLine(seat=seats[13], person=ida), services.AppointmentLine(seat=seats[14], person=bo)]
    messages = refused(lambda: register(council, term, lines))
    assert messages == ["Plads 15: Bo Hansen har ikke bopæl i kommunen (forretningsorden § 1, stk. 1)."]


def test_a_nominated_seat_needs_a_nomination_in_the_board_decision(council, seats, term):
    ida = make_person("Ida")
    lines = [services.AppointmentLine(seat=seats[0], person=ida)]
    messages = refused(lambda: register(council, term, lines))
    assert messages == [
        "Plads 1: Pladsen besættes efter indstilling; vælg en indstillet kandidat (forretningsorden § 1, stk. 2)."
    ]


def test_board_decision_appoints_direct_members(council, seats, term, django_capture_on_commit_callbacks, mailoutbox):
    ida = make_person("Ida")
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.appointment_decision_register(
            council=council,
            term=term,
            decided_on=D(2026, 1, 28),
            meeting="Kommunalbestyrelsens møde 28. januar 2026",
            reference_text="KB 28.01.2026, pkt. 7",
            url="https://holbaek.dk/kb/2026-01-28",
            starts_on=START,
            lines=[services.AppointmentLine(seat=seats[13], person=ida)],
            by=None,
        )
    membership = Membership.objects.get(person=ida)
    assert membership.appointment == decision and decision.url == "https://holbaek.dk/kb/2026-01-28"
    assert "Kommunalbestyrelsens møde 28. januar 2026" in decision.title
    assert [m.to for m in mailoutbox] == [["ida@test.invalid"]]
    name, content, mimetype = mailoutbox[0].attachments[0]
    assert (name, mimetype) == ("udpegning-plads-14.pdf", "application/pdf") and content.startswith(b"%PDF")


def test_appointment_letter_is_a_tagged_pdf_ua(council, seats, term, decision):
    from raad.membership.letters import appointment_letter_html, appointment_letter_pdf

    membership = appoint(make_person("Ida"), seats[13], term, decision)
    html = appointment_letter_html(membership)
    assert "Udpegning som medlem af Integrationsrådet i Holbæk Kommune" in html and "Plads" in html
    pdf = appointment_letter_pdf(membership)
    assert pdf.startswith(b"%PDF")
    import re
    import zlib

    streams = [pdf]
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:
            continue
    content = b"".join(streams)
    assert b"pdfuaid:part" in content  # declared PDF/UA-1
    assert b"/StructTreeRoot" in content and b"/Lang" in content  # tagged, with a language
