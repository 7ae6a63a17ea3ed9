"""Erase inquiries' personal data once the rules of procedure's retention periods have passed (R35): the
sender's details after `inquiry_retention_months`, an individual case's text after
`individual_case_retention_months` from its referral.

Run it daily (cron or a scheduled task). Idempotent; each run that erased something is in the audit journal
with counts only.
"""

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_date

from raad.dialogue.services.inquiries import inquiries_erase_expired


class Command(BaseCommand):
    help = "Erase personal data in inquiries after the retention periods in the rules of procedure."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args, today=None, **options):
        day = parse_date(today) if today else None
        details, texts = inquiries_erase_expired(today=day)
        self.stdout.write(f"Erased the details of {details} inquiry(ies) and the text of {texts} individual case(s).")
