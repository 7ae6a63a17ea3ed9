"""The secretariat's translation pages: content translations and easy-read Danish (docs/translations.md).

- the overview (`oversaettelser/`): counts missing / draft / reviewed / outdated per model, field and
  language, the texts themselves filtered by language and status, export and import of a PO file;
- the edit page of one object in one language: the Danish source (with its LIX) beside each translation.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raad.core import readability, translation_desk, workspace
from raad.core.translations import EASY_READ
from raad.secretariat.forms import (
    TranslationEditForm,
    TranslationExportForm,
    TranslationFilterForm,
    TranslationImportForm,
)

ITEMS_SHOWN = 300  # texts listed on the overview at most (the counts cover all of them)


class TranslationsView(workspace.CouncilView):
    """The overview, and the import (POST: a PO file from the translator)."""

    perm = "secretariat.translate"

    def _render(self, *, import_form=None, result=None, status=200):
        council = self.council
        languages = translation_desk.council_languages(council)
        filters = TranslationFilterForm(self.request.GET or None, languages=languages)
        language = status_filter = ""
        if filters.is_bound and filters.is_valid():
            language, status_filter = filters.cleaned_data["sprog"], filters.cleaned_data["status"]
        shown_languages = [language] if language else languages
        found = translation_desk.items(council, shown_languages)
        listed = [item for item in found if not status_filter or item.status == status_filter]
        return self.page(
            "secretariat/translations.html",
            {
                "filters": filters,
                "summary": translation_desk.summary(found, shown_languages),
                "statuses": translation_desk.STATUSES,
                "items": listed[:ITEMS_SHOWN],
                "items_count": len(listed),
                "items_cut": len(listed) > ITEMS_SHOWN,
                "export_form": TranslationExportForm(languages=languages, initial={"sprog": language or None}),
                "import_form": import_form or TranslationImportForm(),
                "result": result,
                "crumbs": self.crumbs((_("Oversættelser"), None)),
            },
            status=status,
        )

    def get(self, request, slug):
        return self._render()

    def post(self, request, slug):
        form = TranslationImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(import_form=form, status=400)
        result = translation_desk.po_import(
            content=form.cleaned_data["fil"].read(), council=self.council, actor=request.user
        )
        if result.imported or result.unchanged or result.untranslated:
            messages.success(
                request,
                _("%(imported)s oversættelser er gemt, %(unchanged)s var uændrede og %(empty)s uoversatte.")
                % {"imported": result.imported, "unchanged": result.unchanged, "empty": result.untranslated},
            )
        if result.errors:
            return self._render(result=result, status=400)
        return redirect("secretariat:translations", slug=self.council.slug)


class TranslationExportView(workspace.CouncilView):
    """The PO file of one language, for a professional translator."""

    perm = "secretariat.translate"

    def get(self, request, slug):
        languages = translation_desk.council_languages(self.council)
        form = TranslationExportForm(request.GET, languages=languages)
        if not form.is_valid():
            messages.error(request, _("Vælg et af rådets sprog."))
            return redirect("secretariat:translations", slug=self.council.slug)
        language = form.cleaned_data["sprog"]
        content = translation_desk.po_export(council=self.council, language=language)
        response = HttpResponse(content, content_type="text/x-gettext-translation; charset=utf-8")
        filename = f"{slugify(self.council.slug)}-{language}.po"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class TranslationEditView(workspace.CouncilView):
    """One object's translatable fields in one language, each beside its Danish source."""

    perm = "secretariat.translate"

    def _load(self, model: str, pk: str, language: str):
        if language not in translation_desk.council_languages(self.council):
            raise Http404(_("Rådets tekster oversættes ikke til det sprog."))
        found = translation_desk.object_for(self.council, model, pk)
        if found is None:
            raise Http404(_("Teksten findes ikke."))
        self.entry, self.obj = found
        self.language = language
        self.items = translation_desk.items(
            self.council, [language], entries=[self.entry], objects={self.entry.model: [self.obj]}
        )

    def _form(self, data=None):
        model = self.entry.model
        fields = [
            (
                item.field,
                item.field_label,
                model._meta.get_field(item.field).get_internal_type() == "TextField",
            )
            for item in self.items
        ]
        initial = {}
        for item in self.items:
            if item.row is not None:
                initial[item.field] = item.row.text
                initial[f"{item.field}__status"] = item.row.status
        return TranslationEditForm(data, fields=fields, language=self.language, initial=initial)

    def _render(self, form, status=200):
        council = self.council
        rows = [
            {
                "item": item,
                "field": form[item.field],
                "status_field": form[f"{item.field}__status"],
                "lix": readability.describe(item.source),
                "lix_id": f"source_{item.field}_lix",
            }
            for item in self.items
        ]
        other_languages = [
            (code, translation_desk.language_label(code))
            for code in translation_desk.council_languages(council)
            if code != self.language
        ]
        return self.page(
            "secretariat/translation_edit.html",
            {
                "form": form,
                "rows": rows,
                "obj": self.obj,
                "entry": self.entry,
                "model_key": translation_desk.model_key(self.entry.model),
                "language": self.language,
                "language_label": translation_desk.language_label(self.language),
                "text_lang": "da" if self.language == EASY_READ else self.language,
                "is_easy_read": self.language == EASY_READ,
                "other_languages": other_languages,
                "crumbs": self.crumbs(
                    (_("Oversættelser"), reverse("secretariat:translations", args=[council.slug])),
                    (str(self.obj), None),
                ),
            },
            status=status,
        )

    def get(self, request, slug, model, pk, language):
        self._load(model, pk, language)
        return self._render(self._form())

    def post(self, request, slug, model, pk, language):
        self._load(model, pk, language)
        form = self._form(request.POST)
        if not form.is_valid():
            return self._render(form, status=400)
        changed = translation_desk.translations_save(
            obj=self.obj, language=language, values=form.values(), actor=request.user, council_id=self.council.pk
        )
        if changed:
            messages.success(
                request,
                _("Oversættelsen til %(language)s er gemt.") % {"language": translation_desk.language_label(language)},
            )
        else:
            messages.info(request, _("Der var ingen ændringer at gemme."))
        return redirect(
            "secretariat:translation_edit",
            slug=self.council.slug,
            model=translation_desk.model_key(self.entry.model),
            pk=self.obj.pk,
            language=language,
        )
