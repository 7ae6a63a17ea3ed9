"""Send every queued e-mail that is due: retries after a failure, and mail whose delivery task never ran.

Idempotent (a sent mail is never sent again; a mail another worker holds is skipped): run it from cron
every few minutes beside the task worker, e.g. `*/5 * * * * manage.py deliver_mail`.
"""

from django.core.management.base import BaseCommand

from raad.core import mail


class Command(BaseCommand):
    help = "Send (or retry) every queued e-mail that is due."

    def handle(self, *args, **options):
        sent = mail.deliver_due()
        self.stdout.write(f"{sent} e-mails sent.")
