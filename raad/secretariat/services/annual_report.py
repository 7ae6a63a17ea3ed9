"""Writes of the annual report (årsberetning, R23): start, comments, on the agenda, adoption by a decision of
the council (the figures are frozen then), sending to the board through the core outbox, publication."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit, mail
from raad.core.errors import RuleViolation
from raad.core.i18n import in_council_language
from raad.core.models import User
from raad.core.roles import Role, roles_of
from raad.core.text import clean_text
from raad.councils.models import Council
from raad.councils.rules import Violation
from raad.councils.services import ensure_not_archived
from raad.meetings import services as meetings_services
from raad.meetings.models import AgendaItem, Decision
from raad.meetings.selectors import next_open_meeting
from raad.secretariat import documents
from raad.secretariat.models import AnnualReport
from raad.secretariat.rules import SECTION_KEYS
from raad.secretariat.search import report_published
from raad.secretariat.selectors.annual_report import annual_report_figures, figures_to_json
from raad.statements.models import Committee

# R23: the council adopts its annual report by a decision at a meeting.
ADOPTION_RULE = "R23"


def _lock(report: AnnualReport) -> AnnualReport:
    return AnnualReport.objects.select_for_update(of=("self",)).select_related("council").get(pk=report.pk)


def _require(user: User | None, council: Council, *allowed: Role) -> None:
    if user is not None and not roles_of(user, council.pk) & set(allowed):
        raise RuleViolation(_("Du har ikke adgang til at ændre årsberetningen."))


def _require_status(report: AnnualReport, status: str, message: str) -> None:
    if report.status != status:
        raise RuleViolation(message)


@transaction.atomic
def annual_report_start(*, council: Council, year: int, by: User | None) -> AnnualReport:
    """The secretariat starts the draft of a year's report (one per council and year)."""
    ensure_not_archived(council)
    _require(by, council, Role.SECRETARIAT)
    if not 2000 <= year <= timezone.localdate().year:
        raise RuleViolation([Violation("year", _("Vælg et år, der er begyndt."))])
    if AnnualReport.objects.filter(council=council, year=year).exists():
        raise RuleViolation([Violation("year", _("Der er allerede en årsberetning for %(year)s.") % {"year": year})])
    report = AnnualReport.objects.create(council=council, year=year)
    audit.record(
        actor=by, verb="annual_report.started", target=report, council_id=council.pk, changes=audit.created(year=year)
    )
    return report


@transaction.atomic
def annual_report_comments_update(
    *, report: AnnualReport, introduction: str, comments: dict[str, str], by: User | None
) -> AnnualReport:
    """The forperson (or the secretariat for them) writes the introduction and a comment per section. Only while
    a draft: the adopted text is what the council decided."""
    report = _lock(report)
    ensure_not_archived(report.council)
    _require(by, report.council, Role.SECRETARIAT, Role.CHAIR)
    _require_status(
        report, AnnualReport.Status.DRAFT, _("Årsberetningen er vedtaget; forord og kommentarer kan ikke ændres.")
    )
    unknown = set(comments) - set(SECTION_KEYS)
    if unknown:
        raise RuleViolation(_("Ukendt afsnit: %(keys)s.") % {"keys": ", ".join(sorted(unknown))})
    before = (report.introduction, report.comments)
    report.introduction = clean_text(introduction)
    report.comments = {key: clean_text(text) for key, text in comments.items() if clean_text(text)}
    report.save(update_fields=["introduction", "comments", "updated_at"])
    audit.record(
        actor=by,
        verb="annual_report.comments_updated",
        target=report,
        council_id=report.council_id,
        changes=audit.changed(introduction=(before[0], report.introduction), comments=(before[1], report.comments)),
    )
    return report


@transaction.atomic
def annual_report_put_on_agenda(
    *, report: AnnualReport, by: User | None, now: datetime.datetime | None = None
) -> AgendaItem:
    """The draft goes on the agenda of the council's next planned meeting whose agenda is still open, as an item
    for decision (through the meetings app's `item_add`). Refused when no meeting is planned."""
    report = _lock(report)
    council = report.council
    ensure_not_archived(council)
    _require(by, council, Role.SECRETARIAT)
    _require_status(report, AnnualReport.Status.DRAFT, _("Årsberetningen er allerede vedtaget."))
    if report.agenda_item_id is not None:
        raise RuleViolation(_("Årsberetningen står allerede på en dagsorden."))
    meeting = next_open_meeting(council.pk, after=now or timezone.now())
    if meeting is None:
        raise RuleViolation(
            _("Der er intet planlagt møde, hvis dagsorden stadig er åben. Planlæg mødet først, og prøv igen.")
        )
    with in_council_language(council):
        title = _("Årsberetning %(year)s") % {"year": report.year}
        proposed = _("Rådet vedtager årsberetningen for %(year)s og sender den til kommunalbestyrelsen.") % {
            "year": report.year
        }
    item = meetings_services.item_add(
        meeting=meeting, kind=AgendaItem.Kind.DECISION, title=title, proposed_decision=proposed, by=by
    )
    report.agenda_item = item
    report.save(update_fields=["agenda_item", "updated_at"])
    audit.record(
        actor=by,
        verb="annual_report.put_on_agenda",
        target=report,
        council_id=council.pk,
        changes=audit.created(agenda_meeting=str(meeting), agenda_position=item.position),
    )
    return item


@transaction.atomic
def annual_report_adopt(*, report: AnnualReport, by: User | None) -> AnnualReport:
    """Register the council's adoption (R23): only when the report's agenda item has a decision with the outcome
    adopted. The figures are frozen now: the adopted, sent and published report never changes."""
    report = _lock(report)
    ensure_not_archived(report.council)
    _require(by, report.council, Role.SECRETARIAT)
    _require_status(report, AnnualReport.Status.DRAFT, _("Årsberetningen er allerede vedtaget."))
    decision = Decision.objects.filter(item_id=report.agenda_item_id).first() if report.agenda_item_id else None
    if decision is None or decision.outcome != Decision.Outcome.ADOPTED:
        raise RuleViolation(
            _(
                "Årsberetningen vedtages af rådet på et møde (R23): dagsordenspunktet skal have en beslutning "
                "med resultatet »vedtaget«."
            )
        )
    report.figures = figures_to_json(annual_report_figures(report.council, report.year))
    report.status = AnnualReport.Status.ADOPTED
    report.adopted_at = decision.decided_at
    report.save(update_fields=["figures", "status", "adopted_at", "updated_at"])
    audit.record(
        actor=by,
        verb="annual_report.adopted",
        target=report,
        council_id=report.council_id,
        changes=audit.changed(status=(AnnualReport.Status.DRAFT, report.status))
        | audit.created(decision=str(decision)),
    )
    return report


@transaction.atomic
def annual_report_send(*, report: AnnualReport, recipient: Committee, by: User | None) -> AnnualReport:
    """Send the adopted report to the board as a tagged PDF through the core outbox (after commit), with the
    council as reply-to and in copy, as a statement's letter is sent."""
    report = _lock(report)
    council = report.council
    ensure_not_archived(council)
    _require(by, council, Role.SECRETARIAT)
    if report.status == AnnualReport.Status.DRAFT:
        raise RuleViolation(_("Årsberetningen er ikke vedtaget og kan ikke sendes."))
    if report.sent_at is not None:
        raise RuleViolation(_("Årsberetningen er allerede sendt."))
    if recipient.municipality_id != council.municipality_id or not recipient.email:
        raise RuleViolation([Violation("recipient", _("Modtageren har ingen e-mailadresse."))])
    report.sent_at = timezone.now()
    report.sent_to = recipient.email
    if report.status == AnnualReport.Status.ADOPTED:
        report.status = AnnualReport.Status.SENT
    report.save(update_fields=["sent_at", "sent_to", "status", "updated_at"])
    contact = council.contact_email
    mail.queue(
        key=f"annual-report:{report.pk}",
        council=council,
        to=recipient.email,
        template="secretariat/email/annual_report",
        context={"report": report, "council": council, "recipient": recipient},
        cc=[contact] if contact else [],
        reply_to=contact,
        attachments=[(f"aarsberetning-{report.year}.pdf", documents.annual_report_pdf(report), "application/pdf")],
    )
    audit.record(
        actor=by,
        verb="annual_report.sent",
        target=report,
        council_id=council.pk,
        changes=audit.created(sent_to=recipient.email),
    )
    return report


@transaction.atomic
def annual_report_publish(*, report: AnnualReport, by: User | None) -> AnnualReport:
    """Publish the adopted report as a page and a PDF (its frozen figures, nothing else)."""
    report = _lock(report)
    ensure_not_archived(report.council)
    _require(by, report.council, Role.SECRETARIAT)
    if report.status == AnnualReport.Status.DRAFT:
        raise RuleViolation(_("Årsberetningen er ikke vedtaget og kan ikke offentliggøres."))
    if report.status == AnnualReport.Status.PUBLISHED:
        raise RuleViolation(_("Årsberetningen er allerede offentliggjort."))
    before = report.status
    report.status = AnnualReport.Status.PUBLISHED
    report.published_at = timezone.now()
    report.save(update_fields=["status", "published_at", "updated_at"])
    audit.record(
        actor=by,
        verb="annual_report.published",
        target=report,
        council_id=report.council_id,
        changes=audit.changed(status=(before, report.status)),
    )
    report_published(report.pk)  # the search index follows (raad.core.search)
    return report
