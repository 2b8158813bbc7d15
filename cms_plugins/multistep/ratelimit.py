"""A fixed-window rate limit in the cache (shared by app servers when it is Redis)."""

import time

from django.core.cache import cache

from . import conf


def client_address(request):
    header = conf.get("CLIENT_IP_HEADER")
    if header:
        forwarded = request.META.get(header, "")
        if forwarded:
            return forwarded.split(",")[0].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def hit(scope, request, limit=None, period=None):
    """Count one attempt; True while the client is within ``limit`` per ``period`` s."""
    default_limit, default_period = conf.get("START_RATE")
    limit = default_limit if limit is None else limit
    period = default_period if period is None else period
    window = int(time.time() // period)
    key = f"multistep:rate:{scope}:{client_address(request)}:{window}"
    if cache.add(key, 1, timeout=period + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=period + 5)
            count = 1
    return count <= limit
