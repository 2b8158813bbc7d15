from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    """Every live page of the site in every language.

    Wagtail's own sitemap walks only the default language's tree; translations of
    the home page are separate trees beside it.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for translated_root in Page.objects.filter(translation_key=root.translation_key):
            trees |= Q(path__startswith=translated_root.path)
        return Page.objects.live().public().filter(trees).order_by("path").defer_streamfields().specific()
