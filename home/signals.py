"""Cached fragments and pages that show site settings are dropped when the settings change."""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from cms_plugins.pagecache import bump_content_version

SETTINGS_FRAGMENTS = ["brand", "footer"]


def forget_settings_fragments(**kwargs):
    keys = [make_template_fragment_key(name, [code]) for name in SETTINGS_FRAGMENTS for code, _ in settings.LANGUAGES]
    cache.delete_many(keys)
    bump_content_version()  # whole pages kept for anonymous readers show the footer too
