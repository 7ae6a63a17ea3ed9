"""Every write of the integration effort: goals, an indicator's description and goal, the CSV import of values
(all rows or none), links to where an indicator was discussed, and "Sæt på dagsordenen"."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.i18n import in_council_language
from raad.core.models import User
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils.models import Council
from raad.councils.services import ensure_not_archived
from raad.dialogue.models import Topic
from raad.effort import selectors
from raad.effort.csvformat import ValueRow, parse_values_csv
from raad.effort.models import Goal, Indicator, IndicatorLink, IndicatorValue
from raad.meetings import services as meetings_services
from raad.meetings.models import AgendaItem
from raad.statements.models import Statement

GOAL_FIELDS = ("title", "text", "order")
INDICATOR_FIELDS = ("description", "goal")


@transaction.atomic
def goal_create(*, council: Council, title: str, text: str = "", order: int = 1, by: User | None) -> Goal:
    ensure_not_archived(council)
    goal = Goal.objects.create(council=council, title=clean_text(title), text=clean_text(text), order=order)
    audit.record(
        actor=by,
        verb="effort_goal.created",
        target=goal,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(goal, GOAL_FIELDS)),
    )
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, title: str, text: str, order: int, by: User | None) -> Goal:
    ensure_not_archived(goal.council_id)
    data = {"title": clean_text(title), "text": clean_text(text), "order": order}
    return fields_update(
        instance=goal, fields=GOAL_FIELDS, data=data, verb="effort_goal.changed", by=by, council_id=goal.council_id
    )


@transaction.atomic
def indicator_update(*, indicator: Indicator, description: str, goal: Goal | None, by: User | None) -> Indicator:
    ensure_not_archived(indicator.council_id)
    if goal is not None and goal.council_id != indicator.council_id:
        raise RuleViolation(_("Målet hører til et andet råd."))
    return fields_update(
        instance=indicator,
        fields=INDICATOR_FIELDS,
        data={"description": clean_text(description), "goal": goal},
        verb="effort_indicator.changed",
        by=by,
        council_id=indicator.council_id,
    )


def _plain_number(value: Decimal) -> str:
    """A value as the file wrote it (20, not 20.0000), for the journal."""
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    indicators_created: int


@transaction.atomic
def indicator_values_import(
    *, council: Council, data: bytes, scope: str | None, by: User | None, is_demo: bool = False
) -> ImportResult:
    """Import indicator values from CSV (docs/effort.md): every row is checked first and a malformed file
    writes nothing (a RuleViolation naming each bad line). New indicators are created; a value already there for
    the same indicator, scope and year is updated, each change journalled with before and after."""
    ensure_not_archived(council)
    rows = parse_values_csv(data, scope=scope)
    codes = sorted({row.code for row in rows})
    existing = {i.code: i for i in Indicator.objects.select_for_update().filter(council=council, code__in=codes)}
    first_of: dict[str, ValueRow] = {}
    for row in rows:
        first_of.setdefault(row.code, row)
    new_indicators = [
        Indicator(council=council, code=code, name=row.name, goal_area=row.goal_area, unit=row.unit)
        for code, row in sorted(first_of.items())
        if code not in existing
    ]
    entries = []
    for indicator in new_indicators:
        indicator.save()
        existing[indicator.code] = indicator
        entries.append(
            audit.entry(
                actor=by,
                verb="effort_indicator.created",
                target=indicator,
                council_id=council.pk,
                changes=audit.created(code=indicator.code, name=indicator.name, unit=indicator.unit),
            )
        )
    current = {
        (v.indicator_id, v.scope, v.year): v
        for v in IndicatorValue.objects.select_for_update().filter(
            indicator__in=list(existing.values()), year__in={row.year for row in rows}
        )
    }
    to_create, to_update = [], []
    unchanged = 0
    for row in rows:
        indicator = existing[row.code]
        value = current.get((indicator.pk, row.scope, row.year))
        if value is None:
            to_create.append(
                IndicatorValue(
                    indicator=indicator,
                    scope=row.scope,
                    year=row.year,
                    value=row.value,
                    source=row.source,
                    is_demo=is_demo,
                )
            )
            continue
        before = (value.value, value.source, value.is_demo)
        if before == (row.value, row.source, is_demo):
            unchanged += 1
            continue
        value.value, value.source, value.is_demo = row.value, row.source, is_demo
        to_update.append(value)
        entries.append(
            audit.entry(
                actor=by,
                verb="effort_value.changed",
                target=value,
                council_id=council.pk,
                changes=audit.changed(
                    value=(_plain_number(before[0]), _plain_number(row.value)),
                    source=(before[1], row.source),
                    is_demo=(before[2], is_demo),
                ),
            )
        )
    IndicatorValue.objects.bulk_create(to_create)
    now = timezone.now()
    for value in to_update:
        value.updated_at = now
    IndicatorValue.objects.bulk_update(to_update, ["value", "source", "is_demo", "updated_at"])
    result = ImportResult(
        created=len(to_create), updated=len(to_update), unchanged=unchanged, indicators_created=len(new_indicators)
    )
    entries.append(
        audit.entry(
            actor=by,
            verb="effort_values.imported",
            target=council,
            council_id=council.pk,
            changes=audit.created(
                rows=len(rows),
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                years=", ".join(str(y) for y in sorted({row.year for row in rows})),
                scopes=", ".join(sorted({row.scope for row in rows})),
                demo=is_demo,
            ),
        )
    )
    audit.record_many(entries)
    return result


@transaction.atomic
def indicator_link_add(
    *,
    indicator: Indicator,
    agenda_item: AgendaItem | None = None,
    topic: Topic | None = None,
    statement: Statement | None = None,
    by: User | None,
) -> IndicatorLink:
    """The indicator was discussed under an agenda item, in a dialogue topic or in a statement of its council."""
    ensure_not_archived(indicator.council_id)
    targets = [t for t in (agenda_item, topic, statement) if t is not None]
    if len(targets) != 1:
        raise RuleViolation(_("Vælg ét dagsordenspunkt, ét emne eller én udtalelse."))
    target = targets[0]
    council_id = target.meeting.council_id if isinstance(target, AgendaItem) else target.council_id
    if council_id != indicator.council_id:
        raise RuleViolation(_("Det valgte hører til et andet råd."))
    duplicate = IndicatorLink.objects.filter(
        indicator=indicator, agenda_item=agenda_item, topic=topic, statement=statement
    ).exists()
    if duplicate:
        raise RuleViolation(_("Indikatoren er allerede knyttet til det."))
    link = IndicatorLink.objects.create(indicator=indicator, agenda_item=agenda_item, topic=topic, statement=statement)
    audit.record(
        actor=by,
        verb="effort_link.added",
        target=indicator,
        council_id=indicator.council_id,
        changes=audit.created(link=str(target)),
    )
    return link


@transaction.atomic
def indicator_link_remove(*, link: IndicatorLink, by: User | None) -> None:
    indicator = link.indicator
    ensure_not_archived(indicator.council_id)
    target = link.agenda_item or link.topic or link.statement
    link.delete()
    audit.record(
        actor=by,
        verb="effort_link.removed",
        target=indicator,
        council_id=indicator.council_id,
        changes=audit.changed(link=(str(target), None)),
    )


def _number(value: Decimal) -> str:
    return formats.number_format(value.normalize(), use_l10n=True)


@transaction.atomic
def indicator_put_on_agenda(
    *, indicator: Indicator, by: User | None, now: datetime.datetime | None = None
) -> AgendaItem:
    """One click: the indicator becomes an item for discussion on the council's next planned meeting whose
    agenda is still open, through the meetings app's `item_add`, and is linked to that item. Refused when no
    meeting is planned."""
    council = indicator.council
    ensure_not_archived(council)
    meeting = selectors.next_meeting(council, now=now or timezone.now())
    if meeting is None:
        raise RuleViolation(
            _("Der er intet planlagt møde, hvis dagsorden stadig er åben. Planlæg mødet først, og prøv igen.")
        )
    if IndicatorLink.objects.filter(indicator=indicator, agenda_item__meeting=meeting).exists():
        raise RuleViolation(
            _("Indikatoren står allerede på dagsordenen for mødet %(date)s.")
            % {"date": formats.date_format(timezone.localtime(meeting.starts_at), "DATE_FORMAT")}
        )
    screen = selectors.indicator_screen(council, indicator.code)
    with in_council_language(council):
        title = _("Indikator %(code)s: %(name)s") % {"code": indicator.code, "name": indicator.name}
        lines = [indicator.description] if indicator.description else []
        for row in screen.years[-3:]:
            parts = []
            for label, value in ((_("Kommunen"), row.municipality), (_("Hele landet"), row.national)):
                if value is not None:
                    demo = f" ({_('Demoværdi (opdigtet)')})" if value.is_demo else ""
                    parts.append(f"{label}: {_number(value.value)} {indicator.unit}{demo}".rstrip())
            lines.append(f"- {row.year}: " + "; ".join(parts))
        if screen.sources:
            lines.append("")
            lines.append(_("Kilde: %(sources)s") % {"sources": "; ".join(screen.sources)})
    item = meetings_services.item_add(
        meeting=meeting,
        kind=AgendaItem.Kind.DISCUSSION,
        title=title[:300],
        case_presentation="\n".join(lines),
        by=by,
    )
    IndicatorLink.objects.create(indicator=indicator, agenda_item=item)
    audit.record(
        actor=by,
        verb="effort_indicator.put_on_agenda",
        target=indicator,
        council_id=council.pk,
        changes=audit.created(agenda_meeting=str(meeting), agenda_position=item.position),
    )
    return item


NATIONAL_BAROMETER = Path(__file__).resolve().parent / "data" / "integrationsbarometer-national-2022.csv"


@transaction.atomic
def barometer_national_load(*, council: Council, by: User | None) -> ImportResult:
    """The national figures of Det nationale integrationsbarometer shipped with Råd (data/, source in every
    row), imported for the whole country into the council's indicators. Idempotent: a second load changes
    nothing."""
    return indicator_values_import(
        council=council, data=NATIONAL_BAROMETER.read_bytes(), scope=IndicatorValue.Scope.NATIONAL, by=by
    )
