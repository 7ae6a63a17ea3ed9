"""Erase registrants' name, e-mail, phone and needs `event_registration_retention_days` after the event (the
rules of procedure in force); the counts stay. Run it daily. Idempotent; each run that erased something is in
the audit journal with a count only."""

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_date

from raad.community.services.events import registrations_erase_expired


class Command(BaseCommand):
    help = "Erase personal data in event registrations after the retention period in the rules of procedure."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args, today=None, **options):
        erased = registrations_erase_expired(today=parse_date(today) if today else None)
        self.stdout.write(f"Erased the personal data of {erased} event registration(s).")
