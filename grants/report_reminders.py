"""The "report due" letter: a few days before an interim or final report is due, once per report
and due date, to each grantee whose report is not in yet."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cms_plugins.formatting import format_date

from . import letters
from .grant_records import Grant
from .grant_reports import IN_STATES, REPORT_KINDS, due_date


def reminder_topic(grant, kind, due):
    # the due date in the topic: a date moved later earns a reminder of its own
    return f"grants.report_due:{grant.application.reference}:{kind}:{due:%Y%m%d}"


def send_report_reminders(today=None, days=None):
    """Queue the reminders due now; returns how many were queued. Safe to run again, or twice at once:
    each grant's row is locked while its reminders are checked and queued."""
    today = today or timezone.localdate()
    days = settings.GRANTS_REPORT_REMINDER_DAYS if days is None else days
    window = (today, today + timedelta(days=days))
    due_soon = Q(interim_report_due__range=window) | Q(final_report_due__range=window)
    grant_ids = list(Grant.objects.filter(due_soon, application__status="awarded").values_list("pk", flat=True))
    sent = 0
    for grant_id in grant_ids:
        with transaction.atomic():
            grant = (
                Grant.objects.select_for_update()
                .select_related("application", "application__call")
                .prefetch_related("reports")
                .get(pk=grant_id)
            )
            reports = {report.kind: report for report in grant.reports.all()}
            for kind, label in REPORT_KINDS:
                due = due_date(grant, kind)
                report = reports.get(kind)
                if due is None or not window[0] <= due <= window[1] or (report and report.status in IN_STATES):
                    continue
                mail = letters.send(
                    grant.application,
                    "report_due",
                    topic=reminder_topic(grant, kind, due),
                    report=label,
                    due_date=lambda due=due: format_date(due),
                )
                sent += mail is not None
    return sent
