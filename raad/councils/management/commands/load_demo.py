"""Load the demo data set: Holbæk's council, then each app's demo story in order (raad/councils/demo.py).

Safe to run twice: each story returns early when its data is already there. The dates follow today.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from raad.core import mail, search
from raad.councils.demo import demo_load


class Command(BaseCommand):
    help = "Load the Holbæk demo council with fictional people and print the demo logins."

    def handle(self, *args, **options):
        with transaction.atomic(), mail.suppressed():  # the demo describes the past: nobody is mailed
            context = demo_load(today=timezone.localdate())
            search.rebuild()  # the demo searches at once (raad.core.search)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        if context.logins:
            self.stdout.write(f"\nDemo logins (password for all: {context.password}):")
            for username, role in context.logins:
                self.stdout.write(f"  {username:<16} {role}")
        for note in context.notes:
            self.stdout.write(note)
