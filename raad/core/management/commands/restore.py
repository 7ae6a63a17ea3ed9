"""Restore a backup made by `manage.py backup` into this installation (docs/backup.md).

Every checksum is verified before anything is written; an installation that holds data is refused unless
`--force`. `--verify-only` checks the backup and writes nothing. Exits non-zero on failure.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raad.core import backup


class Command(BaseCommand):
    help = "Restore the database and the uploaded files from a backup DIRECTORY (made by `manage.py backup`)."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--force", action="store_true", help="Replace the data of a non-empty installation.")
        parser.add_argument("--verify-only", action="store_true", help="Check the backup's checksums; write nothing.")

    def handle(self, *args, directory: Path, force: bool, verify_only: bool, **options):
        try:
            if verify_only:
                manifest = backup.verify_backup(directory)
                self.stdout.write(f"Backup {directory} is intact: the database and {len(manifest.files)} files.")
                return
            pending = backup.restore_backup(directory, force=force)
        except (backup.BackupError, OSError) as error:
            raise CommandError(f"Restore failed: {error}") from error
        self.stdout.write(f"Restored from {directory}.")
        if pending:
            self.stdout.write(
                f"The backup is older than this code: run `manage.py migrate` ({len(pending)} migrations)."
            )
