"""Which requests are a person reading (or downloading), not a robot or an editor (pure functions, no database).

Shared by every counter on the site (news views, manual downloads): most robots and
link-preview fetchers announce themselves, prefetches are not reads, and people who
work in the admin look at what they edit.
"""

import hashlib
import re

from cms_plugins.clientip import client_ip

# Robots, link-preview fetchers (messengers, social networks), monitoring and tools.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|preview|facebookexternalhit|embedly|whatsapp|telegram|skype|"
    r"vkshare|yandex|bingpreview|lighthouse|headless|phantom|python-|curl|wget|httpclient|okhttp|"
    r"go-http|java/|libwww|monitor|uptime|pingdom|scrapy|feedfetcher|rss",
    re.IGNORECASE,
)

# A reload within this many seconds from the same address and browser is not a new read.
REPEAT_WINDOW = 30 * 60


def is_bot(user_agent):
    """True for robots and tools, and for clients that do not say what they are."""
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def is_prefetch(headers):
    """Speculative loads (link prefetch/prerender) are not reads."""
    purpose = (headers.get("Sec-Purpose") or headers.get("Purpose") or headers.get("X-Moz") or "").lower()
    return "prefetch" in purpose or "prerender" in purpose


def is_editor(user):
    """People who work in the admin read pages while editing them; their reads are not counted."""
    return bool(user and user.is_authenticated and (user.is_staff or user.has_perm("wagtailadmin.access_admin")))


def should_count(request):
    """(True, "") when the request is a reader's, else (False, reason)."""
    if request.method != "GET":
        return False, "method"
    if getattr(request, "is_preview", False):
        return False, "preview"
    if is_bot(request.headers.get("User-Agent", "")):
        return False, "bot"
    if is_prefetch(request.headers):
        return False, "prefetch"
    if is_editor(getattr(request, "user", None)):
        return False, "editor"
    return True, ""


def repeat_key(request, scope, object_id, secret):
    """A cache key for "this browser just read this"; the address is hashed, never stored."""
    raw = f"{secret}|{object_id}|{client_ip(request)}|{request.headers.get('User-Agent', '')}"
    return f"{scope}:read:" + hashlib.sha256(raw.encode()).hexdigest()[:32]
