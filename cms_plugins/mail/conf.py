"""The outbox's settings, each with a default; a site overrides them as MAIL_<NAME>."""

from django.conf import settings

DEFAULTS = {
    # tries before a message is marked failed (only backends that can defer retry)
    "MAX_ATTEMPTS": 4,
    # seconds before the first retry; each next waits twice as long
    "RETRY_AFTER": 60,
}


def get(name):
    return getattr(settings, f"MAIL_{name}", DEFAULTS[name])
