"""What empties the page cache: every change a reader of a cached page could see.

Connected by ``PageCacheConfig.ready()``, so installing the app is enough:

- Wagtail's page signals: published (also scheduled publishing), unpublished, moved,
  and any page deleted;
- privacy: a view restriction added, changed or removed;
- site settings (``BaseGenericSetting`` / ``BaseSiteSetting`` subclasses, shown in
  headers and footers) and ``Site`` rows;
- models an app declares as shown on its cached pages, by an attribute of its
  ``AppConfig``: ``pagecache_models = ["places.District"]``.

Not images: Wagtail saves an image while rendering it (file size, hash), which would
empty the cache on every first view; an edited photo shows once the entry expires.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .versions import bump_content_version


def settings_saved(sender, created=False, **kwargs):
    # A settings row is created empty on first read (Setting.load()); an edit saves again.
    if not created:
        bump_content_version()


def declared_models():
    """The models apps declared through ``AppConfig.pagecache_models``."""
    found = []
    for config in apps.get_app_configs():
        for label in getattr(config, "pagecache_models", ()):
            found.append(apps.get_model(label))
    return found


def watched_settings():
    return [model for model in apps.get_models() if issubclass(model, BaseGenericSetting | BaseSiteSetting)]


def connect():
    uid = "pagecache"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"{uid}:{signal}")
    # A page's own row is saved by drafts too: only its deletion counts (publishing is signalled above).
    post_delete.connect(bump_content_version, sender=Page, dispatch_uid=f"{uid}:delete:page")
    for model in (PageViewRestriction, Site, *declared_models()):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}:save:{model._meta.label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}:delete:{model._meta.label}")
    for model in watched_settings():
        post_save.connect(settings_saved, sender=model, dispatch_uid=f"{uid}:save:{model._meta.label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}:delete:{model._meta.label}")
