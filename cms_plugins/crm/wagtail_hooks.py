from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from . import views
from .bulk_actions import CrmDeleteBulkAction
from .models import Person
from .permissions import can_anonymise_person
from .viewsets import CrmViewSetGroup

register_snippet(CrmViewSetGroup)
# After Wagtail's own snippet delete action, so this one is the CRM models' "delete".
hooks.register("register_bulk_action", CrmDeleteBulkAction, order=100)

urlpatterns = [
    path("import/", views.ImportView.as_view(), name="import"),
    path("imports/<int:pk>/", views.ImportResultView.as_view(), name="import_result"),
    path("imports/<int:pk>/progress/", views.import_progress, name="import_progress"),
    path("imports/<int:pk>/rejects/", views.rejects_download, name="import_rejects"),
    path("export/<slug:kind>/", views.export_view, name="export"),
    path("duplicates/", views.DuplicatesView.as_view(), name="duplicates"),
    path("merge/<slug:model>/<int:primary>/<int:secondary>/", views.MergeView.as_view(), name="merge"),
    path("people/<int:pk>/anonymise/", views.AnonymiseView.as_view(), name="anonymise"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("crm/", include((urlpatterns, "crm"), namespace="crm"))]


@hooks.register("insert_global_admin_css")
def list_css():
    return format_html('<link rel="stylesheet" href="{}">', static("crm/lists.css"))


@hooks.register("register_snippet_listing_buttons")
def anonymise_button(snippet, user, next_url=None):
    if isinstance(snippet, Person) and can_anonymise_person(user, snippet)[0]:
        yield Button(_("Anonymise"), url=reverse("crm:anonymise", args=[snippet.pk]), icon_name="user", priority=90)
