"""Topics: the secretariat's workspace (list, create, edit, put on the agenda, link a statement, register what
the board did) and the public "I sagde – vi gjorde" pages (only through `public_…` selectors)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core import workspace
from raad.core.errors import RuleViolation
from raad.core.i18n import citizen_page, shown_texts
from raad.core.pagination import paginate
from raad.core.translations import localized
from raad.core.workspace import council_for, public_crumbs
from raad.dialogue import forms
from raad.dialogue.models import Topic
from raad.dialogue.selectors import topics as selectors
from raad.dialogue.services import topics as services

# --- Workspace ---------------------------------------------------------------------------------------------


class TopicsPageView(workspace.CouncilView):
    perm = "dialogue.view_topics"
    section = (gettext_lazy("Emner"), "dialogue:topics")

    def topic_or_404(self, number: int) -> Topic:
        try:
            return selectors.topic_for_workspace(self.council, number)
        except Topic.DoesNotExist:
            raise Http404(_("Emnet findes ikke.")) from None

    def render_topic(self, topic: Topic, *, status: int = 200, errors=(), **forms_given):
        can_manage = self.request.user.has_perm("dialogue.manage_topics", self.council)
        context = {
            "topic": topic,
            "can_manage": can_manage,
            "inquiries": list(selectors.topic_inquiries(topic)) if can_manage else [],
            "crumbs": self.crumbs((f"{topic.number}. {topic.title}", None)),
            "errors": list(errors),
        }
        if can_manage and topic.status != Topic.Status.CLOSED:
            context["statement_form"] = forms_given.get("statement_form") or forms.StatementLinkForm(
                council=self.council
            )
            context["outcome_form"] = forms_given.get("outcome_form") or forms.OutcomeForm(
                initial={"outcome": topic.outcome, "outcome_on": topic.outcome_on}
            )
        return self.page("dialogue/topics/topic.html", context, status=status)


class TopicsView(TopicsPageView):
    def get(self, request, slug):
        status = request.GET.get("status") or None
        if status not in Topic.Status.values:
            status = None
        return self.page(
            "dialogue/topics/list.html",
            {
                "topics": selectors.topics_for_workspace(self.council, status),
                "statuses": Topic.Status.choices,
                "status": status,
                "can_manage": request.user.has_perm("dialogue.manage_topics", self.council),
                "crumbs": self.crumbs(),
            },
        )


class TopicNewView(TopicsPageView):
    perm = "dialogue.manage_topics"

    def form_page(self, form, status=200, errors=()):
        return self.page(
            "dialogue/topics/form.html",
            {"form": form, "crumbs": self.crumbs((_("Nyt emne"), None)), "errors": list(errors)},
            status=status,
        )

    def get(self, request, slug):
        return self.form_page(forms.TopicForm(council=self.council))

    def post(self, request, slug):
        form = forms.TopicForm(request.POST, council=self.council)
        if form.is_valid():
            try:
                topic = services.topic_create(council=self.council, by=request.user, **form.cleaned_data)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Emnet er oprettet."))
                return redirect("dialogue:topic_workspace", slug=slug, number=topic.number)
        return self.form_page(form, status=400)


class TopicEditView(TopicsPageView):
    perm = "dialogue.manage_topics"

    def form_page(self, topic, form, status=200):
        return self.page(
            "dialogue/topics/form.html",
            {
                "form": form,
                "topic": topic,
                "crumbs": self.crumbs(
                    (
                        f"{topic.number}. {topic.title}",
                        reverse("dialogue:topic_workspace", args=[topic.council.slug, topic.number]),
                    ),
                    (_("Rediger"), None),
                ),
            },
            status=status,
        )

    def get(self, request, slug, number):
        topic = self.topic_or_404(number)
        initial = {
            "title": topic.title,
            "summary": topic.summary,
            "purposes": list(topic.purposes.all()),
            "raised_elsewhere_count": topic.raised_elsewhere_count,
            "published": topic.published,
        }
        return self.form_page(topic, forms.TopicForm(council=self.council, initial=initial))

    def post(self, request, slug, number):
        topic = self.topic_or_404(number)
        form = forms.TopicForm(request.POST, council=self.council)
        if form.is_valid():
            try:
                services.topic_update(topic=topic, data=form.cleaned_data, by=request.user)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, _("Emnet er gemt."))
                return redirect("dialogue:topic_workspace", slug=slug, number=topic.number)
        return self.form_page(topic, form, status=400)


class TopicView(TopicsPageView):
    def get(self, request, slug, number):
        return self.render_topic(self.topic_or_404(number))


class TopicAction(workspace.ActionView, TopicsPageView):
    perm = "dialogue.manage_topics"
    form_name = ""

    def load(self):
        self.topic = self.topic_or_404(self.kwargs["number"])

    def success_url(self):
        return reverse("dialogue:topic_workspace", args=[self.council.slug, self.topic.number])

    def invalid(self, form, errors):
        given = {self.form_name: form} if self.form_name else {}
        return self.render_topic(self.topic, status=400, errors=errors, **given)


class PlaceOnAgendaView(TopicAction):
    def act(self, data):
        self.item = services.topic_place_on_agenda(topic=self.topic, by=self.request.user)

    def success_message(self):
        from django.utils import formats, timezone

        return _("Emnet er sat på dagsordenen for mødet %(date)s som punkt %(position)s.") % {
            "date": formats.date_format(timezone.localtime(self.item.meeting.starts_at), "DATE_FORMAT"),
            "position": self.item.position,
        }


class MarkDiscussedView(TopicAction):
    success = gettext_lazy("Emnet er registreret som drøftet.")

    def act(self, data):
        services.topic_mark_discussed(topic=self.topic, by=self.request.user)


class StatementLinkView(TopicAction):
    form_name = "statement_form"
    success = gettext_lazy("Udtalelsen er knyttet til emnet.")

    def make_form(self, data, files):
        return forms.StatementLinkForm(data, council=self.council)

    def act(self, data):
        services.topic_statement_link(topic=self.topic, statement=data["statement"], by=self.request.user)


class OutcomeView(TopicAction):
    form_class = forms.OutcomeForm
    form_name = "outcome_form"
    success = gettext_lazy("Opfølgningen er registreret.")

    def act(self, data):
        services.topic_outcome_register(
            topic=self.topic, outcome=data["outcome"], outcome_on=data["outcome_on"], by=self.request.user
        )


class CloseView(TopicAction):
    success = gettext_lazy("Emnet er afsluttet.")

    def act(self, data):
        services.topic_close(topic=self.topic, by=self.request.user)


# --- Public: "I sagde – vi gjorde" ------------------------------------------------------------------------


def _section():
    return _("I sagde – vi gjorde")


@citizen_page
def public_list(request, slug):
    council = council_for(request, slug)
    return render(
        request,
        "dialogue/topics/public_list.html",
        {
            "council": council,
            "page": paginate(request, selectors.public_topics(council)),
            "crumbs": public_crumbs(council, (_section(), None)),
        },
    )


@citizen_page
def public_detail(request, slug, number):
    council = council_for(request, slug)
    try:
        public = selectors.public_topic(council, number)
    except Topic.DoesNotExist:
        raise Http404(_("Emnet findes ikke eller er ikke offentligt.")) from None
    return render(
        request,
        "dialogue/topics/public_detail.html",
        {
            "council": council,
            "public": public,
            "topic": public.topic,
            "shown": shown_texts([(public.topic, field) for field in ("title", "summary", "outcome")]),
            "crumbs": public_crumbs(
                council,
                (_section(), reverse("dialogue:public_topics", args=[slug])),
                (localized(public.topic, "title"), None),
            ),
        },
    )
