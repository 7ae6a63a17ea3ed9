"""A held meeting with open and closed items, decisions, and approved, published minutes."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from raad.councils.presets import PRESETS
from raad.councils.services import board_decision_record, rules_adopt_version
from raad.meetings import services
from raad.meetings.models import AgendaItem, Meeting, Minutes

from .conftest import Cast, all_present, at

SECRET = "HEMMELIGT"  # appears only in the closed item's texts, attachment, decision, minority statement, minutes


def tiny_pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def meeting_with_items(cast: Cast, n_open: int = 2, *, starts=None) -> Meeting:
    meeting = services.meeting_plan(
        council=cast.council,
        starts_at=starts or at(2026, 12, 10),
        place="Holbæk Rådhus",
        address="Kanalstræde 2, 4300 Holbæk",
        online_link="https://moede.invalid/raad",
        accessibility_note="Niveaufri adgang og teleslynge.",
        by=cast.secretary,
    )
    for i in range(n_open):
        services.item_add(
            meeting=meeting,
            title=f"Sprogskolens tilbud {i + 1}",
            case_presentation="<p>Sprogcentret orienterer om <strong>aftenhold</strong>.</p>",
            proposed_decision="Rådet tager orienteringen til efterretning.",
            by=cast.secretary,
        )
    return meeting


def published_meeting(cast: Cast) -> tuple[Meeting, AgendaItem, AgendaItem]:
    meeting = meeting_with_items(cast, n_open=0)
    open_item = services.item_add(
        meeting=meeting,
        title="Beskæftigelse for nyankomne",
        case_presentation="<p>Jobcentret præsenterer nye tal.</p>",
        proposed_decision="Rådet anbefaler flere virksomhedspraktikker.",
        by=cast.secretary,
    )
    services.attachment_add(
        item=open_item,
        title="Åbent bilag om praktik",
        upload=SimpleUploadedFile("a.pdf", tiny_pdf("Praktikpladser i Holbæk")),
        by=cast.secretary,
    )
    services.attachment_add(
        item=open_item,
        title=f"{SECRET} lukket bilag",
        is_closed=True,
        upload=SimpleUploadedFile("b.pdf", tiny_pdf(f"{SECRET} bilagstekst")),
        by=cast.secretary,
    )
    closed_item = services.item_add(
        meeting=meeting,
        title=f"{SECRET} tilskud til en forening",
        is_closed=True,
        case_presentation=f"<p>{SECRET} sagsfremstilling</p>",
        proposed_decision=f"{SECRET} indstilling",
        by=cast.secretary,
    )
    services.attachment_add(
        item=closed_item,
        title=f"{SECRET} regnskab",
        upload=SimpleUploadedFile("c.pdf", tiny_pdf(f"{SECRET} regnskab")),
        by=cast.secretary,
    )
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    services.item_decide(
        item=open_item, text="Rådet anbefaler flere praktikpladser.", votes_for=8, votes_against=2, by=cast.secretary
    )
    services.conflict_declare(item=closed_item, membership=cast.members[5], reason=f"{SECRET} bestyrelse", by=None)
    decision = services.item_decide(
        item=closed_item, text=f"{SECRET} beslutning", votes_for=5, votes_against=4, by=cast.secretary
    )
    services.minority_statement_add(decision=decision, members="Jonas Petersen", text=f"{SECRET} mindretal", by=None)
    minutes = approved_by_circulation(cast, meeting)
    services.minutes_publish(minutes=minutes, by=cast.secretary)
    return meeting, open_item, closed_item


def approved_by_circulation(cast: Cast, meeting: Meeting) -> Minutes:
    """The meeting marked held, and its minutes written, circulated, approved by every member and so approved."""
    services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    minutes = services.minutes_start(meeting=meeting, by=cast.secretary)
    services.minutes_circulate(minutes=minutes, by=cast.secretary)
    for membership in cast.members:
        services.minutes_respond(minutes=minutes, membership=membership, kind="approve", by=None)
    services.minutes_approve(minutes=minutes, how=Minutes.Approval.CIRCULATION, by=cast.secretary)
    return minutes


def rules_version(
    cast: Cast, *, in_force_from: datetime.date, reference: str = "KB", title: str = "FO", **changes: object
) -> None:
    """Rules of procedure adopted on 1 November 2026 by a board decision, in force from `in_force_from`: the
    Holbæk preset's settings with `changes`."""
    decision = board_decision_record(
        municipality=cast.council.municipality,
        decided_on=datetime.date(2026, 11, 1),
        reference=reference,
        title=title,
        by=None,
    )
    rules_adopt_version(
        council=cast.council,
        settings=dict(PRESETS["holbaek"]["rules"]["settings"], **changes),
        in_force_from=in_force_from,
        adopted_on=datetime.date(2026, 11, 1),
        decision=decision,
        by=None,
    )


def chair_decides_on_ties(cast: Cast) -> None:
    """Rules of procedure in force from 15 November 2026 under which the chair decides a tie (R17)."""
    rules_version(cast, in_force_from=datetime.date(2026, 11, 15), tie_rule="chair_decides")
