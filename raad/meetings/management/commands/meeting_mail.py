"""Queue the item-deadline reminders that are due, then send every queued e-mail that is due (retrying
earlier failures; the same as `deliver_mail`). Idempotent: run it from cron as often as you like.
Links in the mails are built from SITE_URL."""

import datetime

from django.core.management.base import BaseCommand

from raad.core import mail
from raad.meetings import services


class Command(BaseCommand):
    help = "Queue item-deadline reminders and send (or retry) queued e-mails."

    def add_arguments(self, parser):
        parser.add_argument(
            "--lead-days",
            type=int,
            default=3,
            help="remind members this many days before the item deadline (default 3)",
        )

    def handle(self, *args, lead_days: int, **options):
        queued = services.item_deadline_reminders_queue(lead=datetime.timedelta(days=lead_days))
        sent = mail.deliver_due()
        self.stdout.write(f"{queued} reminders queued, {sent} e-mails sent.")
