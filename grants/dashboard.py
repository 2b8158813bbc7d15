"""Panels on the admin's home for coordinators: calls with their applications per status,
applications per district (a bar chart drawn on the server as SVG), reviews pending per expert
and overdue grantee reports. A fixed number of queries whatever the number of applications."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .applications import Application
from .calls import GrantCallPage
from .grant_records import Grant
from .grant_reports import REPORT_KINDS, report_rows
from .permissions import can_list_reviews, can_run_competition
from .reviews import Assignment
from .workflow import APPLICATION_STATUSES

BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, CHART_WIDTH = 18, 6, 190, 460


def district_chart(counts, names):
    """Rows for an SVG bar chart: [(y, label, count, bar width)] and the chart's height."""
    rows = sorted(counts.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
    most = max(counts.values(), default=0) or 1
    bars = []
    for index, (code, count) in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        width = max(1, round((CHART_WIDTH - LABEL_WIDTH - 50) * count / most))
        bars.append(
            {
                "y": y,
                "text_y": y + BAR_HEIGHT - 5,
                "label": names.get(code) or code or "—",
                "count": count,
                "width": width,
                "count_x": LABEL_WIDTH + width + 6,
            }
        )
    return bars, max(len(bars) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT)


class CompetitionPanel(Component):
    name = "grants_competition"
    template_name = "grants/admin/dashboard.html"
    order = 50

    class Media:
        css = {"all": ["grants/competition.css"]}

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        calls = {}
        for call in GrantCallPage.objects.defer_streamfields().order_by("-opens_at", "pk"):
            calls.setdefault(call.translation_key, call)
        counts = {}
        districts = {}
        for row in Application.objects.values("call_key", "status", "district_code").annotate(n=Count("pk")):
            per_call = counts.setdefault(row["call_key"], {})
            per_call[row["status"]] = per_call.get(row["status"], 0) + row["n"]
            districts[row["district_code"]] = districts.get(row["district_code"], 0) + row["n"]
        rows = [
            {
                "call": call,
                "open": call.status == "open",
                "counts": [(label, counts.get(key, {}).get(status, 0)) for status, label in APPLICATION_STATUSES],
                "total": sum(counts.get(key, {}).values()),
            }
            for key, call in calls.items()
        ]
        from cms_plugins.places.pages import districts_by_code

        locale = Locale.objects.filter(
            language_code=(getattr(parent_context["request"], "LANGUAGE_CODE", "") or "")[:2]
        ).first()
        names = {code: str(d.name) for code, d in districts_by_code(locale.pk).items()} if locale else {}
        bars, height = district_chart(districts, names)
        pending = (
            Assignment.objects.filter(scored_at__isnull=True)
            .exclude(conflict=True)
            .values("expert__username", "expert__first_name", "expert__last_name")
            .annotate(n=Count("pk"))
            .order_by("-n", "expert__username")
        )
        today = timezone.localdate()
        overdue_grants = (
            Grant.objects.filter(Q(interim_report_due__lt=today) | Q(final_report_due__lt=today))
            .select_related("application")
            .prefetch_related("reports")
        )
        overdue = [row for row in report_rows(overdue_grants, today) if row[4]]
        context.update(
            {
                "open_calls": [row for row in rows if row["open"]],
                "closed_calls": [row for row in rows if not row["open"]],
                "statuses": [label for _s, label in APPLICATION_STATUSES],
                "bars": bars,
                "chart_height": height,
                "chart_width": CHART_WIDTH,
                "label_width": LABEL_WIDTH,
                "bar_height": BAR_HEIGHT,
                "pending": [
                    {
                        "name": " ".join(filter(None, [r["expert__first_name"], r["expert__last_name"]]))
                        or r["expert__username"],
                        "count": r["n"],
                    }
                    for r in pending
                ],
                "overdue": overdue,
                "kinds": dict(REPORT_KINDS),
            }
        )
        return context


class ExpertPanel(Component):
    """An expert's home: how many of their applications wait for a declaration or a score."""

    name = "grants_my_reviews"
    template_name = "grants/admin/dashboard_expert.html"
    order = 40

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        waiting = Assignment.objects.open_to(self.user).filter(scored_at__isnull=True)
        counts = waiting.aggregate(
            to_declare=Count("pk", filter=Q(conflict__isnull=True)), to_score=Count("pk", filter=Q(conflict=False))
        )
        return {**counts, "submitted": Assignment.objects.open_to(self.user).filter(scored_at__isnull=False).count()}


def add_panels(request, panels):
    """Coordinators get the competition; experts what waits for them; press see Wagtail's own home."""
    if can_run_competition(request.user):
        panels.append(CompetitionPanel())
    elif can_list_reviews(request.user):
        panels.append(ExpertPanel(request.user))
