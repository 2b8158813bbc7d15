from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "cms_plugins.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from .invalidation import connect

        connect()
