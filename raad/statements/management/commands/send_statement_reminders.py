"""Send the reminders about consultation deadlines and written procedures that are due today.

Idempotent: run it as often as you like (e.g. every hour from cron); each reminder goes out once.
"""

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_date

from raad.statements.services import reminders_send


class Command(BaseCommand):
    help = "Send due reminders for consultation deadlines and written procedures (each once)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD); for catching up.")

    def handle(self, *args, date=None, **options):
        on = parse_date(date) if date else None
        sent = reminders_send(on=on)
        for key in sent:
            self.stdout.write(f"sent {key}")
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} reminder(s) sent."))
