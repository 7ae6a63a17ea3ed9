"""Send meeting e-mails that are due: item-deadline reminders, then every queued mail not yet sent
(retrying earlier failures). Idempotent: run it from cron as often as you like."""

import datetime

from django.core.management.base import BaseCommand

from raad.meetings import notify, services


class Command(BaseCommand):
    help = "Queue item-deadline reminders and send (or retry) queued meeting e-mails."

    def add_arguments(self, parser):
        parser.add_argument(
            "--lead-days",
            type=int,
            default=3,
            help="remind members this many days before the item deadline (default 3)",
        )
        parser.add_argument("--base-url", default="", help="e.g. https://raad.holbaek.dk, for links in the mails")

    def handle(self, *args, lead_days: int, base_url: str, **options):
        queued = services.item_deadline_reminders_queue(lead=datetime.timedelta(days=lead_days), base_url=base_url)
        sent = notify.deliver_pending()
        self.stdout.write(f"{queued} reminders queued, {sent} e-mails sent.")
