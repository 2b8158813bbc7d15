from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")
    # The coverage map and district pages show districts: an edit to one renews cached pages.
    pagecache_models = ["places.District"]

    def ready(self):
        from django.db import models
        from wagtail.admin.ui.fields import register_display_class

        from cms_plugins.formatting import LocalDateTimeDisplay

        # every admin inspect view shows date-times in the site's time zone
        register_display_class(models.DateTimeField, display_class=LocalDateTimeDisplay)
