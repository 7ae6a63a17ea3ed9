"""python manage.py archive_export <council-slug> <year> --output FILE.zip: the council's year for the archive (R34)."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from raad.councils.models import Council
from raad.secretariat.archive import build, services
from raad.secretariat.archive.writer import write_zip


class Command(BaseCommand):
    help = (
        "Export a council's year (agendas, minutes, decisions, statements, audit journal) as one ZIP for the archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("council", help="the council's slug, e.g. integrationsraadet")
        parser.add_argument("year", help="the year, e.g. 2026")
        parser.add_argument("--output", required=True, help="the ZIP file to write")

    def handle(self, *args, council: str, year: str, output: str, **options):
        found = Council.objects.select_related("municipality").filter(slug=council).first()
        if found is None:
            known = ", ".join(Council.objects.order_by("slug").values_list("slug", flat=True)) or "-"
            raise CommandError(f"Unknown council {council!r}. Known councils: {known}.")
        if not year.isdigit() or not 1900 <= int(year) <= timezone.localdate().year:
            raise CommandError(f"The year must be a year up to this one, such as 2026, not {year!r}.")
        now = timezone.now()
        try:
            with open(output, "wb") as target:
                services.year_export_record(council=found, year=int(year), by=None)
                archive = write_zip(build.year_build(found, int(year), generated_at=now), target, generated_at=now)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        except BaseException:
            if os.path.exists(output):
                os.remove(output)
            raise
        self.stdout.write(f"{output}: {len(archive.entries)} files and manifest.json ({found.slug}, {year}).")
