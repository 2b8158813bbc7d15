"""Forget the cached coverage map when news or district pages change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms_plugins.pagecache import bump_content_version
from cms_plugins.places.models import District

from .coverage import forget_coverage

WATCHED = {"news.newspage", "home.districtpage"}


def _watched(instance):
    return type(instance)._meta.label_lower in WATCHED or (
        getattr(instance, "specific_class", None) and instance.specific_class._meta.label_lower in WATCHED
    )


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    bump_content_version()
    if _watched(instance):
        forget_coverage()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction):
        bump_content_version()
    if sender._meta.label_lower in WATCHED:
        forget_coverage()


@receiver(post_save, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """A page made private must leave the anonymous cache at once."""
    bump_content_version()


def _shown_on_pages(model):
    """Models whose changes show on cached pages: site settings (footer), districts (map), sites.

    Not images: Wagtail saves an image while rendering it (file size, hash), which would
    empty the cache on every first view; an edited photo shows once the cache entry ends.
    """
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Site

    return issubclass(model, BaseGenericSetting | BaseSiteSetting | Site | District)


@receiver(post_save)
@receiver(post_delete)
def shown_data_changed(sender, **kwargs):
    """Settings or districts edited: pages cached for anonymous readers are rendered anew."""
    if kwargs.get("created") and sender is not District:
        return  # settings rows are created empty on first read (Setting.load()); an edit saves again
    if _shown_on_pages(sender):
        bump_content_version()
        if issubclass(sender, District):
            forget_coverage()
