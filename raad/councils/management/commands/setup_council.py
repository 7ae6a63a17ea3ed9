from django.core.management.base import BaseCommand, CommandError

from raad.councils.models import RulesOfProcedure
from raad.councils.presets import PRESETS
from raad.councils.selectors import rules_to_be_confirmed
from raad.councils.services import council_setup_from_preset


class Command(BaseCommand):
    help = "Create a council from a preset (its kommissorium and rules of procedure). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("preset", choices=sorted(PRESETS), help="which council, e.g. holbaek")

    def handle(self, *args, preset: str, **options):
        if preset not in PRESETS:
            raise CommandError(f"Unknown preset {preset!r}.")
        council, created = council_setup_from_preset(preset=PRESETS[preset])
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created {council.name}."))
        else:
            self.stdout.write(f"{council.name} already exists; nothing changed.")
        self.stdout.write(f"Legal basis: {PRESETS[preset]['terms_of_reference']['legal_basis']}")
        version = RulesOfProcedure.objects.filter(council=council).order_by("-version").first()
        examples = rules_to_be_confirmed(version)
        if examples:
            self.stdout.write("Example values, to be confirmed (skal bekræftes) by the municipality:")
            for item in examples:
                self.stdout.write(f"  {item.label} ({item.reference}): {item.value} – skal bekræftes")
