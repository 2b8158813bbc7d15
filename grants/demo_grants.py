"""The demo's past call after the award, through the same services coordinators and grantees
use. Idempotent: what exists is left as it is."""

from datetime import time, timedelta

from django.utils import timezone

from . import grant_records, grant_reports
from .demo_data import grants_after_award as data
from .grant_records import Grant, Tranche


def report_steps(language):
    title, intro, done, reach = data.REPORT_TEXTS[language]
    questions = [
        {
            "type": "long_text",
            "id": block_id,
            "value": {"key": key, "label": label, "help_text": hint, "required": True, "max_length": 3000},
        }
        for block_id, key, (label, hint) in zip(data.REPORT_QUESTION_IDS, ["done", "reach"], [done, reach], strict=True)
    ]
    return [
        {
            "type": "step",
            "id": data.REPORT_STEP_ID,
            "value": {"key": "narrative", "title": title, "intro": intro, "questions": questions},
        }
    ]


def complete_grants(call, coordinator):
    """Agreements and due dates for the past call's grants: the first has a paid tranche and an
    accepted interim report, the second an overdue interim report, the others are due later."""
    grants = list(Grant.objects.of_call(call).select_related("application").order_by("application__reference"))
    if not grants or grants[0].agreement_number:
        return  # no grants yet, or already done
    deadline = timezone.localdate(call.closes_at)
    today = timezone.localdate()
    first, second, *others = grants
    number, signed_after = data.AGREEMENT
    first.agreement_number, first.agreement_date = number, deadline + timedelta(days=signed_after)
    first.interim_report_due = deadline + timedelta(days=180)
    first.final_report_due = today + timedelta(days=30)
    first.save()
    grant_records.record_changes(first, {}, {})
    for amount, after, paid in data.TRANCHES:
        day = deadline + timedelta(days=after)
        Tranche.objects.create(grant=first, amount=amount, planned_on=day, paid_on=day if paid else None)
    grant_records.record_changes(first, Grant.objects.filter(pk=first.pk).values().first(), {})
    questions, spending = data.INTERIM_ANSWERS, data.INTERIM_SPENT
    title, _intro, done, reach = data.REPORT_TEXTS["ru"]
    answers = [{"step": title, "key": "narrative", "rows": [[done[0], questions[0]], [reach[0], questions[1]]]}]
    planned = {line["item"]: line["amount"] for line in grant_reports.budget_lines(first.application)}
    table = [{"item": item, "planned": planned.get(item), "spent": spent} for item, spent in spending]
    report = grant_reports.submit_report(first, "interim", answers, table)
    grant_reports.decide_report(report, "accepted", coordinator, data.INTERIM_COMMENT)
    # the story: sent a little before it was due, accepted a few days later
    sent = timezone.make_aware(timezone.datetime.combine(first.interim_report_due - timedelta(days=5), time(11)))
    grant_reports.GrantReport.objects.filter(pk=report.pk).update(
        submitted_at=sent, decided_at=sent + timedelta(days=3)
    )
    second.agreement_number, second.agreement_date = "ЗКО-ГР-2025/02", first.agreement_date
    second.interim_report_due = today - timedelta(days=12)  # not sent: overdue
    second.final_report_due = today + timedelta(days=60)
    second.save()
    for index, grant in enumerate(others, start=3):
        grant.agreement_number, grant.agreement_date = f"ЗКО-ГР-2025/{index:02d}", first.agreement_date
        grant.interim_report_due = today + timedelta(days=20)
        grant.final_report_due = today + timedelta(days=200)
        grant.save()
