"""python manage.py clear_crm_uploads [--hours 24] [--rejects-days N]: remove uploads
never confirmed, and rejects files past the retention period.

An upload waits in shared storage between the preview and the confirm; a coordinator
who closes the tab leaves it behind. A rejects file holds the rows of people an import
refused; it is kept for fixing and re-uploading, then expires after
PERSONAL_DATA_RETENTION_DAYS (90 by default). Run this daily (cron or a scheduled task).
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cms_plugins.erasure import retention_days

from ...erasure import REJECTS_FOLDER
from ...import_storage import ImportTmpStorage
from ...models import ImportLog
from ...services import import_storage


class Command(BaseCommand):
    help = "Delete contact-import uploads older than --hours that were never confirmed."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)
        parser.add_argument("--rejects-days", type=int, default=None, help="default: PERSONAL_DATA_RETENTION_DAYS")

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
        days = retention_days() if options["rejects_days"] is None else options["rejects_days"]
        self.stdout.write(_("%(n)s expired rejects files removed.") % {"n": self.expire_rejects(storage, days)})

    def expire_rejects(self, storage, days):
        limit = timezone.now() - timedelta(days=days)
        removed = 0
        for log in ImportLog.objects.filter(created_at__lt=limit).exclude(rejects_file=""):
            storage.delete(log.rejects_file)
            log.rejects_file = ""
            log.save(update_fields=["rejects_file"])
            removed += 1
        try:  # files no log points to any more
            _dirs, files = storage.listdir(REJECTS_FOLDER)
        except FileNotFoundError:
            files = []
        for name in files:
            path = f"{REJECTS_FOLDER}/{name}"
            if storage.get_modified_time(path) < limit:
                storage.delete(path)
                removed += 1
        return removed
