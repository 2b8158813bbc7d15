"""Page view restrictions read in one query instead of two.

Wagtail's ``Page.get_view_restrictions`` loads the page's ancestors, then their
restrictions; it runs on every page served. This does the same in a single
statement: restrictions on the page or an ancestor (looked up by path prefix), or on
the source page of an alias among them.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


class OneQueryViewRestrictionsMixin:
    def get_view_restrictions(self):
        step = Page.steplen
        paths = [self.path[:length] for length in range(step, len(self.path) + 1, step)]
        aliased = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of_id")
        return PageViewRestriction.objects.filter(Q(page__path__in=paths) | Q(page_id__in=aliased))
