"""Consultations from the municipality's committees and the council's statements answering them (or on its own
initiative), one version each; most published (the statements app's tables)."""

from __future__ import annotations

import datetime
import random
import time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import OuterRef, Subquery

from raad.statements.models import Consultation, Statement, StatementVersion

from . import text
from .councils import CouncilData
from .tiers import statements_in
from .writer import Writer


def build_statements(
    w: Writer, rng: random.Random, council: CouncilData, *, years: list[int], now: datetime.datetime
) -> int:
    """Statements of the council over `years`: seven in ten answer a consultation (høringssvar), the rest are
    udtalelser on the council's own initiative. By number: one in ten is still a draft, one in ten is sent but
    not published, the rest are published; a statement dated after today is a draft. Returns paragraphs."""
    tz = ZoneInfo(settings.TIME_ZONE)
    today = now.date()
    code = council.council.municipality.code
    rows: list[tuple[Statement, Consultation | None]] = []
    for year_no, year in enumerate(years):
        n = statements_in(council.number, year_no)
        for i in range(n):
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=365 * i // n + rng.randrange(14))
            committee = council.committees[(i + year_no) % len(council.committees)]
            subject = text.title(rng, year)
            consultation = None
            if i % 10 < 7:
                consultation = Consultation(
                    council=council.council,
                    subject=subject,
                    summary=text.paragraph(rng, 30),
                    committee=committee,
                    received_on=day - datetime.timedelta(days=21),
                    deadline=day + datetime.timedelta(days=3),
                    case_number=f"{code}-{year}-{council.number}-{i:03d}",
                )
            statement = Statement(
                council=council.council,
                kind=Statement.Kind.RESPONSE if consultation else Statement.Kind.STATEMENT,
                title=f"Høringssvar: {subject}" if consultation else f"Udtalelse: {subject}",
                recipient=committee,
                purpose=council.purposes[i % len(council.purposes)],
                case_number=consultation.case_number if consultation else "",
            )
            state = i % 10
            if day <= today and state != 0:
                sent = datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=tz)
                statement.adoption_route = Statement.Route.WRITTEN
                statement.adopted_on = day
                statement.status = Statement.Status.SENT
                statement.sent_at = sent
                statement.sent_to = committee.email
                if state != 1:
                    statement.status = Statement.Status.PUBLISHED
                    statement.published_at = sent + datetime.timedelta(days=1)
            rows.append((statement, consultation))
    w.create([c for _s, c in rows if c is not None])
    for statement, consultation in rows:
        statement.consultation = consultation
    statements = w.create([s for s, _c in rows])
    versions = w.create(
        [StatementVersion(statement=s, number=1, text=text.paragraph(rng, rng.randint(80, 160))) for s in statements]
    )
    adopted = Statement.objects.filter(council=council.council).exclude(status=Statement.Status.DRAFT)
    started = time.perf_counter()
    adopted.update(
        adopted_version=Subquery(StatementVersion.objects.filter(statement=OuterRef("pk"), number=1).values("pk")[:1])
    )
    w.timed("statements_statement", time.perf_counter() - started)  # the update joins the insert's time
    return len(versions) + sum(1 for _s, c in rows if c is not None)
