"""Links to the site's page about each district, for any app that names districts.

Which page type is "the page about a district" is configuration
(``PLACES_DISTRICT_PAGE_MODEL = "app_label.ModelName"``, a page model with a
``district`` foreign key to ``places.District``), so neither this plug-in nor the apps
that link to district pages import the app that defines them.
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

from cms_plugins.pagecache import content_version


def district_page_model():
    """The configured page model, or None when there is none (or its app is not installed)."""
    label = getattr(settings, "PLACES_DISTRICT_PAGE_MODEL", "")
    if not label:
        return None
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def district_page_urls(request=None):
    """{district code: url} of the live, public district pages in the active language.

    Cached under the page cache's content version: any publish or move renews it.
    """
    model = district_page_model()
    if model is None:
        return {}
    key = f"places:district-urls:{get_language()}:{content_version()}"
    urls = cache.get(key)
    if urls is None:
        pages = model.objects.live().public().filter(locale=Locale.get_active()).select_related("district")
        urls = {page.district.code: page.get_url(request) for page in pages}
        cache.set(key, urls, 3600)
    return urls
