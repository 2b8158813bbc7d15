from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = _("Trainings")

    def ready(self):
        from wagtail.signals import page_published

        from .models import TrainingIndexPage, TrainingPage
        from .permissions import on_event_published, on_index_saved

        post_save.connect(on_index_saved, sender=TrainingIndexPage, dispatch_uid="trainings_coordinators_on_index")
        page_published.connect(on_event_published, sender=TrainingPage, dispatch_uid="trainings_fill_places")
        # registers what trainings erases for a person with cms_plugins.erasure
        from . import erasure  # noqa: F401
