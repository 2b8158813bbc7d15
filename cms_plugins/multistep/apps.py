from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultistepConfig(AppConfig):
    name = "cms_plugins.multistep"
    label = "multistep"
    verbose_name = _("Multi-step forms")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # registers what the engine erases for a person with cms_plugins.erasure
        from . import erasure  # noqa: F401
