from django.utils.functional import SimpleLazyObject

from .versions import content_version


def pagecache(request):
    """``pagecache_version`` for template fragment keys: a fragment keyed on it is renewed by any change."""
    return {"pagecache_version": SimpleLazyObject(content_version)}
