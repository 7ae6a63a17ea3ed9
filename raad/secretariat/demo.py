"""Demo: the integration council's annual report for 2026 (moved with the story) as a draft, with the
forperson's introduction and two section comments. Fictional text; the figures are the demo's own data."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from raad.councils.demo import DemoContext
from raad.secretariat.models import AnnualReport
from raad.secretariat.services import annual_report as services

INTRODUCTION = (
    "{year:2026} var året, hvor rådet tog hul på en ny valgperiode. Vi har holdt møderne åbne, svaret på "
    "høringer om integrationspolitikken og mødt foreninger, skoler og jobcentret for at høre, hvad borgerne "
    "oplever.\n\nTak til alle, der har skrevet til os, deltaget i vores arrangementer og givet os deres tid. "
    "Beretningen viser, hvad vi har lavet, og hvad der kom ud af det."
)
COMMENTS = {
    "meetings": "Fremmødet har været højt, også fordi stedfortræderne er blevet indkaldt i god tid.",
    "topics": "Flere emner kom fra borgernes egne henvendelser. Dem vil vi følge op på i {year:2027}.",
}


def load(context: DemoContext) -> None:
    council, calendar = context.council, context.calendar
    year = calendar.year(2026)
    if AnnualReport.objects.filter(council=council, year=year).exists():
        return
    secretary = get_user_model().objects.filter(username="sekretariat").first()
    report = services.annual_report_start(council=council, year=year, by=secretary)
    services.annual_report_comments_update(
        report=report,
        introduction=calendar.text(INTRODUCTION),
        comments={key: calendar.text(text) for key, text in COMMENTS.items()},
        by=secretary,
    )
    context.notes.append(f"Årsberetningen for {year} ligger som udkast med forpersonens forord.")
