"""Load the demo data set: every installed app may contribute a `demo.py` with `load(state)`.

Safe to run twice: each app's loader returns early when its data is already there.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from raad.core import mail


class Command(BaseCommand):
    help = "Load the Holbæk demo council with fictional people and print the demo logins."

    def handle(self, *args, **options):
        state: dict = {"logins": [], "notes": []}
        with transaction.atomic(), mail.suppressed():  # the demo describes the past: nobody is mailed
            for config in apps.get_app_configs():
                if not config.name.startswith("raad.") or find_spec(f"{config.name}.demo") is None:
                    continue
                import_module(f"{config.name}.demo").load(state)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        if state["logins"]:
            self.stdout.write(f"\nDemo logins (password for all: {state.get('password', '')}):")
            for username, role in state["logins"]:
                self.stdout.write(f"  {username:<16} {role}")
        for note in state["notes"]:
            self.stdout.write(note)
