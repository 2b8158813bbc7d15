from contextlib import suppress

from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError
from django.http import Http404, HttpResponseRedirect
from django.views.decorators.cache import never_cache

from cms_plugins.readers import REPEAT_WINDOW, repeat_key, should_count

from .models import Manual

# Ids are 64-bit; a larger number names no manual and would overflow the database's integer.
LARGEST_ID = 2**63 - 1


@never_cache
def download(request, manual_id):
    """Count one reader's download of a manual, then send the browser to the file.

    A plain URL outside the page tree: counting costs one UPDATE. No cookie is read
    for counting and none is set; robots, prefetches and editors are not counted, nor a
    second download by the same browser within half an hour. The file is served by
    Wagtail's document view, which applies the collection's privacy.
    """
    if manual_id > LARGEST_ID:
        raise Http404
    manual = Manual.objects.select_related("document").filter(pk=manual_id).first()
    if manual is None:
        raise Http404
    allowed, _reason = should_count(request)
    if allowed and cache.add(repeat_key(request, "manuals", manual_id, settings.SECRET_KEY), 1, REPEAT_WINDOW):
        # a briefly locked SQLite loses the count, never the file: the count is a hint
        with suppress(OperationalError):
            Manual.count_download(manual_id)
    response = HttpResponseRedirect(manual.document.url)
    response["X-Robots-Tag"] = "noindex"
    return response
