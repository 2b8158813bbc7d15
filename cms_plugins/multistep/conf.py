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
    # the most one draft's answers may take (JSON, UTF-8): bigger posts are refused
    "MAX_DRAFT_SIZE": 2 * MB,
    # a locked database: how many times a step is saved before "try again" (503)
    "SAVE_ATTEMPTS": 3,
    "SAVE_RETRY_PAUSE": 0.3,
    # the start form mails an existing draft's link at most once per this many seconds
    "LINK_RESEND_INTERVAL": 60 * 60,
}
