"""The public archive. Everything here comes from `public_…` selectors; no login needed (R3)."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raad.core.i18n import shown_texts
from raad.core.pagination import paginate
from raad.core.translations import localized
from raad.core.workspace import council_for, public_crumbs
from raad.statements import forms, selectors
from raad.statements.models import ConsultationDocument, Statement


def archive(request, slug):
    council = council_for(request, slug)
    facets = selectors.public_archive_facets(council)
    form = forms.ArchiveFilterForm(request.GET or None, facets=facets)
    filters = selectors.ArchiveFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.ArchiveFilters(
            year=data["aar"], committee=data["udvalg"], purpose=data["formaal"], kind=data["type"] or None
        )
    page = paginate(request, selectors.public_statements(council, filters))
    page.object_list = selectors.with_translations(page.object_list)
    return render(
        request,
        "statements/public/archive.html",
        {
            "council": council,
            "form": form,
            "page": page,
            "filtered": any([filters.year, filters.committee, filters.purpose, filters.kind]),
            "crumbs": public_crumbs(council, (_("Høringssvar og udtalelser"), None)),
        },
    )


def detail(request, slug, pk):
    council = council_for(request, slug)
    try:
        public = selectors.public_statement(council, pk)
    except Statement.DoesNotExist:
        raise Http404(_("Udtalelsen findes ikke eller er ikke offentliggjort.")) from None
    return render(
        request,
        "statements/public/detail.html",
        {
            "council": council,
            "public": public,
            "statement": public.statement,
            # Which texts are shown in Danish for want of a translation, or as an unreviewed draft one.
            "shown": shown_texts([(public.statement, "title"), (public.version, "text")]),
            "crumbs": public_crumbs(
                council,
                (_("Høringssvar og udtalelser"), reverse("statements:public_archive", args=[slug])),
                (localized(public.statement, "title"), None),
            ),
        },
    )


def letter(request, slug, pk):
    council = council_for(request, slug)
    try:
        statement = selectors.public_letter(council, pk)
    except Statement.DoesNotExist:
        raise Http404 from None
    return FileResponse(statement.letter.open("rb"), content_type="application/pdf", filename=f"hoeringssvar-{pk}.pdf")


def document(request, slug, pk):
    council = council_for(request, slug)
    try:
        doc = selectors.public_document(council, pk)
    except ConsultationDocument.DoesNotExist:
        raise Http404 from None
    response = FileResponse(
        doc.file.open("rb"), content_type=doc.content_type, filename=doc.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
