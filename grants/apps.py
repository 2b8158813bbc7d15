from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Grants")

    def ready(self):
        from .models import GrantIndexPage
        from .permissions import on_index_saved

        post_save.connect(on_index_saved, sender=GrantIndexPage, dispatch_uid="grants_coordinators_on_index")
        # registers what grants erases for a person with cms_plugins.erasure
        from . import erasure  # noqa: F401
