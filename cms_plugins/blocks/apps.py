from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocksConfig(AppConfig):
    name = "cms_plugins.blocks"
    label = "cms_blocks"
    verbose_name = _("Content blocks")
