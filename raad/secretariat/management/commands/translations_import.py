"""`manage.py translations_import ar.po`: store a translator's PO file (made by translations_export) as content
translations: `fuzzy` entries as drafts, the others as reviewed; one audit entry per change; all or nothing
on a file that cannot be read (docs/translations.md)."""

from django.core.management.base import BaseCommand, CommandError

from raad.core import po, translation_desk
from raad.councils.models import Council


class Command(BaseCommand):
    help = "Import the translations of a PO file made by translations_export."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the PO file")
        parser.add_argument(
            "--council", help="only accept texts of this council (its slug; default: the file's X-Raad-Council header)"
        )

    def handle(self, *args, path, council=None, **options):
        found = None
        try:
            with open(path, "rb") as handle:
                content = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        if not council:
            try:
                header, _entries = po.read(content.decode("utf-8"))
            except (UnicodeDecodeError, po.POError):
                header = {}  # po_import reports what is wrong with the file
            council = header.get("X-Raad-Council", "")
        if council:
            found = Council.objects.filter(slug=council).first()
            if found is None:
                raise CommandError(f"No council with the slug {council!r}.")
        result = translation_desk.po_import(content=content, council=found)
        for message in result.errors:
            self.stderr.write(str(message))
        self.stdout.write(
            f"{result.imported} imported, {result.unchanged} unchanged, {result.untranslated} untranslated, "
            f"{len(result.errors)} refused."
        )
        if result.errors:
            raise CommandError(f"{len(result.errors)} entries were not imported (see above).")
