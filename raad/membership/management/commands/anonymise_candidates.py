"""Anonymise candidates who were not appointed once the rules' retention period has passed (R35).

Run it daily (cron or a scheduled task). Idempotent; every anonymisation is in the audit journal.
"""

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_date

from raad.membership.services import candidates_anonymise_expired


class Command(BaseCommand):
    help = "Anonymise personal data of candidates who were not appointed, after the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args, today=None, **options):
        day = parse_date(today) if today else None
        count = candidates_anonymise_expired(today=day)
        self.stdout.write(f"Anonymised {count} nomination(s).")
