from .middleware import REQUEST_FLAG, is_cacheable_request

SERVE_CACHE_SECONDS = 60


class ServeCacheMixin:
    """Lets ``AnonymousPageCacheMiddleware`` keep this page type's responses for anonymous readers.

    Pages with view restrictions (privacy settings) are never kept.
    """

    serve_cache_seconds = SERVE_CACHE_SECONDS

    def get_view_restrictions(self):
        # One queryset per page object: Wagtail's serve hook evaluates it, so asking
        # again below costs no query.
        if "_pagecache_restrictions" not in self.__dict__:
            self._pagecache_restrictions = super().get_view_restrictions()
        return self._pagecache_restrictions

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if is_cacheable_request(request) and not self.get_view_restrictions().exists():
            setattr(request, REQUEST_FLAG, self.serve_cache_seconds)
        return response
