"""Translated pages keep a readable address, never a bare number.

wagtail-localize passes a translation's slug through Django's ``slugify`` without
``allow_unicode``: a Cyrillic slug such as ``встреча-3`` loses its letters and the Kazakh
page ends up at ``/kk/news/3/``. Before such a page is saved, a slug with no letters left
is replaced by the source page's slug (readable in every language, as Wagtail allows
Unicode slugs), or by the page's title made into a slug, made unique among its siblings.
"""

import re

from django.utils.text import slugify
from wagtail.models import Page

NO_LETTERS = re.compile(r"[\d\-_]*")


def readable_slug(page):
    """A readable slug for a page whose slug has no letters, unique under its parent."""
    others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    candidates = [slug for slug in others.values_list("slug", flat=True) if not NO_LETTERS.fullmatch(slug)]
    base = (candidates[0] if candidates else slugify(page.title, allow_unicode=True))[:240] or page.slug
    siblings = set(page.get_siblings().exclude(pk=page.pk).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in siblings:
        slug, number = f"{base}-{number}", number + 1
    return slug


def keep_slug_readable(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or not instance.pk or instance.depth is None or instance.depth < 2:
        return
    if instance.slug and not NO_LETTERS.fullmatch(instance.slug):
        return
    if not Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).exists():
        return  # not a translation: a number may be what the editor chose (e.g. a year)
    instance.slug = readable_slug(instance)
