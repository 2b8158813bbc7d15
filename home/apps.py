from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_save

        from .models import OrganisationSettings
        from .signals import forget_settings_fragments

        post_save.connect(
            forget_settings_fragments, sender=OrganisationSettings, dispatch_uid="forget_settings_fragments"
        )
