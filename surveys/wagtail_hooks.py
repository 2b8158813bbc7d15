from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import can_view_answers

urlpatterns = [
    path("", admin_views.SurveyListView.as_view(), name="list"),
    path("<int:page_id>/", admin_views.SurveyResultsView.as_view(), name="results"),
    path("<int:page_id>/export/", admin_views.export_view, name="export"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("surveys/", include((urlpatterns, "surveys"), namespace="surveys"))]


class AnswersMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_answers(request.user)[0]


@hooks.register("register_admin_menu_item")
def survey_results_menu_item():
    return AnswersMenuItem(_("Survey results"), reverse("surveys:list"), icon_name="list-ul", order=310)
