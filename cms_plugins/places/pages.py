"""Districts as pages show them: each district's page and the districts' names in a language.

Which page type is "the page about a district" is configuration
(``PLACES_DISTRICT_PAGE_MODEL = "app_label.ModelName"``, a page model with a
``district`` foreign key to ``places.District``), so neither this plug-in nor the apps
that link to district pages import the app that defines them.
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from cms_plugins.locales import active_locale_id
from cms_plugins.pagecache import content_version
from cms_plugins.restrictions import private_pages_q

from .models import District


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
        pages = model.objects.live().exclude(private_pages_q()).filter(locale_id=active_locale_id())
        pages = pages.select_related("district")
        urls = {page.district.code: page.get_url(request) for page in pages}
        cache.set(key, urls, 3600)
    return urls


def districts_by_code(locale_id):
    """{code: District} in one language, in the districts' order: reference data, one query,
    then cached until any edit (districts are declared to the page cache by the site)."""
    key = f"places:districts:{locale_id}:{content_version()}"
    rows = cache.get(key)
    if rows is None:
        rows = {district.code: district for district in District.objects.filter(locale_id=locale_id).in_order()}
        cache.set(key, rows, 3600)
    return rows
