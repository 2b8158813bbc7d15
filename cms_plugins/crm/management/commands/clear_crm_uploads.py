"""python manage.py clear_crm_uploads [--hours 24]: remove uploads never confirmed.

An upload waits in shared storage between the preview and the confirm; a coordinator
who closes the tab leaves it behind. Run this daily (cron or a scheduled task).
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from ...services import import_storage
from ...views import ImportTmpStorage


class Command(BaseCommand):
    help = "Delete contact-import uploads older than --hours that were never confirmed."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, **options):
        storage = import_storage()
        folder = ImportTmpStorage().MEDIA_FOLDER
        limit = timezone.now() - timedelta(hours=options["hours"])
        try:
            _dirs, files = storage.listdir(folder)
        except FileNotFoundError:
            files = []
        removed = 0
        for name in files:
            path = f"{folder}/{name}"
            if storage.get_modified_time(path) < limit:
                storage.delete(path)
                removed += 1
        self.stdout.write(_("%(n)s old uploads removed.") % {"n": removed})
