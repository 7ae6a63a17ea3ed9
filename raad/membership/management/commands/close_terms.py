"""End memberships of ended terms where members do not continue until successors are appointed (R4).

Run it daily. Idempotent; every ended membership is in the audit journal.
"""

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_date

from raad.membership.services import memberships_close_ended_terms


class Command(BaseCommand):
    help = "End the memberships of terms that are over (when the rules do not let members continue)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args, today=None, **options):
        count = memberships_close_ended_terms(today=parse_date(today) if today else None)
        self.stdout.write(f"Ended {count} membership(s).")
