"""The dialogue log (dialoglog): members and the secretariat record the council's dialogue; list with filters,
CSV export, and a topic made from an entry."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.core.csvexport import csv_response
from raad.core.errors import RuleViolation
from raad.dialogue import forms
from raad.dialogue.models import DialogueEntry
from raad.dialogue.selectors import log as selectors
from raad.dialogue.services import log as services


class LogPageView(workspace.CouncilView):
    perm = "dialogue.view_log"
    section = (gettext_lazy("Dialoglog"), "dialogue:log")

    def entry_or_404(self, pk: int) -> DialogueEntry:
        try:
            return selectors.dialogue_entry(self.council, pk)
        except DialogueEntry.DoesNotExist:
            raise Http404(_("Indførslen findes ikke.")) from None

    def filters(self):
        form = forms.LogFilterForm(self.request.GET or None, years=selectors.dialogue_log_years(self.council))
        year = counterpart = None
        if form.is_bound and form.is_valid():
            year, counterpart = form.cleaned_data["aar"], form.cleaned_data["med"] or None
        return form, year, counterpart


class LogView(LogPageView):
    def get(self, request, slug):
        form, year, counterpart = self.filters()
        query = request.GET.urlencode()
        return self.page(
            "dialogue/log/list.html",
            {
                "form": form,
                "entries": list(selectors.dialogue_entries(self.council, year=year, counterpart=counterpart)),
                "filtered": bool(year or counterpart),
                "query": query,
                "can_record": request.user.has_perm("dialogue.record_log", self.council),
                "can_manage_topics": request.user.has_perm("dialogue.manage_topics", self.council),
                "crumbs": self.crumbs(),
            },
        )


class LogCsvView(LogPageView):
    def get(self, request, slug):
        _form, year, counterpart = self.filters()
        entries = selectors.dialogue_entries(self.council, year=year, counterpart=counterpart)
        header = [
            _("Dato"),
            _("Med hvem"),
            _("Organisation"),
            _("Fra rådet"),
            _("Hvad vi hørte"),
            _("Opfølgning"),
            _("Emner"),
        ]
        rows = [
            [
                entry.held_on.isoformat(),
                entry.get_counterpart_display(),
                entry.organisation,
                ", ".join(f"{p.first_name} {p.last_name}" for p in entry.participants.all()),
                entry.learned,
                entry.follow_up,
                ", ".join(f"{t.number}. {t.title}" for t in entry.topics.all()),
            ]
            for entry in entries
        ]
        name = f"dialoglog-{self.council.slug}{'-' + str(year) if year else ''}.csv"
        return csv_response(filename=name, header=header, rows=rows)


class LogEntryFormView(LogPageView):
    perm = "dialogue.record_log"

    def form_page(self, form, entry=None, status=200, errors=(), topic_form=None):
        title = _("Rediger indførsel") if entry else _("Ny indførsel")
        context = {
            "form": form,
            "entry": entry,
            "crumbs": self.crumbs((title, None)),
            "errors": list(errors),
            "page_title": title,
        }
        if entry is not None and self.request.user.has_perm("dialogue.manage_topics", self.council):
            context["topic_form"] = topic_form or forms.TopicFromEntryForm()
        return self.page("dialogue/log/form.html", context, status=status)

    def entry_form(self, entry: DialogueEntry) -> forms.DialogueEntryForm:
        """The entry's form filled in with what is recorded."""
        initial = {name: getattr(entry, name) for name in services.ENTRY_FIELDS}
        initial.update(participants=list(entry.participants.all()), topics=list(entry.topics.all()))
        return forms.DialogueEntryForm(council=self.council, initial=initial)

    def submit(self, entry: DialogueEntry | None, message: str):
        """Record a new entry (`entry` None) or change one from the form sent; back to the log, or the form with
        what refused it (status 400)."""
        form = forms.DialogueEntryForm(self.request.POST, council=self.council)
        if form.is_valid():
            try:
                if entry is None:
                    services.dialogue_entry_record(council=self.council, by=self.request.user, **form.cleaned_data)
                else:
                    services.dialogue_entry_update(entry=entry, by=self.request.user, **form.cleaned_data)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(self.request, message)
                return redirect("dialogue:log", slug=self.council.slug)
        return self.form_page(form, entry, status=400)


class LogNewView(LogEntryFormView):
    def get(self, request, slug):
        return self.form_page(forms.DialogueEntryForm(council=self.council))

    def post(self, request, slug):
        return self.submit(None, _("Dialogen er skrevet i loggen."))


class LogEditView(LogEntryFormView):
    def get(self, request, slug, pk):
        entry = self.entry_or_404(pk)
        return self.form_page(self.entry_form(entry), entry)

    def post(self, request, slug, pk):
        return self.submit(self.entry_or_404(pk), _("Indførslen er gemt."))


class TopicFromEntryView(workspace.ActionView, LogEntryFormView):
    perm = "dialogue.manage_topics"
    form_class = forms.TopicFromEntryForm

    def load(self):
        self.entry = self.entry_or_404(self.kwargs["pk"])

    def act(self, data):
        self.topic = services.topic_create_from_entry(entry=self.entry, title=data["title"], by=self.request.user)

    def success_message(self):
        return _("Emne nr. %(number)s er oprettet fra dialogen.") % {"number": self.topic.number}

    def success_url(self):
        if getattr(self, "topic", None) is not None:
            return reverse("dialogue:topic_workspace", args=[self.council.slug, self.topic.number])
        return reverse("dialogue:log_edit", args=[self.council.slug, self.entry.pk])

    def invalid(self, form, errors):
        return self.form_page(self.entry_form(self.entry), self.entry, 400, errors, topic_form=form)
