"""python manage.py import_contacts FILE [--dry-run] [--skip-invalid] [--rejects OUT]
[--map HEADER=KEY ...] [--ignore HEADER ...];  python manage.py import_contacts --list-columns"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ...background import threshold
from ...columns import DATA_COLUMNS
from ...exporting import rejects_bytes
from ...reading import UnreadableFile, read_table
from ...services import run_import


class Command(BaseCommand):
    help = "Import organisations and people from a CSV or XLSX file, with the same rules as the admin."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="CSV (UTF-8, UTF-8 with BOM or Windows-1251; , ; or tab) or XLSX")
        parser.add_argument("--dry-run", action="store_true", help="Check and count, write nothing.")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Import the valid rows even when some rows are invalid."
        )
        parser.add_argument("--rejects", metavar="OUT", help="Write the invalid rows with their errors to this file.")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADER=KEY",
            help="Read the column HEADER as KEY (see --list-columns); repeat for several columns.",
        )
        parser.add_argument(
            "--ignore", action="append", default=[], metavar="HEADER", help="Leave the column HEADER out; repeatable."
        )
        parser.add_argument("--list-columns", action="store_true", help="Print the column keys with their titles.")

    def handle(self, *args, **options):
        if options["list_columns"]:
            languages = [code for code, _name in settings.LANGUAGES]
            for column in DATA_COLUMNS:
                titles = " | ".join(f"{code}: {column.title(code)}" for code in languages)
                self.stdout.write(f"{column.key:20} {titles}")
            return
        if not options["file"]:
            raise CommandError(_("Give the file to import, or --list-columns."))
        mapping = {}
        for item in options["map"]:
            header, sep, key = item.rpartition("=")
            if not sep or not header.strip() or not key.strip():
                raise CommandError(_("--map takes HEADER=KEY, not “%(item)s”.") % {"item": item})
            mapping[header.strip()] = key.strip()
        for header in options["ignore"]:
            mapping[header.strip()] = ""
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        try:
            table = read_table(data, path.name)
            if table.title:
                self.stdout.write(
                    _("The title “%(title)s” above the table is skipped; the column headers are on line %(line)s.")
                    % {"title": table.title, "line": table.header_line}
                )
            result, _log = run_import(
                None,
                table=table,
                # A big file is imported in batches, keeping only the invalid rows (as the worker does).
                stream=len(table.rows) > threshold(),
                file_name=path.name,
                skip_invalid=options["skip_invalid"],
                dry_run=options["dry_run"],
                channel="command",
                mapping=mapping,
            )
        except UnreadableFile as error:
            raise CommandError(f"{path.name}: {error}") from error
        if result.file_errors:
            raise CommandError("\n".join(f"{path.name}: {message}" for message in result.file_errors))
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
