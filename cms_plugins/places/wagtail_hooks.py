from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import District


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    menu_order = 900
    add_to_admin_menu = False
    list_display = ["name", "code", "centre", "locale"]
    list_filter = ["locale"]


register_snippet(DistrictViewSet)
