from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrmConfig(AppConfig):
    name = "cms_plugins.crm"
    label = "crm"
    verbose_name = _("CRM")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # registers what the CRM erases for a person with cms_plugins.erasure
        from . import erasure  # noqa: F401
