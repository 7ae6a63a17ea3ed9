"""The workspace: a dashboard for everyone with a role, and the secretariat's editing screens."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import audit, desk, translations, workspace
from raad.core.errors import RuleViolation
from raad.core.pagination import paginate
from raad.core.roles import Role, roles_of
from raad.core.translations import localized
from raad.councils import selectors as councils
from raad.councils import services as council_services
from raad.councils.models import Council, Purpose, RulesChange
from raad.councils.rules import SETTING_FIELDS
from raad.meetings import services as meeting_services
from raad.membership import selectors as membership
from raad.secretariat import todo
from raad.secretariat.forms import (
    CitizenLanguagesForm,
    ContactForm,
    PurposeForm,
    RulesChangeAdoptForm,
    RulesChangeProposalForm,
    RulesChangeVoteForm,
    RulesVersionForm,
    TermsOfReferenceForm,
)


def _rules_today(council: Council):
    try:
        return councils.rules_in_force(council)
    except councils.NoRulesInForce:
        return None


DashboardView = todo.DashboardView  # the cross-council desk (raad/secretariat/todo.py)


class CouncilDeskView(workspace.CouncilView):
    """What a person with a role in the council sees first: their seat and term, or the secretariat's desk."""

    perm = "councils.view_workspace"

    def get(self, request, slug):
        return render_desk(self)


def render_desk(view: workspace.CouncilView, errors=(), status: int = 200):
    """The council's desk; `errors`: a refused action of a desk panel, shown at the top (status 400)."""
    request, council = view.request, view.council
    user_roles = roles_of(request.user, council.pk)
    today = timezone.localdate()
    context = {
        "council": council,
        "roles": sorted(Role(r).label for r in user_roles),
        "is_secretariat": Role.SECRETARIAT in user_roles,
        "my_memberships": [m for m in membership.memberships_of_user(request.user) if m.seat.council_id == council.pk],
        "my_substitutions": [
            s for s in membership.substitutions_of_user(request.user) if s.membership.seat.council_id == council.pk
        ],
        "term": councils.current_term(council),
        "rules": _rules_today(council),
        "members_count": membership.memberships_in_force(council, today).count(),
        "crumbs": workspace.workspace_crumbs(None, (localized(council, "name"), None)),
        "desk_panels": desk.panels_for(council, request),
        "desk_areas": desk.areas_for(council, request.user),
        "errors": list(errors),
        "todo": todo.personal_todo(council, request.user, today),
    }
    if context["is_secretariat"]:
        context["recent"] = audit.entries_for_council(council.pk, limit=8)
    return render(request, "secretariat/council.html", context, status=status)


class ChairElectionItemView(workspace.ActionView):
    """From the desk's vacant forperson panel (R25): the election goes on the next planned meeting's agenda."""

    perm = "meetings.manage"

    def act(self, data: dict) -> None:
        self.item = meeting_services.chair_election_item_add(council=self.council, by=self.request.user)

    def success_message(self) -> str:
        return _("Valg af forperson er sat på dagsordenen for mødet %(meeting)s.") % {"meeting": self.item.meeting}

    def success_url(self) -> str:
        if getattr(self, "item", None) is not None:
            return self.item.meeting.get_absolute_url()
        return reverse("secretariat:council", args=[self.council.slug])

    def invalid(self, form, errors):
        return render_desk(self, errors, status=400)


class TermsOfReferenceEditView(workspace.CouncilView):
    perm = "councils.change_terms_of_reference"

    template_name = "secretariat/terms_edit.html"

    def _context(self, council, form, languages_form=None):
        terms = councils.terms_of_reference_for(council)
        return {
            "council": council,
            "form": form,
            "terms": terms,
            "languages_form": languages_form
            or CitizenLanguagesForm(initial={"languages": list(council.citizen_languages or [])}),
            "crumbs": workspace.workspace_crumbs(council, (_("Kommissorium"), None)),
        }

    def get(self, request, slug):
        council = self.council
        form = TermsOfReferenceForm(instance=councils.terms_of_reference_for(council))
        return render(request, self.template_name, self._context(council, form))

    def post(self, request, slug):
        council = self.council
        terms = councils.terms_of_reference_for(council)
        form = TermsOfReferenceForm(request.POST, instance=terms)
        if form.is_valid():
            council_services.terms_of_reference_update(terms=terms, data=form.cleaned_data, by=request.user)
            messages.success(request, _("Kommissoriet er gemt."))
            return redirect("secretariat:terms", slug=council.slug)
        return render(request, self.template_name, self._context(council, form), status=400)


class CitizenLanguagesView(workspace.ActionView):
    """The community languages of the council's citizen pages, set on the kommissorium page."""

    perm = "councils.change_terms_of_reference"
    form_class = CitizenLanguagesForm
    success = gettext_lazy("Sprogene på borgersiderne er gemt.")

    def act(self, data: dict) -> None:
        council_services.council_set_citizen_languages(
            council=self.council, languages=data["languages"], by=self.request.user
        )

    def success_url(self) -> str:
        return reverse("secretariat:terms", args=[self.council.slug])

    def invalid(self, form, errors):
        view = TermsOfReferenceEditView()
        context = view._context(
            self.council, TermsOfReferenceForm(instance=councils.terms_of_reference_for(self.council)), form
        )
        context["errors"] = errors
        return render(self.request, TermsOfReferenceEditView.template_name, context, status=400)


class PurposeEditView(workspace.CouncilView):
    perm = "councils.change_terms_of_reference"

    template_name = "secretariat/purpose_edit.html"

    def _purpose(self, council, number) -> Purpose:
        return get_object_or_404(Purpose, terms_of_reference__council=council, number=number)

    def _render(self, request, council, purpose, form, status=200):
        return render(
            request,
            self.template_name,
            {
                "council": council,
                "purpose": purpose,
                "form": form,
                "crumbs": workspace.workspace_crumbs(
                    council,
                    (_("Kommissorium"), reverse("secretariat:terms", args=[council.slug])),
                    (_("Formål %(n)s") % {"n": purpose.number}, None),
                ),
            },
            status=status,
        )

    def get(self, request, slug, number):
        council = self.council
        purpose = self._purpose(council, number)
        tasks = list(purpose.tasks.all())
        translations.prefetch(tasks, languages=["en"])
        form = PurposeForm(
            instance=purpose,
            initial={
                "tasks": "\n".join(t.text for t in tasks),
                "tasks_en": "\n".join(translations.translated(t, "text", "en") for t in tasks),
            },
        )
        return self._render(request, council, purpose, form)

    def post(self, request, slug, number):
        council = self.council
        purpose = self._purpose(council, number)
        form = PurposeForm(request.POST, instance=purpose)
        if form.is_valid():
            council_services.purpose_update(
                purpose=purpose, data=form.cleaned_data, tasks=form.task_pairs(), by=request.user
            )
            messages.success(request, _("Formål %(n)s er gemt.") % {"n": purpose.number})
            return redirect("secretariat:terms", slug=council.slug)
        return self._render(request, council, purpose, form, status=400)


class RulesListView(workspace.CouncilView):
    perm = "councils.view_workspace"

    def get(self, request, slug):
        council = self.council
        return render(
            request,
            "secretariat/rules_list.html",
            {
                "council": council,
                "versions": councils.rules_version_list(council),
                "to_be_confirmed": councils.rules_to_be_confirmed(_rules_today(council)),
                "can_change": request.user.has_perm("councils.change_rules_of_procedure", council),
                "crumbs": workspace.workspace_crumbs(council, (_("Forretningsorden"), None)),
            },
        )


class RulesNewVersionView(workspace.CouncilView):
    perm = "councils.change_rules_of_procedure"

    template_name = "secretariat/rules_new.html"

    def _render(self, request, council, form, status=200):
        return render(
            request,
            self.template_name,
            {
                "council": council,
                "form": form,
                "crumbs": workspace.workspace_crumbs(
                    council,
                    (_("Forretningsorden"), reverse("secretariat:rules", args=[council.slug])),
                    (_("Ny version"), None),
                ),
            },
            status=status,
        )

    def get(self, request, slug):
        council = self.council
        latest = councils.rules_versions(council).first()
        initial = {}
        if latest is not None:
            initial = {
                name: getattr(latest, name)
                for name in RulesVersionForm._meta.fields
                if name
                not in ("in_force_from", "adopted_on", "council_endorsed_on", "change_summary", "change_summary_en")
            }
        return self._render(request, council, RulesVersionForm(initial=initial))

    def post(self, request, slug):
        council = self.council
        form = RulesVersionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                version = council_services.rules_adopt_with_decision(
                    council=council,
                    settings=form.settings_values(),
                    in_force_from=data["in_force_from"],
                    adopted_on=data["adopted_on"],
                    council_endorsed_on=data.get("council_endorsed_on"),
                    decision_reference=data["decision_reference"],
                    decision_url=data.get("decision_url") or "",
                    change_summary=data.get("change_summary", ""),
                    change_summary_en=data.get("change_summary_en", ""),
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Version %(n)s af forretningsordenen er gemt.") % {"n": version.version})
                return redirect("secretariat:rules", slug=council.slug)
        return self._render(request, council, form, status=400)


class RulesChangesView(workspace.CouncilView):
    """Changes of the rules of procedure (R8): the list, and the secretariat's proposal form."""

    perm = "councils.change_rules_of_procedure"

    def _render(self, form, status=200):
        council = self.council
        return self.page(
            "secretariat/rules_changes.html",
            {
                "changes": councils.rules_changes(council),
                "form": form,
                "crumbs": workspace.workspace_crumbs(
                    council,
                    (_("Forretningsorden"), reverse("secretariat:rules", args=[council.slug])),
                    (_("Ændringer"), None),
                ),
            },
            status=status,
        )

    def get(self, request, slug):
        latest = _rules_today(self.council)
        initial = {name: getattr(latest, name) for name in SETTING_FIELDS} if latest else {}
        return self._render(RulesChangeProposalForm(initial=initial))

    def post(self, request, slug):
        form = RulesChangeProposalForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                change = council_services.rules_change_propose(
                    council=self.council,
                    settings=form.settings_values(),
                    in_force_from=data["in_force_from"],
                    change_summary=data["change_summary"],
                    change_summary_en=data.get("change_summary_en", ""),
                    by=request.user,
                )
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Ændringen er foreslået. Rådet skal nu stemme om den."))
                return redirect("secretariat:rules_change", slug=slug, pk=change.pk)
        return self._render(form, status=400)


class RulesChangeView(workspace.CouncilView):
    """One change: what it proposes, the council's vote, the board's adoption (R8)."""

    perm = "councils.change_rules_of_procedure"

    def get(self, request, slug, pk):
        return render_rules_change(self, pk, RulesChangeVoteForm(), RulesChangeAdoptForm())


def render_rules_change(view, pk, vote_form, adopt_form, errors=(), status=200):
    council = view.council
    try:
        change = councils.rules_change(council, pk)
    except RulesChange.DoesNotExist:
        raise Http404 from None
    return view.page(
        "secretariat/rules_change.html",
        {
            "change": change,
            "vote_form": vote_form,
            "adopt_form": adopt_form,
            "errors": list(errors),
            "crumbs": workspace.workspace_crumbs(
                council,
                (_("Forretningsorden"), reverse("secretariat:rules", args=[council.slug])),
                (_("Ændringer"), reverse("secretariat:rules_changes", args=[council.slug])),
                (str(change), None),
            ),
        },
        status=status,
    )


class _RulesChangeAction(workspace.ActionView):
    perm = "councils.change_rules_of_procedure"

    def load(self) -> None:
        try:
            self.change = councils.rules_change(self.council, self.kwargs["pk"])
        except RulesChange.DoesNotExist:
            raise Http404 from None

    def success_url(self) -> str:
        return reverse("secretariat:rules_change", args=[self.council.slug, self.change.pk])


class RulesChangeVoteView(_RulesChangeAction):
    form_class = RulesChangeVoteForm
    success = _("Rådets afstemning er registreret.")

    def act(self, data: dict) -> None:
        council_services.rules_change_council_vote(change=self.change, by=self.request.user, **data)

    def invalid(self, form, errors):
        return render_rules_change(self, self.change.pk, form, RulesChangeAdoptForm(), errors, status=400)


class RulesChangeAdoptView(_RulesChangeAction):
    form_class = RulesChangeAdoptForm
    success = _("Kommunalbestyrelsens vedtagelse er registreret; den nye version gælder fra den foreslåede dato.")

    def act(self, data: dict) -> None:
        council_services.rules_change_board_adopt(
            change=self.change,
            adopted_on=data["adopted_on"],
            decision_reference=data["decision_reference"],
            decision_url=data.get("decision_url") or "",
            by=self.request.user,
        )

    def invalid(self, form, errors):
        return render_rules_change(self, self.change.pk, RulesChangeVoteForm(), form, errors, status=400)


class ContactEditView(workspace.CouncilView):
    perm = "councils.change_contact"

    template_name = "secretariat/contact_edit.html"

    def _render(self, request, council, form, status=200):
        return render(
            request,
            self.template_name,
            {
                "council": council,
                "form": form,
                "crumbs": workspace.workspace_crumbs(council, (_("Kontaktoplysninger"), None)),
            },
            status=status,
        )

    def get(self, request, slug):
        council = self.council
        return self._render(request, council, ContactForm(instance=council))

    def post(self, request, slug):
        council = self.council
        form = ContactForm(request.POST, instance=council)
        if form.is_valid():
            council_services.council_update_contact(council=council, data=form.cleaned_data, by=request.user)
            messages.success(request, _("Kontaktoplysningerne er gemt."))
            return redirect("secretariat:council", slug=council.slug)
        # The form has written the rejected values into `council`: show the page with the stored ones.
        return self._render(request, workspace.council_for(request, slug), form, status=400)


class AuditJournalView(workspace.CouncilView):
    """The whole journal, 100 entries a page, newest first: nothing is out of reach however long it grows."""

    perm = "councils.view_audit"
    per_page = 100

    def get(self, request, slug):
        council = self.council
        page = paginate(request, audit.journal_for_council(council.pk), per_page=self.per_page)
        return render(
            request,
            "secretariat/audit.html",
            {
                "council": council,
                "entries": page.object_list,
                "page": page,
                "crumbs": workspace.workspace_crumbs(council, (_("Auditjournal"), None)),
            },
        )
