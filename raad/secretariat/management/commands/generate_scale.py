"""Generate a national installation of test data: `manage.py generate_scale --tier demo|100x|denmark`.

A test and benchmark data tool (docs/scale.md): rows are bulk-inserted, never written through the services, so
nothing is audited, mailed or checked against the rules. Deterministic from `--seed`. It refuses a database that
already has councils unless `--force`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from raad.councils.models import Council
from raad.testing.scale.build import generate
from raad.testing.scale.tiers import TIERS


class Command(BaseCommand):
    help = "Generate a national installation of test data (demo, 100x or denmark) by bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--tier", choices=sorted(TIERS), default="demo")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--years", type=int, help="calendar years up to this one (default: the tier's)")
        parser.add_argument(
            "--fraction", type=float, help="build this share of the tier's municipalities (e.g. 0.02), at least one"
        )
        parser.add_argument("--no-index", action="store_true", help="do not rebuild the search index at the end")
        parser.add_argument("--force", action="store_true", help="run even if the database already has councils")

    def handle(self, *args, tier: str, seed: int, years: int | None, fraction: float | None, **options):
        if fraction is not None and not 0 < fraction <= 1:
            raise CommandError("--fraction must be above 0 and at most 1.")
        if years is not None and years < 1:
            raise CommandError("--years must be at least 1.")
        if Council.objects.exists() and not options["force"]:
            raise CommandError("The database already has councils; use --force to add a generated installation.")
        chosen = TIERS[tier].scaled(fraction=fraction, years=years)
        self.stdout.write(
            f"Generating {chosen.name}: {chosen.municipalities} municipalities × 4 councils × {chosen.years} years, "
            f"seed {seed}"
        )
        result = generate(
            chosen, seed=seed, index=not options["no_index"], progress=lambda s: self.stdout.write(f"  {s}")
        )
        width = max(len(t) for t in result.counts)
        for table in sorted(result.counts):
            self.stdout.write(f"{table:{width}}  {result.counts[table]:>10,}  {result.seconds.get(table, 0):8.1f} s")
        if result.index:
            self.stdout.write("search index: " + ", ".join(f"{kind} {n:,}" for kind, n in result.index.items()))
        self.stdout.write(f"paragraphs of text: {result.paragraphs:,}")
        self.stdout.write(self.style.SUCCESS(f"Done in {result.total_seconds:.1f} s."))
