"""Mail registrants a reminder `event_reminder_days` before their event (the rules of procedure in force).

Run it daily (cron or a scheduled task). Idempotent: each registration gets one reminder, however often it runs.
"""

from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_date

from raad.community.services.events import event_reminders_send


class Command(BaseCommand):
    help = "Send reminders to the registrants of upcoming events."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="act as if today were this date (YYYY-MM-DD)")

    def handle(self, *args, today=None, **options):
        sent = event_reminders_send(today=parse_date(today) if today else None)
        self.stdout.write(f"Queued {sent} event reminder(s).")
