from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocksConfig(AppConfig):
    name = "cms_plugins.blocks"
    label = "cms_blocks"
    verbose_name = _("Content blocks")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from cms_plugins.locales import forget_locales

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="forget_locales_save")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="forget_locales_delete")
