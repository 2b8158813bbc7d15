from .middleware import REQUEST_FLAG, is_cacheable_request

SERVE_CACHE_SECONDS = 60


class ServeCacheMixin:
    """Lets ``AnonymousPageCacheMiddleware`` keep this page type's responses for anonymous readers.

    Pages with view restrictions (privacy settings) are never kept. Combine it with
    ``cms_plugins.restrictions.OneQueryViewRestrictionsMixin`` (listed first) so the
    restriction check below reuses the one Wagtail's serve hook made.
    """

    serve_cache_seconds = SERVE_CACHE_SECONDS

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if is_cacheable_request(request) and not self.get_view_restrictions().exists():
            setattr(request, REQUEST_FLAG, self.serve_cache_seconds)
        return response
