"""Load the national figures of Det nationale integrationsbarometer (shipped in raad/effort/data/) into the
indicators of every council, or of the councils named. Idempotent: run again, nothing changes."""

from django.core.management.base import BaseCommand, CommandError

from raad.core.errors import RuleViolation
from raad.councils.models import Council
from raad.effort import services


class Command(BaseCommand):
    help = "Indlæs integrationsbarometerets tal for hele landet (raad/effort/data/) i rådenes indikatorer."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="rådenes slugs (alle råd, der ikke er arkiveret, hvis ingen)")

    def handle(self, *args, slugs, **options):
        councils = Council.objects.filter(archived_at__isnull=True).order_by("pk")
        if slugs:
            councils = councils.filter(slug__in=slugs)
            missing = sorted(set(slugs) - set(councils.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"Unknown or archived council: {', '.join(missing)}")
        for council in councils:
            try:
                result = services.barometer_national_load(council=council, by=None)
            except RuleViolation as error:
                raise CommandError("; ".join(error.messages)) from None
            self.stdout.write(
                f"{council.slug}: {result.created} new, {result.updated} changed, {result.unchanged} unchanged values"
            )
