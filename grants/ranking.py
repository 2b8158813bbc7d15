"""The ranking of a call: every reviewed application with its weighted mean, in a constant number of queries."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Max, Min, Q

from .applications import Application
from .workflow import APPLICATION_STATUSES

RANKED_STATUSES = ["under_review", "shortlisted", "awarded", "not_awarded"]
# What the table and its export show of an application: a call's thousands of rows are read
# without their answers (the bulk of each row, and a JSON parse each).
SHOWN = ["reference", "organisation_name", "district_code", "project_title", "status"]
SHOWN += ["requested_amount", "awarded_amount", "submitted_at"]
# A review counts once it is submitted by an expert who did not declare a conflict.
COUNTED = Q(assignments__scored_at__isnull=False) & ~Q(assignments__conflict=True)
SORTS = {
    "rank": lambda row: row.rank,
    "mean": lambda row: (row.mean is None, -(row.mean or 0), row.rank),
    "reviews": lambda row: (row.reviews, row.rank),
    "spread": lambda row: (-(row.spread or 0), row.rank),
    "requested": lambda row: (row.application.requested_amount, row.rank),
    "organisation": lambda row: (row.application.organisation_name.lower(), row.rank),
    "status": lambda row: (row.application.status, row.rank),
}


@dataclass
class Row:
    rank: int
    application: Application
    mean: Decimal | None
    reviews: int
    spread: Decimal | None
    disagreement: bool
    running_total: int
    status_label: str


def two_places(value):
    return None if value is None else Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def ranked_applications(call_key):
    """The call's reviewed applications, best weighted mean first (one query)."""
    return (
        Application.objects.filter(call_key=call_key, status__in=RANKED_STATUSES)
        .annotate(
            mean=Avg("assignments__total", filter=COUNTED),
            reviews=Count("assignments", filter=COUNTED),
            high=Max("assignments__total", filter=COUNTED),
            low=Min("assignments__total", filter=COUNTED),
        )
        .order_by(F("mean").desc(nulls_last=True), "submitted_at", "pk")
    )


def ranking(call, sort="rank"):
    """[Row] of the call; the running total adds the requested amounts in ranking order,
    whatever column the table is sorted by."""
    rows, running = [], 0
    # translated once: get_status_display() hashes the choices (translating each) every call
    labels = {status: str(label) for status, label in APPLICATION_STATUSES}
    applications = ranked_applications(call.translation_key).only(*SHOWN)
    for rank, application in enumerate(applications, start=1):
        running += application.requested_amount
        spread = None if application.high is None else application.high - application.low
        rows.append(
            Row(
                rank=rank,
                application=application,
                mean=two_places(application.mean),
                reviews=application.reviews,
                spread=two_places(spread),
                disagreement=spread is not None and spread > call.disagreement_threshold,
                running_total=running,
                status_label=labels.get(application.status, application.status),
            )
        )
    return sorted(rows, key=SORTS.get(sort, SORTS["rank"]))
