"""Remove the uploaded files of abandoned drafts (never submitted, untouched for N days),
and abandoned drafts themselves (answers, email) after the retention period.

Run it daily (cron or a scheduler). Files go after MULTISTEP_ABANDONED_AFTER_DAYS (60);
the whole draft after PERSONAL_DATA_RETENTION_DAYS (90): nobody finished it, and what
a person typed is not kept longer than the personal-data notice says.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms_plugins.erasure import retention_days
from cms_plugins.multistep import conf
from cms_plugins.multistep.models import Draft, DraftFile


class Command(BaseCommand):
    help = "Delete files of drafts not submitted and untouched for --days days (MULTISTEP_ABANDONED_AFTER_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)
        parser.add_argument("--retention-days", type=int, default=None, help="default: PERSONAL_DATA_RETENTION_DAYS")
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
        keep = retention_days() if options["retention_days"] is None else options["retention_days"]
        expired = list(Draft.objects.abandoned(keep))
        if not dry_run:
            for draft in expired:
                for record in DraftFile.objects.filter(draft=draft):
                    record.delete_file()
                draft.delete()
        self.stdout.write(f"{verb} {len(expired)} draft(s) untouched for {keep} days")
