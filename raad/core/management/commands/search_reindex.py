"""Rebuild the whole search index from the apps' sources (idempotent; docs/search.md). Schedule it nightly
beside the other commands: it repairs anything a crashed after-commit refresh left behind. One kind at a time,
each in its own transaction, with a line as each is done."""

from django.core.management.base import BaseCommand

from raad.core import search


class Command(BaseCommand):
    help = "Rebuild the search index from every registered source (public content only)."

    def handle(self, *args, **options):
        def progress(kind: str, documents: int, seconds: float) -> None:
            if options["verbosity"] > 0:
                self.stdout.write(f"  {kind}: {documents} documents in {seconds:.1f} s")

        counts = search.rebuild(progress)
        total = sum(counts.values())
        details = ", ".join(f"{kind} {n}" for kind, n in counts.items())
        self.stdout.write(f"search index: {total} documents ({details})")
