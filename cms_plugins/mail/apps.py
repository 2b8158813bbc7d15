from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    name = "cms_plugins.mail"
    label = "mail"
    verbose_name = _("Mail")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # registers what the outbox erases for a person with cms_plugins.erasure
        from . import erasure  # noqa: F401
