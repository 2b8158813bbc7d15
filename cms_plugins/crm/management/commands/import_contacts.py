"""python manage.py import_contacts FILE [--dry-run] [--skip-invalid] [--rejects OUT]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ...exporting import rejects_bytes
from ...reading import UnreadableFile
from ...services import run_import


class Command(BaseCommand):
    help = "Import organisations and people from a CSV or XLSX file, with the same rules as the admin."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8, UTF-8 with BOM or Windows-1251; , ; or tab) or XLSX")
        parser.add_argument("--dry-run", action="store_true", help="Check and count, write nothing.")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Import the valid rows even when some rows are invalid."
        )
        parser.add_argument("--rejects", metavar="OUT", help="Write the invalid rows with their errors to this file.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        try:
            result, _log = run_import(
                data,
                file_name=path.name,
                skip_invalid=options["skip_invalid"],
                dry_run=options["dry_run"],
                channel="command",
            )
        except UnreadableFile as error:
            raise CommandError(f"{path.name}: {error}") from error
        for message in result.file_errors:
            self.stderr.write(f"{path.name}: {message}")
        for row in result.invalid_rows:
            for column, message in row.errors:
                where = f", {column}" if column else ""
                self.stderr.write(
                    _("line %(line)s%(where)s: %(message)s") % {"line": row.line, "where": where, "message": message}
                )
        if options["rejects"] and result.invalid_rows:
            out = Path(options["rejects"])
            file_format = "csv" if out.suffix.lower() in {".csv", ".txt"} else "xlsx"
            out.write_bytes(rejects_bytes(result, file_format))
        self.stdout.write(result.summary())
        if result.has_errors and not result.imported and not (options["dry_run"] and options["skip_invalid"]):
            if options["dry_run"]:
                raise CommandError(_("The file has invalid rows."))
            raise CommandError(_("Nothing was imported because of invalid rows."))
