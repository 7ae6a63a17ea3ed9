"""A workspace page with one form that creates or changes one record through one service (volunteering and
media). Invalid input or a refusal shows the form again with the errors, status 400; nothing is written."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from raad.core import workspace
from raad.core.errors import RuleViolation


class FormPage(workspace.CouncilView):
    form_class: Any = None
    template = "community/volunteering/form.html"
    with_council = True  # the form takes `council=`
    model: Any = None

    def find(self, pk: int) -> Any:  # pragma: no cover - overridden where a page edits a record
        raise NotImplementedError

    def get_object(self) -> Any:
        pk = self.kwargs.get("pk")
        if pk is None:
            return None
        try:
            return self.find(pk)
        except self.model.DoesNotExist:
            raise Http404(_("Siden findes ikke.")) from None

    def initial(self, obj: Any) -> dict:
        return {}

    def title(self, obj: Any) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def save(self, obj: Any, data: dict) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def message(self, obj: Any) -> str:
        return _("Gemt.")

    def done_url(self, saved: Any) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def more_context(self, obj: Any) -> dict:
        return {}

    def make_form(self, data=None, obj=None):
        kwargs = {"council": self.council} if self.with_council else {}
        if data is None:
            kwargs["initial"] = self.initial(obj) if obj is not None else self.initial_new()
        return self.form_class(data, **kwargs) if data is not None else self.form_class(**kwargs)

    def initial_new(self) -> dict:
        return {}

    def render_form(self, form, obj, status=200):
        title = self.title(obj)
        return self.page(
            self.template,
            {
                "form": form,
                "object": obj,
                "page_title": title,
                "crumbs": self.crumbs((title, None)),
                **self.more_context(obj),
            },
            status=status,
        )

    def get(self, request, slug, pk=None):
        obj = self.get_object()
        return self.render_form(self.make_form(obj=obj), obj)

    def post(self, request, slug, pk=None):
        obj = self.get_object()
        form = self.make_form(request.POST, obj)
        if form.is_valid():
            try:
                saved = self.save(obj, form.cleaned_data)
            except RuleViolation as violation:
                violation.add_to_form(form)
            else:
                messages.success(request, self.message(obj))
                return redirect(self.done_url(saved))
        return self.render_form(form, obj, status=400)
