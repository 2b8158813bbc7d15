"""Queue the day-before reminders. Run it hourly (cron or a systemd timer); running it
again, or twice at once, sends nothing twice (each registration is stamped when claimed)."""

from django.core.management.base import BaseCommand

from trainings.services import send_reminders


class Command(BaseCommand):
    help = "Email participants whose training or webinar starts within a day (once each)."

    def handle(self, *args, **options):
        sent = send_reminders()
        if options["verbosity"]:
            self.stdout.write(f"{sent} reminder(s) queued")
