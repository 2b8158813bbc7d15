"""The monitoring screen: every indicator's value against its target for a year, per quarter and
per district, with small SVG charts; and its export for the funder."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms_plugins.locales import active_locale_id
from cms_plugins.places.pages import districts_by_code

from .charts import progress_bar, quarter_bars
from .compute import table
from .exporting import export_table
from .permissions import can_view_monitoring

FIRST_YEAR = 2025


def chosen_year(request):
    this_year = timezone.localdate().year
    text = request.GET.get("year", "")
    year = int(text) if text.isdigit() else this_year
    return year if FIRST_YEAR <= year <= this_year + 5 else this_year


def year_choices():
    return list(range(FIRST_YEAR, timezone.localdate().year + 3))


class MonitoringView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "monitoring/screen.html"
    page_title = gettext_lazy("Monitoring")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        allowed, reason = can_view_monitoring(request.user)
        if not allowed:
            raise PermissionDenied(reason)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = chosen_year(self.request)
        districts = list(districts_by_code(active_locale_id()).values())
        values = table(year, tuple(sorted(d.code for d in districts)))
        rows = [
            {
                "value": value,
                "quarters": quarter_bars(value.by_quarter) if value.has_data else None,
                "progress": progress_bar(value.value, value.target) if value.has_data else None,
            }
            for value in values
        ]
        per_district = [value for value in values if value.indicator.per_district and value.has_data]
        context.update(
            {
                "year": year,
                "years": year_choices(),
                "rows": rows,
                "per_district": per_district,
                "district_rows": [
                    (district, [value.by_district.get(district.code) for value in per_district])
                    for district in districts
                ],
            }
        )
        return context


def export_view(request):
    allowed, reason = can_view_monitoring(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    file_format = request.GET.get("format", "xlsx")
    if file_format not in ("xlsx", "csv"):
        raise Http404
    year = chosen_year(request)
    codes = tuple(sorted(districts_by_code(active_locale_id())))
    content = export_table(table(year, codes), codes, file_format)
    if file_format == "csv":
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="monitoring-{year}.{file_format}"'
    return response
