"""The secretariat's access-request page (aktindsigt, R28) and the ZIP downloads of a case and of a year (R34)."""

from __future__ import annotations

from django.http import Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import workspace
from raad.core.pagination import paginate
from raad.secretariat.archive import build, collect, services
from raad.secretariat.archive.writer import stream_zip

PERM = "secretariat.export_archive"


def _zip_response(chunks, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class AccessRequestView(workspace.CouncilView):
    """Choose a case for an access request: the council's consultations, searchable by title or case number."""

    perm = PERM

    def get(self, request, slug):
        query = request.GET.get("q", "").strip()[:100]
        page = paginate(request, collect.consultations_for_access(self.council, query), per_page=50)
        return self.page(
            "secretariat/access.html",
            {
                "query": query,
                "consultations": page.object_list,
                "page": page,
                "years": collect.archive_years(self.council),
                "crumbs": workspace.workspace_crumbs(self.council, (_("Aktindsigt og arkiv"), None)),
            },
        )


class AccessCaseDownloadView(workspace.CouncilView):
    """One ZIP with everything of the case, closed parts under lukket/ and flagged in the manifest."""

    perm = PERM

    def get(self, request, slug, pk):
        consultation = collect.consultation_of(self.council, pk)
        if consultation is None:
            raise Http404
        now = timezone.now()
        services.case_export_record(consultation=consultation, by=request.user)
        case = collect.case_for_access(consultation)
        chunks = stream_zip(build.case_build(case, generated_at=now), generated_at=now)
        return _zip_response(chunks, f"aktindsigt-{self.council.slug}-{consultation.pk}.zip")


class YearArchiveDownloadView(workspace.CouncilView):
    """The council's year for the municipality's archive, streamed member by member."""

    perm = PERM

    def get(self, request, slug, year):
        if not 1900 <= year <= timezone.localdate().year:
            raise Http404
        now = timezone.now()
        services.year_export_record(council=self.council, year=year, by=request.user)
        chunks = stream_zip(build.year_build(self.council, year, generated_at=now), generated_at=now)
        return _zip_response(chunks, f"arkiv-{self.council.slug}-{year}.zip")
