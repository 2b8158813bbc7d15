"""A fixed-window rate limit in the cache (shared by app servers when it is Redis)."""

import time

from django.core.cache import cache

from cms_plugins.clientip import client_ip

from . import conf


def hit(scope, request, limit=None, period=None):
    """Count one attempt; True while the client is within ``limit`` per ``period`` s."""
    default_limit, default_period = conf.get("START_RATE")
    limit = default_limit if limit is None else limit
    period = default_period if period is None else period
    window = int(time.time() // period)
    key = f"multistep:rate:{scope}:{client_ip(request)}:{window}"
    if cache.add(key, 1, timeout=period + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=period + 5)
            count = 1
    return count <= limit
