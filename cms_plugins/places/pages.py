"""Districts as pages show them: each district's page and the districts' names in a language.

Which page type is "the page about a district" is configuration
(``PLACES_DISTRICT_PAGE_MODEL = "app_label.ModelName"``, a page model with a
``district`` foreign key to ``places.District``), so neither this plug-in nor the apps
that link to district pages import the app that defines them.
"""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import OuterRef, Subquery

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

    Read from ``districts_by_code``, whose one query also brings each district's page, so a
    page that lists districts and links them (the coverage map) spends no query of its own.
    """
    model = district_page_model()
    if model is None:
        return {}
    locale_id = active_locale_id()
    urls = {}
    for code, district in districts_by_code(locale_id).items():
        if district.page_id:
            # What Page.get_url() reads: the page's id, its path in the tree and its locale.
            page = model(id=district.page_id, url_path=district.page_url_path, locale_id=locale_id)
            urls[code] = page.get_url(request)
    return urls


def districts_by_code(locale_id):
    """{code: District} in one language, in the districts' order: reference data, one query,
    then cached until any edit (districts are declared to the page cache by the site).

    Each district carries ``page_id`` and ``page_url_path``: its live, public district page
    in that language (None without one), for ``district_page_urls``.
    """
    key = f"places:districts:{locale_id}:{content_version()}"
    rows = cache.get(key)
    if rows is None:
        districts = District.objects.filter(locale_id=locale_id).in_order()
        model = district_page_model()
        if model is not None:
            pages = (
                model.objects.live()
                .exclude(private_pages_q())
                .filter(locale_id=OuterRef("locale_id"), district__code=OuterRef("code"))
                .order_by("path")
            )
            districts = districts.annotate(
                page_id=Subquery(pages.values("pk")[:1]), page_url_path=Subquery(pages.values("url_path")[:1])
            )
        rows = {district.code: district for district in districts}
        if model is None:
            for district in rows.values():
                district.page_id = district.page_url_path = None
        cache.set(key, rows, 3600)
    return rows
