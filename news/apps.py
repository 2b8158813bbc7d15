from django.apps import AppConfig, apps
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _

# The pages whose subtrees the Press group writes in (news/permissions.py).
PRESS_SECTION_MODELS = ("news.NewsIndexPage", "home.StandardPage")


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from cms_plugins.readable_slugs import keep_slug_readable

        from .permissions import on_section_saved

        for label in PRESS_SECTION_MODELS:
            try:
                model = apps.get_model(label)
            except LookupError:  # that app is not installed here
                continue
            post_save.connect(on_section_saved, sender=model, dispatch_uid=f"news_press_on_{label}")
        pre_save.connect(keep_slug_readable, dispatch_uid="readable_translated_slugs")
