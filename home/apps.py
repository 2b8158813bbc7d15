from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")
    # The coverage map and district pages show districts: an edit to one renews cached pages.
    pagecache_models = ["places.District"]
