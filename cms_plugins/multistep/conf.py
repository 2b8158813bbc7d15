"""The engine's settings, each with a default; a site overrides them in its settings."""

from django.conf import settings

MB = 1024 * 1024


def get(name):
    return getattr(settings, f"MULTISTEP_{name}", DEFAULTS[name])


DEFAULTS = {
    # starting drafts: at most COUNT per PERIOD seconds from one client address
    # (the address behind a proxy comes from the site-wide TRUSTED_PROXIES, see cms_plugins.clientip)
    "START_RATE": (10, 60 * 60),
    # the STORAGES alias uploaded files go to (never the public media storage)
    "FILE_STORAGE": "private",
    "MAX_FILE_SIZE": 10 * MB,
    "MAX_TOTAL_SIZE": 25 * MB,
    # files of drafts untouched this many days (and never submitted) are removed
    "ABANDONED_AFTER_DAYS": 60,
    # longest text kept for one posted value (hostile posts are cut, never stored whole)
    "MAX_VALUE_LENGTH": 20000,
}
