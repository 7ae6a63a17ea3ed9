"""Back up the database and every uploaded file into a new directory, with a checksum manifest (docs/backup.md).

Safe while the server runs: `manage.py backup /srv/backup/raad-$(date +%F)`. Exits non-zero on failure.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raad.core import backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into DIRECTORY (new or empty), with manifest.json."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        try:
            manifest = backup.make_backup(directory)
        except (backup.BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        self.stdout.write(
            f"Backup written to {directory}: {manifest.dump['vendor']} database, {len(manifest.files)} files."
        )
