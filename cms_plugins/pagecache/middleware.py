"""Serving and storing whole responses for anonymous readers.

Only GET/HEAD requests without a session cookie are looked up (editors are logged in:
they always get a fresh page with the user bar). A response is stored only when a
page mixing in ``ServeCacheMixin`` said so while serving it (pages with view
restrictions never do) and it is a 200 that sets no cookie and is not private or
no-store. The key is the host, the full path (language prefix and query string
included) and the content version (``versions.py``), so any publish shows at once on
every app server sharing the cache (Redis, or the file cache of the embedded setup).

The response is stored on its way out of this middleware, after every middleware
below it has added its headers (X-Frame-Options, Vary, Content-Language, CSP, ...),
and served with all of them; middleware above it (security headers, static files)
runs for cached responses as for any other. So keep it high in the list: under
``SecurityMiddleware`` and any middleware that sets a header on every response (CSP),
above sessions, locale and the rest.

Counters that must see every reader (news views) are not part of the page's own
response: they use a separate request that is never cached.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from .versions import content_version

# Set on the request by ServeCacheMixin: how long the response may be kept.
REQUEST_FLAG = "pagecache_seconds"


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
    for name, value in headers:
        response[name] = value
    return response


def store_response(key, response, seconds):
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    cache.set(key, (response.content, list(response.items())), seconds)


class AnonymousPageCacheMiddleware:
    """Answers from the cache before URL routing and page lookup; stores what cacheable pages served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request_key(request)
        response = cached_response(key)
        if response is not None:
            return response
        response = self.get_response(request)
        seconds = getattr(request, REQUEST_FLAG, None)
        if key is not None and seconds and is_cacheable_response(response):
            store_response(key, response, seconds)
        return response
