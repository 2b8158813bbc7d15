"""The site-wide content version: part of every cache key, bumped by every change readers could see.

Bumping a number in the shared cache (rather than deleting keys) empties the page cache
for every app server at once and costs one cache write; stale entries simply expire.
"""

from django.core.cache import cache

CONTENT_VERSION_KEY = "pagecache:content-version"


def content_version():
    """The current version (no SQL: one cache read)."""
    return cache.get_or_set(CONTENT_VERSION_KEY, 1, None)


def bump_content_version(**kwargs):
    """Make every cached page and fragment keyed on the version stale (usable as a signal receiver)."""
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, 2, None)
