"""Undo a user's binding to their identity at the municipal single sign-on provider (docs/sso.md): for a person
who got a new account there. Their next login through the provider is matched by the claim and bound anew."""

from django.core.management.base import BaseCommand, CommandError

from raad.core import services
from raad.core.models import User


class Command(BaseCommand):
    help = "Unbind a user from their identity at the single sign-on provider (journalled)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        count = services.sso_identity_unbind(user=user)
        if not count:
            raise CommandError(f"{username} is not bound to an identity at the provider.")
        self.stdout.write(f"{username}: {count} binding(s) removed; the next login through the provider binds anew.")
