"""Whole-response cache for pages anonymous readers see, opt-in per page type.

``{% wagtailpagecache %}`` fragments save rendering but not the header, footer and
menus around them; for the most-read pages (home, news) this mixin keeps the whole
rendered response for a short time. It is safe because it only serves and stores:

- GET/HEAD requests without a session cookie (editors are logged in: they always get
  a fresh page with the user bar), never previews;
- 200 responses that set no cookie and are not marked private or no-store;
- - pages without view restrictions (privacy settings) only;
- under a key made of the host, the full path (language prefix and query string
  included) and a site-wide content version that every publish, unpublish, move,
  delete or privacy change bumps (``bump_content_version``, connected to Wagtail's
  signals by the app that uses this), so a published change shows at once.

``AnonymousPageCacheMiddleware`` answers such requests before routing (the page
lookup costs more than rendering once fragments are cached).

With a cache shared by all app servers (Redis) that is exact. With the embedded
per-process memory cache another worker may serve a page up to ``serve_cache_seconds``
old after a publish. Counters that must see every reader (views) are not rendered
into the page's own request: they use a separate, never-cached request.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

CONTENT_VERSION_KEY = "pagecache:content-version"


def content_version():
    return cache.get_or_set(CONTENT_VERSION_KEY, 1, None)


def bump_content_version():
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, 2, None)


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "is_preview", False)
    )


def is_cacheable_response(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
        and not getattr(response, "streaming", False)
    )


CACHED_HEADERS = ("Content-Type", "Cache-Control", "Content-Language", "Vary")
SERVE_CACHE_SECONDS = 60


def request_key(request):
    """The cache key of a request's response, or None when it must not come from the cache."""
    if not is_cacheable_request(request):
        return None
    where = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()[:40]
    return f"pagecache:{content_version()}:{where}"


def cached_response(key):
    stored = cache.get(key) if key else None
    if stored is None:
        return None
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


class ServeCacheMixin:
    """Stores the page's response for anonymous readers; pages with view restrictions are never stored."""

    serve_cache_seconds = SERVE_CACHE_SECONDS

    def serve_cache_key(self, request):
        return request_key(request)

    def serve(self, request, *args, **kwargs):
        key = self.serve_cache_key(request)
        response = cached_response(key)
        if response is not None:
            return response
        response = super().serve(request, *args, **kwargs)
        if key is not None:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if is_cacheable_response(response) and not self.get_view_restrictions().exists():
                headers = {name: response[name] for name in CACHED_HEADERS if name in response}
                cache.set(key, (response.content, headers), self.serve_cache_seconds)
        return response


class AnonymousPageCacheMiddleware:
    """Answers from the cache what ``ServeCacheMixin`` pages stored, before URL routing and page lookup.

    Only responses those pages stored are served (nothing else is ever written under
    these keys), so other pages, forms and the admin are unaffected.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = cached_response(request_key(request))
        return response if response is not None else self.get_response(request)
