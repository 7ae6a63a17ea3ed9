"""Every write about councils: terms of reference, rules of procedure, terms, staff."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from raad.core import audit, translations
from raad.core.errors import RuleViolation
from raad.core.languages import is_community
from raad.core.models import User
from raad.core.redaction import mask_cpr, mask_cpr_in
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils import rules
from raad.councils.models import (
    BoardDecision,
    Council,
    Municipality,
    Purpose,
    PurposeTask,
    RulesChange,
    RulesOfProcedure,
    StaffAssignment,
    Term,
    TermsOfReference,
)
from raad.councils.selectors import NoRulesInForce, rules_in_force

TOR_FIELDS = (*TermsOfReference.TEXT_FIELDS, "legal_basis_url", "approved_on")
PURPOSE_FIELDS = ("title", "description")
COUNCIL_CONTACT_FIELDS = (
    "name",
    "secretariat_unit",
    "contact_email",
    "contact_phone",
    "contact_address",
    "contact_hours",
)
# The fields whose English the secretariat writes beside the Danish: the forms' "… (engelsk)" fields, which the
# services store as the reviewed "en" translation (raad.core.translations), keyed `<field>_en` in `data`.
COUNCIL_TRANSLATED_FIELDS = ("name", "secretariat_unit", "contact_hours")
TOR_TRANSLATED_FIELDS = TermsOfReference.TEXT_FIELDS
PURPOSE_TRANSLATED_FIELDS = PURPOSE_FIELDS
ENGLISH = "en"
# The free-text fields, whose CPR numbers are masked before anything is stored or audited (R30); a link, a
# date or an e-mail address is not prose.
_PROSE_FIELDS = frozenset(TOR_FIELDS + PURPOSE_FIELDS + COUNCIL_CONTACT_FIELDS) - {
    "legal_basis_url",
    "approved_on",
    "contact_email",
}


def _save_english(obj: Any, texts: dict[str, str], *, by: User | None, council_id: int, created: bool = False) -> None:
    """The English the secretariat typed beside the Danish, as the reviewed "en" translation (journalled
    by `translation_set`, CPR numbers masked there)."""
    translations.translations_save(
        obj=obj,
        language=ENGLISH,
        texts=texts,
        status=translations.REVIEWED,
        actor=by,
        council_id=council_id,
        created=created,
    )


def _split_english(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """A preset's values: (the model's own fields, {field: English} from its `<field>_en` keys)."""
    suffix = f"_{ENGLISH}"
    own = {name: value for name, value in data.items() if not name.endswith(suffix)}
    english = {name.removesuffix(suffix): value for name, value in data.items() if name.endswith(suffix)}
    return own, english


def ensure_not_archived(council: Council | int) -> None:
    """R1: refuse every write to an archived council's data (its public pages stay). Every service that writes a
    council's data calls this first. `council`: the Council (its `archived_at` as loaded, no query) or its id
    (one query)."""
    if isinstance(council, Council):
        archived_at = council.archived_at
    else:
        archived_at = Council.objects.filter(pk=council).values_list("archived_at", flat=True).first()
    if archived_at is not None:
        raise RuleViolation([rules.Violation("", rules.archived_message(timezone.localdate(archived_at)))])


@transaction.atomic
def board_decision_record(
    *,
    municipality: Municipality,
    decided_on: datetime.date,
    reference: str,
    title: str,
    url: str = "",
    body: str = "Kommunalbestyrelsen",
    by: User | None,
) -> BoardDecision:
    decision = BoardDecision.objects.create(
        municipality=municipality,
        decided_on=decided_on,
        reference=mask_cpr(reference),
        title=mask_cpr(title),
        url=url,
        body=mask_cpr(body),
    )
    audit.record(
        actor=by,
        verb="board_decision.recorded",
        target=decision,
        changes=audit.diff({}, audit.snapshot(decision, ("body", "decided_on", "reference", "title", "url"))),
    )
    return decision


@transaction.atomic
def council_update_contact(*, council: Council, data: dict[str, Any], by: User) -> Council:
    council = Council.objects.select_for_update().get(pk=council.pk)
    ensure_not_archived(council)
    council = fields_update(
        instance=council,
        fields=COUNCIL_CONTACT_FIELDS,
        data=mask_cpr_in(data, _PROSE_FIELDS),
        verb="council.contact_updated",
        by=by,
        council_id=council.pk,
    )
    _save_english(
        council, translations.texts_from(data, COUNCIL_TRANSLATED_FIELDS, ENGLISH), by=by, council_id=council.pk
    )
    return council


@transaction.atomic
def council_set_citizen_languages(*, council: Council, languages: list[str], by: User) -> Council:
    """Which community languages the council's citizen pages are offered in, besides Danish and English. Only
    languages the site is configured for (settings.LANGUAGES) can be chosen; they are kept in the site's order."""
    council = Council.objects.select_for_update().get(pk=council.pk)
    ensure_not_archived(council)
    offered = [code for code, _name in settings.LANGUAGES if is_community(code)]
    unknown = [code for code in languages if code not in offered]
    if unknown:
        raise RuleViolation(
            [
                rules.Violation(
                    "languages", _("Sproget findes ikke på webstedet: %(codes)s.") % {"codes": ", ".join(unknown)}
                )
            ]
        )
    chosen = [code for code in offered if code in languages]
    before = list(council.citizen_languages or [])
    if chosen == before:
        return council
    council.citizen_languages = chosen
    council.save(update_fields=["citizen_languages", "updated_at"])
    audit.record(
        actor=by,
        verb="council.citizen_languages_changed",
        target=council,
        council_id=council.pk,
        changes=audit.changed(citizen_languages=(before, chosen)),
    )
    return council


@transaction.atomic
def terms_of_reference_update(*, terms: TermsOfReference, data: dict[str, Any], by: User) -> TermsOfReference:
    terms = TermsOfReference.objects.select_for_update(of=("self",)).select_related("council").get(pk=terms.pk)
    ensure_not_archived(terms.council)
    terms = fields_update(
        instance=terms,
        fields=TOR_FIELDS,
        data=mask_cpr_in(data, _PROSE_FIELDS),
        verb="terms_of_reference.updated",
        by=by,
        council_id=terms.council_id,
    )
    _save_english(
        terms, translations.texts_from(data, TOR_TRANSLATED_FIELDS, ENGLISH), by=by, council_id=terms.council_id
    )
    return terms


@transaction.atomic
def purpose_update(*, purpose: Purpose, data: dict[str, Any], tasks: list[tuple[str, str]], by: User) -> Purpose:
    """Change a purpose's text and replace its list of tasks (Danish, English) in one step. The tasks'
    English is journalled with the list in this entry ("tasks": [[Danish, English], …]), not once more per task."""
    purpose = (
        Purpose.objects.select_for_update(of=("self",)).select_related("terms_of_reference__council").get(pk=purpose.pk)
    )
    council_id = purpose.terms_of_reference.council_id
    ensure_not_archived(purpose.terms_of_reference.council)
    before = audit.snapshot(purpose, PURPOSE_FIELDS)
    old_tasks = list(purpose.tasks.order_by("position", "id"))
    translations.prefetch(old_tasks, languages=[ENGLISH])
    before["tasks"] = [[t.text, translations.translated(t, "text", ENGLISH)] for t in old_tasks]
    data = mask_cpr_in(data, _PROSE_FIELDS)
    for name in PURPOSE_FIELDS:
        if name in data:
            setattr(purpose, name, data[name])
    purpose.save(update_fields=[*PURPOSE_FIELDS, "updated_at"])
    new_tasks = [(mask_cpr(da.strip()), mask_cpr(en.strip())) for da, en in tasks if da.strip()]
    if [list(t) for t in new_tasks] != before["tasks"]:
        translations.translations_delete(*old_tasks)
        purpose.tasks.all().delete()
        _tasks_create(purpose, new_tasks, by=by, council_id=council_id)
    after = audit.snapshot(purpose, PURPOSE_FIELDS)
    after["tasks"] = [list(t) for t in new_tasks]
    changes = audit.diff(before, after)
    if changes:
        audit.record(actor=by, verb="purpose.updated", target=purpose, council_id=council_id, changes=changes)
    _save_english(
        purpose, translations.texts_from(data, PURPOSE_TRANSLATED_FIELDS, ENGLISH), by=by, council_id=council_id
    )
    return purpose


def _tasks_create(
    purpose: Purpose, tasks: list[tuple[str, str]], *, by: User | None, council_id: int, record: bool = False
) -> None:
    """A purpose's tasks (Danish, English) in order; the caller journals the list (or, `record`, each English
    text is journalled on its own)."""
    created = PurposeTask.objects.bulk_create(
        PurposeTask(purpose=purpose, position=index, text=da) for index, (da, _en) in enumerate(tasks, start=1)
    )
    for task, (_da, english) in zip(created, tasks, strict=True):
        if english.strip():
            translations.translation_set(
                obj=task,
                field="text",
                language=ENGLISH,
                text=english,
                status=translations.REVIEWED,
                actor=by,
                council_id=council_id,
                record=record,
            )


def _setting_values(data: dict[str, Any]) -> dict[str, Any]:
    missing = [name for name in rules.SETTING_FIELDS if name not in data]
    if missing:
        raise RuleViolation(_("Forretningsordenen mangler værdier for: %(fields)s") % {"fields": ", ".join(missing)})
    return {name: data[name] for name in rules.SETTING_FIELDS}


@transaction.atomic
def rules_adopt_version(
    *,
    council: Council,
    settings: dict[str, Any],
    in_force_from: datetime.date,
    adopted_on: datetime.date,
    decision: BoardDecision,
    change_summary: str = "",
    change_summary_en: str = "",
    council_endorsed_on: datetime.date | None = None,
    by: User | None,
) -> RulesOfProcedure:
    """Record a new version of the rules of procedure, adopted by the board. Old versions stay."""
    values = _setting_values(settings)
    violations: list[Any] = list(rules.check_consistency(values))
    # Lock the council row so two secretaries cannot both create "the next" version.
    ensure_not_archived(Council.objects.select_for_update().get(pk=council.pk))
    latest = RulesOfProcedure.objects.filter(council=council).order_by("-in_force_from").first()
    if latest is not None and in_force_from <= latest.in_force_from:
        violations.append(
            rules.Violation(
                "in_force_from",
                _("En ny version skal gælde fra en dato efter den seneste version (%(date)s).")
                % {"date": date_format(latest.in_force_from, "j. F Y")},
            )
        )
    if adopted_on > in_force_from:
        violations.append(rules.Violation("adopted_on", _("Forretningsordenen kan ikke gælde, før den er vedtaget.")))
    if decision.municipality_id != council.municipality_id:
        violations.append(rules.Violation("decision", _("Beslutningen er truffet i en anden kommune.")))
    if violations:
        raise RuleViolation(violations)
    highest = (
        RulesOfProcedure.objects.filter(council=council).order_by("-version").values_list("version", flat=True).first()
    )
    number = (highest or 0) + 1
    version = RulesOfProcedure.objects.create(
        council=council,
        version=number,
        in_force_from=in_force_from,
        adopted_on=adopted_on,
        decision=decision,
        council_endorsed_on=council_endorsed_on,
        change_summary=mask_cpr(change_summary),
        **values,
    )
    _save_english(version, {"change_summary": change_summary_en}, by=by, council_id=council.pk, created=True)
    previous = audit.snapshot(latest, rules.SETTING_FIELDS) if latest else {}
    audit.record(
        actor=by,
        verb="rules_of_procedure.adopted",
        target=version,
        council_id=council.pk,
        changes={
            **audit.diff(previous, audit.snapshot(version, rules.SETTING_FIELDS)),
            "version": {"before": latest.version if latest else None, "after": number},
            "in_force_from": {"before": None, "after": in_force_from.isoformat()},
            "decision": {"before": None, "after": str(decision)},
        },
    )
    return version


@transaction.atomic
def term_create(
    *, council: Council, name: str, starts_on: datetime.date, ends_on: datetime.date, by: User | None
) -> Term:
    ensure_not_archived(council)
    violations = []
    if ends_on <= starts_on:
        violations.append(rules.Violation("ends_on", _("Valgperioden skal slutte efter, at den begynder.")))
    overlapping = Term.objects.filter(council=council, starts_on__lte=ends_on, ends_on__gte=starts_on).first()
    if overlapping:
        violations.append(
            rules.Violation("starts_on", _("Valgperioden overlapper %(term)s.") % {"term": overlapping.name})
        )
    if violations:
        raise RuleViolation(violations)
    term = Term.objects.create(council=council, name=mask_cpr(name), starts_on=starts_on, ends_on=ends_on)
    audit.record(
        actor=by,
        verb="term.created",
        target=term,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(term, ("name", "starts_on", "ends_on"))),
    )
    return term


@transaction.atomic
def term_open_next(*, council: Council, by: User | None, today: datetime.date | None = None) -> Term:
    """Open the council's next term (R4): it begins the day after the latest term ends (the first one on
    1 January after the latest municipal election) and lasts `term_years` of the rules of procedure in force
    on its first day."""
    ensure_not_archived(Council.objects.select_for_update().get(pk=council.pk))
    today = today or timezone.localdate()
    latest = Term.objects.filter(council=council).order_by("-starts_on").first()
    starts_on = latest.ends_on + datetime.timedelta(days=1) if latest else rules.election_period_start(today)
    try:
        procedure = rules_in_force(council, starts_on)
    except NoRulesInForce:
        procedure = rules_in_force(council, today)
    starts_on, ends_on = rules.term_dates(starts_on, procedure.term_years)
    return term_create(
        council=council, name=rules.term_name(starts_on, ends_on), starts_on=starts_on, ends_on=ends_on, by=by
    )


@transaction.atomic
def council_archive(*, council: Council, decision: BoardDecision, by: User | None) -> Council:
    """Archive a council the board has dissolved (R1): from now on read-only for everyone, the secretariat
    too; its public pages stay."""
    council = Council.objects.select_for_update().get(pk=council.pk)
    if council.archived_at is not None:
        raise RuleViolation(rules.archived_message(timezone.localdate(council.archived_at)))
    if decision.municipality_id != council.municipality_id:
        raise RuleViolation([rules.Violation("decision", _("Beslutningen er truffet i en anden kommune."))])
    council.archived_at = timezone.now()
    council.save(update_fields=["archived_at", "updated_at"])
    audit.record(
        actor=by,
        verb="council.archived",
        target=council,
        council_id=council.pk,
        changes=audit.changed(archived_at=(None, council.archived_at.isoformat()), decision=(None, str(decision))),
    )
    return council


@transaction.atomic
def staff_assign(
    *, council: Council, user: User, role: str, starts_on: datetime.date, by: User | None
) -> StaffAssignment:
    ensure_not_archived(council)
    assignment, created = StaffAssignment.objects.get_or_create(
        council=council, user=user, role=role, starts_on=starts_on
    )
    if created:
        audit.record(
            actor=by,
            verb="staff.assigned",
            target=assignment,
            council_id=council.pk,
            changes=audit.created(user=user.username, role=role),
        )
    return assignment


@transaction.atomic
def council_setup_from_preset(*, preset: dict[str, Any], by: User | None = None) -> tuple[Council, bool]:
    """Create a council from a preset (kommissorium, rules, terms). Idempotent: an existing council
    with the preset's slug is returned unchanged. Returns (council, created)."""
    existing = Council.objects.filter(slug=preset["council"]["slug"]).first()
    if existing is not None:
        return existing, False
    municipality, created = Municipality.objects.get_or_create(
        code=preset["municipality"]["code"], defaults=preset["municipality"]
    )
    if created:
        audit.record(actor=by, verb="municipality.created", target=municipality)
    established = board_decision_record(municipality=municipality, by=by, **preset["established_by"])
    council_data, council_english = _split_english(preset["council"])
    council = Council.objects.create(municipality=municipality, established_by=established, **council_data)
    audit.record(
        actor=by,
        verb="council.created",
        target=council,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(council, ("name", "slug", "kind", "secretariat_unit"))),
    )
    _save_english(council, council_english, by=by, council_id=council.pk, created=True)
    terms_data, terms_english = _split_english(preset["terms_of_reference"])
    terms = TermsOfReference.objects.create(council=council, **terms_data)
    _save_english(terms, terms_english, by=by, council_id=council.pk, created=True)
    for purpose_data in preset["purposes"]:
        data, english = _split_english(purpose_data)
        tasks = data.pop("tasks")
        purpose = Purpose.objects.create(terms_of_reference=terms, **data)
        _save_english(purpose, english, by=by, council_id=council.pk, created=True)
        _tasks_create(purpose, [(da, en) for da, en in tasks], by=by, council_id=council.pk, record=True)
    audit.record(
        actor=by,
        verb="terms_of_reference.created",
        target=terms,
        council_id=council.pk,
        changes=audit.created(purposes=[p["title"] for p in preset["purposes"]]),
    )
    rules_decision = board_decision_record(municipality=municipality, by=by, **preset["rules_decision"])
    rules_data = preset["rules"]
    rules_adopt_version(
        council=council,
        settings=rules_data["settings"],
        in_force_from=rules_data["in_force_from"],
        adopted_on=rules_data["adopted_on"],
        decision=rules_decision,
        change_summary=rules_data.get("change_summary", ""),
        change_summary_en=rules_data.get("change_summary_en", ""),
        by=by,
    )
    for term in preset["terms"]:
        term_create(council=council, by=by, **term)
    return council, True


@transaction.atomic
def rules_adopt_with_decision(
    *,
    council: Council,
    settings: dict[str, Any],
    in_force_from: datetime.date,
    adopted_on: datetime.date,
    decision_reference: str,
    decision_url: str = "",
    change_summary: str = "",
    change_summary_en: str = "",
    council_endorsed_on: datetime.date | None = None,
    by: User | None,
) -> RulesOfProcedure:
    """Record the board's decision and the new version it adopted, together or not at all."""
    decision = board_decision_record(
        municipality=council.municipality,
        decided_on=adopted_on,
        reference=decision_reference,
        title=_("Forretningsorden for %(council)s") % {"council": council.name},
        url=decision_url,
        by=by,
    )
    return rules_adopt_version(
        council=council,
        settings=settings,
        in_force_from=in_force_from,
        adopted_on=adopted_on,
        decision=decision,
        change_summary=change_summary,
        change_summary_en=change_summary_en,
        council_endorsed_on=council_endorsed_on,
        by=by,
    )


def _lock_change(change: RulesChange) -> RulesChange:
    change = RulesChange.objects.select_for_update().select_related("council").get(pk=change.pk)
    ensure_not_archived(change.council)
    return change


@transaction.atomic
def rules_change_propose(
    *,
    council: Council,
    settings: dict[str, Any],
    in_force_from: datetime.date,
    change_summary: str,
    change_summary_en: str = "",
    by: User | None,
    today: datetime.date | None = None,
) -> RulesChange:
    """The secretariat proposes a change of the rules of procedure (R8, first step). Nothing takes effect."""
    ensure_not_archived(council)
    values = _setting_values(settings)
    violations: list[Any] = list(rules.check_consistency(values))
    summary = clean_text(mask_cpr(change_summary))
    if not summary:
        violations.append(rules.Violation("change_summary", _("Skriv, hvad ændringen går ud på.")))
    today = today or timezone.localdate()
    if in_force_from <= today:
        violations.append(rules.Violation("in_force_from", _("Ændringen kan tidligst gælde fra i morgen.")))
    if violations:
        raise RuleViolation(violations)
    change = RulesChange.objects.create(
        council=council,
        proposed_settings=values,
        in_force_from=in_force_from,
        change_summary=summary,
        proposed_by=by if by is not None and by.pk else None,
        proposed_on=today,
    )
    _save_english(change, {"change_summary": change_summary_en}, by=by, council_id=council.pk, created=True)
    current = RulesOfProcedure.objects.filter(council=council).order_by("-in_force_from").first()
    before = audit.snapshot(current, rules.SETTING_FIELDS) if current else {}
    audit.record(
        actor=by,
        verb="rules_change.proposed",
        target=change,
        council_id=council.pk,
        changes={
            **audit.diff(before, values),
            "in_force_from": {"before": None, "after": in_force_from.isoformat()},
        },
    )
    return change


@transaction.atomic
def rules_change_council_vote(
    *,
    change: RulesChange,
    voted_on: datetime.date,
    votes_for: int,
    votes_against: int,
    votes_abstained: int = 0,
    meeting_reference: str = "",
    by: User | None,
) -> RulesChange:
    """The council's vote on a proposed change (R8, second step): a simple majority endorses it."""
    change = _lock_change(change)
    violations = []
    if change.status != RulesChange.Status.PROPOSED:
        violations.append(rules.Violation("", _("Rådet har allerede stemt om ændringen.")))
    if min(votes_for, votes_against, votes_abstained) < 0 or votes_for + votes_against + votes_abstained == 0:
        violations.append(rules.Violation("votes_for", _("Angiv stemmerne.")))
    if voted_on < change.proposed_on:
        violations.append(rules.Violation("voted_on", _("Rådet kan ikke stemme, før ændringen er foreslået.")))
    if violations:
        raise RuleViolation(violations)
    before = change.status
    change.status = (
        RulesChange.Status.COUNCIL_ADOPTED if votes_for > votes_against else RulesChange.Status.COUNCIL_REJECTED
    )
    change.council_voted_on = voted_on
    change.votes_for, change.votes_against, change.votes_abstained = votes_for, votes_against, votes_abstained
    change.meeting_reference = clean_text(meeting_reference)
    change.save(
        update_fields=[
            "status",
            "council_voted_on",
            "votes_for",
            "votes_against",
            "votes_abstained",
            "meeting_reference",
            "updated_at",
        ]
    )
    audit.record(
        actor=by,
        verb="rules_change.council_voted",
        target=change,
        council_id=change.council_id,
        changes=audit.changed(
            status=(before, change.status),
            votes=(None, f"{votes_for}-{votes_against}-{votes_abstained}"),
            voted_on=(None, voted_on.isoformat()),
            meeting_reference=(None, change.meeting_reference),
        ),
    )
    return change


@transaction.atomic
def rules_change_board_adopt(
    *,
    change: RulesChange,
    adopted_on: datetime.date,
    decision_reference: str,
    decision_url: str = "",
    by: User | None,
) -> RulesOfProcedure:
    """The board adopts a change the council endorsed (R8, last step): only now a new version exists, in
    force from the proposed date."""
    change = _lock_change(change)
    if change.status != RulesChange.Status.COUNCIL_ADOPTED:
        raise RuleViolation(
            _(
                "Kommunalbestyrelsen kan kun vedtage en ændring, som rådet har stemt for (integrationsloven § 42, stk. 6)."
            )
        )
    assert change.council_voted_on is not None
    if adopted_on < change.council_voted_on:
        raise RuleViolation(
            [rules.Violation("adopted_on", _("Kommunalbestyrelsen kan ikke vedtage ændringen før rådets afstemning."))]
        )
    version = rules_adopt_with_decision(
        council=change.council,
        settings=change.proposed_settings,
        in_force_from=change.in_force_from,
        adopted_on=adopted_on,
        decision_reference=decision_reference,
        decision_url=decision_url,
        change_summary=change.change_summary,
        change_summary_en=translations.translated(change, "change_summary", ENGLISH),
        council_endorsed_on=change.council_voted_on,
        by=by,
    )
    change.status = RulesChange.Status.BOARD_ADOPTED
    change.adopted_version = version
    change.save(update_fields=["status", "adopted_version", "updated_at"])
    audit.record(
        actor=by,
        verb="rules_change.board_adopted",
        target=change,
        council_id=change.council_id,
        changes=audit.changed(
            status=(RulesChange.Status.COUNCIL_ADOPTED, change.status),
            version=(None, version.version),
            decision=(None, str(version.decision)),
        ),
    )
    return version
