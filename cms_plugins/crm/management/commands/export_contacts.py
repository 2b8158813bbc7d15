"""python manage.py export_contacts OUT [--format xlsx|csv]"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from ...exporting import all_rows, export_bytes


class Command(BaseCommand):
    help = "Export every organisation and person to XLSX (default) or CSV (UTF-8 with BOM, ';')."

    def add_arguments(self, parser):
        parser.add_argument("out", help="file to write")
        parser.add_argument("--format", choices=["xlsx", "csv"], help="default: from OUT's extension, else xlsx")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="language of headers and labels")

    def handle(self, *args, **options):
        out = Path(options["out"])
        file_format = options["format"] or ("csv" if out.suffix.lower() == ".csv" else "xlsx")
        with translation.override(options["language"]):
            out.write_bytes(export_bytes(all_rows, file_format, language=options["language"]))
        self.stdout.write(f"{out}: written ({file_format})")
