from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Manual


class ManualViewSet(SnippetViewSet):
    model = Manual
    icon = "doc-full"
    menu_label = _("Manuals")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "category", "locale", "downloads"]
    list_filter = ["category", "locale"]
    list_export = ["title", "category", "locale", "downloads", "created_at"]
    search_fields = ["title", "summary"]
    search_backend_name = None  # plain database filtering: Manual is not in the search index
    ordering = ["title"]


register_snippet(ManualViewSet)
