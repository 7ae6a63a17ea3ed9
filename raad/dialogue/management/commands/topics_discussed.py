"""Mark every topic whose meeting has been held as discussed (its inquirers are told once).

Idempotent: run it as often as you like (e.g. every night from cron)."""

from django.core.management.base import BaseCommand

from raad.dialogue.services.topics import topics_discussed_after_meetings


class Command(BaseCommand):
    help = "Topics on the agenda of a held meeting become discussed; their inquirers hear of it once."

    def handle(self, *args, **options):
        moved = topics_discussed_after_meetings()
        for topic in moved:
            self.stdout.write(f"discussed: {topic.council.slug} #{topic.number}")
        self.stdout.write(self.style.SUCCESS(f"{len(moved)} topic(s) marked as discussed."))
