"""Whole-response cache for the pages anonymous readers see, opt-in per page type.

Install it as an app (``cms_plugins.pagecache`` in ``INSTALLED_APPS``, which connects
its invalidation) and add ``AnonymousPageCacheMiddleware`` high in ``MIDDLEWARE``
(see ``middleware.py``); then mix ``ServeCacheMixin`` into the page types worth keeping
whole. See ``middleware.py`` for what is stored and ``invalidation.py`` for what
empties it.
"""

from .middleware import AnonymousPageCacheMiddleware
from .mixins import ServeCacheMixin
from .versions import bump_content_version, content_version

__all__ = ["AnonymousPageCacheMiddleware", "ServeCacheMixin", "bump_content_version", "content_version"]
