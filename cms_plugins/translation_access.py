"""wagtail-localize's "Translate" and "Sync translations" views, asking Wagtail first.

wagtail-localize (1.14) checks only the model permission ``submit_translation`` in these
two views, not the page: anyone allowed to translate could create or overwrite
translations of any page (the home page, a grant call). These subclasses refuse a page
the user cannot edit (Wagtail's page permissions); site/urls.py mounts them on
wagtail-localize's own paths, ahead of the admin, so its links keep working unchanged.
Every other wagtail-localize view already asks Wagtail's ``can_edit``.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def _refuse_unless_editable(user, instance):
    if isinstance(instance, Page) and not instance.permissions_for_user(user).can_edit():
        raise PermissionDenied


class PageAwareSubmitPageTranslationView(SubmitPageTranslationView):
    def get_object(self):
        page = super().get_object()
        _refuse_unless_editable(self.request.user, page)
        return page


class PageAwareUpdateTranslationsView(UpdateTranslationsView):
    def get_object(self):
        source = super().get_object()
        _refuse_unless_editable(self.request.user, source.get_source_instance())
        return source


def urlpatterns(admin_prefix="admin/"):
    return [
        path(
            f"{admin_prefix}localize/submit/page/<int:page_id>/",
            require_admin_access(PageAwareSubmitPageTranslationView.as_view()),
        ),
        path(
            f"{admin_prefix}localize/update/<int:translation_source_id>/",
            require_admin_access(PageAwareUpdateTranslationsView.as_view()),
        ),
    ]
