"""Which requests count as a reader's view of a news page.

A view is counted by a 1×1 image the news page embeds (see ``views.view_pixel``):
browsers load it without JavaScript, a full-page cache in front of the site cannot
swallow it (it is never cached), and most robots and link-preview fetchers never load
the images of a page. What still reaches it is filtered by ``cms_plugins.readers``,
which the manuals' download counter shares.
"""

import hashlib

from cms_plugins.clientip import client_ip
from cms_plugins.readers import REPEAT_WINDOW, is_bot, is_editor, is_prefetch, should_count

__all__ = ["REPEAT_WINDOW", "is_bot", "is_editor", "is_prefetch", "repeat_key", "should_count"]


def repeat_key(request, page_id, secret):
    """A cache key for "this browser just read this page"; the address is hashed, never stored."""
    raw = f"{secret}|{page_id}|{client_ip(request)}|{request.headers.get('User-Agent', '')}"
    return "news:viewed:" + hashlib.sha256(raw.encode()).hexdigest()[:32]
