from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import IndicatorPlan
from .permissions import can_view_monitoring

urlpatterns = [
    path("", admin_views.MonitoringView.as_view(), name="screen"),
    path("export/", admin_views.export_view, name="export"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("monitoring/", include((urlpatterns, "monitoring"), namespace="monitoring"))]


class MonitoringMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_monitoring(request.user)[0]


@hooks.register("register_admin_menu_item")
def monitoring_menu_item():
    return MonitoringMenuItem(_("Monitoring"), reverse("monitoring:screen"), icon_name="table", order=320)


class IndicatorPlanViewSet(SnippetViewSet):
    model = IndicatorPlan
    icon = "table"
    menu_label = _("Baselines and targets")
    add_to_admin_menu = False
    list_display = ["__str__", "baseline", "baseline_year"]


register_snippet(IndicatorPlanViewSet)
