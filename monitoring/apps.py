from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .compute import renew
        from .sources import watched_models

        for label in [*watched_models(), "monitoring.IndicatorPlan", "monitoring.IndicatorTarget"]:
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            post_save.connect(renew, sender=model, dispatch_uid=f"monitoring_renew_save_{label}")
            post_delete.connect(renew, sender=model, dispatch_uid=f"monitoring_renew_delete_{label}")
