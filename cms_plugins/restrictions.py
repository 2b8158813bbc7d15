"""Page view restrictions (privacy settings) read with as few queries as a public page can afford.

``OneQueryViewRestrictionsMixin``: Wagtail's ``Page.get_view_restrictions`` loads the
page's ancestors, then their restrictions, on every page served. This does the same
in one statement (restrictions on the page or an ancestor, looked up by path prefix,
or on the source page of an alias among them), once per page object.

``private_pages_q()``: Wagtail's own ``PageQuerySet.private_q()`` (what its
``public()`` excludes), kept in the cache under the page cache's content version,
which every privacy change bumps; ``PublicPagesQuerySetMixin.public()`` excludes it,
so listing public pages costs no extra query after the first in a content version.
"""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from cms_plugins.pagecache import content_version

NO_RESTRICTIONS = Q(pk__in=[])  # what Wagtail's private_q() answers when no page is restricted


class OneQueryViewRestrictionsMixin:
    def get_view_restrictions(self):
        # One queryset per page object: Wagtail's serve hook evaluates it and the page
        # cache asks again (exists() on an evaluated queryset costs no query).
        if "_one_query_restrictions" not in self.__dict__ and private_pages_q() == NO_RESTRICTIONS:
            # No page of the site is restricted (the usual case): nothing to look up.
            self._one_query_restrictions = PageViewRestriction.objects.none()
        if "_one_query_restrictions" not in self.__dict__:
            step = Page.steplen
            paths = [self.path[:length] for length in range(step, len(self.path) + 1, step)]
            aliased = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of_id")
            self._one_query_restrictions = PageViewRestriction.objects.filter(
                Q(page__path__in=paths) | Q(page_id__in=aliased)
            )
        return self._one_query_restrictions


def private_pages_q():
    """Wagtail's ``private_q()``: a Q matching pages under a view restriction (cached, see above)."""
    key = f"restrictions:private-q:{content_version()}"
    q = cache.get(key)
    if q is None:
        q = Page.objects.private_q()
        cache.set(key, q, 3600)
    return q


class PublicPagesQuerySetMixin:
    """For a ``PageQuerySet`` subclass: ``public()`` as Wagtail's, its restriction lookup cached."""

    def public(self):
        return self.exclude(private_pages_q())
