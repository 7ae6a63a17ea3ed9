"""Mail e-mail subscribers the news they asked for (docs/subscriptions.md), and erase the subscriptions
never confirmed within the confirmation period (address and all).

Run it from cron every 15 minutes. Idempotent and safe to run concurrently: a subscriber gets each news item
once. The mails go through the outbox (`deliver_mail` sends what its task did not)."""

from django.core.management.base import BaseCommand

from raad.portal.services.subscriptions import send_news, subscriptions_expire


class Command(BaseCommand):
    help = "Queue subscribers' news mails and erase unconfirmed subscriptions that expired."

    def handle(self, *args, **options):
        expired = subscriptions_expire()
        queued = send_news()
        self.stdout.write(f"Erased {expired} unconfirmed subscription(s); queued {queued} news mail(s).")
