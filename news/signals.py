"""Forget the cached coverage map when news or district pages change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms_plugins.pagecache import bump_content_version

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


@receiver(post_save)
def settings_changed(sender, instance, **kwargs):
    """Site settings (organisation, footer links) are on every cached page: a change shows at once."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if isinstance(instance, BaseGenericSetting | BaseSiteSetting):
        bump_content_version()
