"""Remove the uploaded files of abandoned drafts (never submitted, untouched for N days).

Run it daily (cron or a scheduler). The drafts' answers stay until the site's own
retention rules remove them; only their files, the bulk of the data, go.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms_plugins.multistep import conf
from cms_plugins.multistep.models import Draft, DraftFile


class Command(BaseCommand):
    help = "Delete files of drafts not submitted and untouched for --days days (MULTISTEP_ABANDONED_AFTER_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = conf.get("ABANDONED_AFTER_DAYS") if days is None else days
        drafts = Draft.objects.abandoned(days).filter(files__isnull=False).distinct()
        removed = 0
        for draft in drafts:
            files = list(DraftFile.objects.filter(draft=draft))
            removed += len(files)
            if dry_run:
                continue
            for record in files:
                record.delete_file()
                record.delete()
            data = dict(draft.data or {})
            data["step_files"] = {}
            draft.data = data
            draft.files_removed_at = timezone.now()
            draft.save(update_fields=["data", "files_removed_at"])
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(f"{verb} {removed} file(s) of drafts untouched for {days} days")
