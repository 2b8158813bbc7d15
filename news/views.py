import base64
import time

from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from .counter import REPEAT_WINDOW, repeat_key, should_count
from .models import PageViewCount

# Page ids are a 32-bit AutoField; a larger number in the URL names no page, and
# passing it to the database overflows (SQLite: OverflowError, PostgreSQL: DataError).
LARGEST_PAGE_ID = 2**31 - 1

# The smallest transparent GIF (43 bytes).
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@never_cache
def view_pixel(request, page_id):
    """Count one reader's view of a news page and answer with a 1×1 image.

    A plain URL (not a page route) so that counting costs one UPDATE and no page
    lookup; never cached, so a page cache in front of the HTML cannot hide views.
    No cookie is read for counting and none is set.
    """
    allowed, _reason = should_count(request)
    if (
        allowed
        and page_id <= LARGEST_PAGE_ID
        and cache.add(repeat_key(request, page_id, settings.SECRET_KEY), 1, REPEAT_WINDOW)
    ):
        count_view(page_id)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["X-Robots-Tag"] = "noindex"
    return response


def count_view(page_id, attempts=10):
    """Add the view, retrying briefly while SQLite's one writer is busy: a burst of
    readers may meet "database is locked", and a pixel must never answer 500. After
    the last attempt the view is given up (counts are a reader's hint, not a ledger)."""
    for attempt in range(1, attempts + 1):
        try:
            return PageViewCount.count(page_id)
        except OperationalError:
            if attempt == attempts:
                return False
            time.sleep(0.02 * attempt)
    return False
