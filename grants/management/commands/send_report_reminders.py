"""Queue the "report due" letters. Run it daily (cron or a systemd timer); running it again, or
twice at once, sends nothing twice (one letter per report and due date)."""

from django.core.management.base import BaseCommand

from grants.report_reminders import send_report_reminders


class Command(BaseCommand):
    help = "Email grantees whose interim or final report is due within GRANTS_REPORT_REMINDER_DAYS (once each)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Days ahead (default: the GRANTS_REPORT_REMINDER_DAYS setting).")

    def handle(self, *args, **options):
        sent = send_report_reminders(days=options["days"])
        if options["verbosity"]:
            self.stdout.write(f"{sent} reminder(s) queued")
