from urllib.parse import unquote

from django import template
from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import translation
from django.utils.encoding import iri_to_uri
from wagtail.models import Page

from cms_plugins.formatting import format_money
from cms_plugins.routing import routed_ancestors

register = template.Library()


@register.filter
def tenge(amount):
    """Whole tenge as people read them: ``570 000 ₸`` (narrow no-break spaces)."""
    return format_money(amount, "₸")


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in each language, or to its nearest translated ancestor."""
    page = context.get("page")
    request = context.get("request")
    current = translation.get_language()
    targets = translated_urls(page, request) if isinstance(page, Page) else {}
    path = request.get_full_path() if request else "/"
    links = [
        {
            "code": code,
            "name": name,
            "url": targets.get(code) or swap_language_prefix(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {"links": links}


def navigation_pages(page, request):
    """In one query, the pages the header links to: the live translations of the page and
    of its ancestors (the language switcher) and, marked ``in_main_menu``, the top-level
    pages shown in menus in the visitor's language. Kept on the request for both tags."""
    memo = getattr(request, "navigation_pages", None) if request is not None else None
    if memo is not None and memo[0] == page.pk:
        return memo[1]
    step = Page.steplen
    prefixes = [page.path[:length] for length in range(step * 2, len(page.path) + 1, step)]
    keys = Page.objects.filter(path__in=prefixes).values("translation_key")
    language = translation.get_language()
    in_menu = Q(depth=3, show_in_menus=True, locale__language_code=language, view_restrictions__isnull=True)
    pages = list(
        Page.objects.live()
        .filter(Q(translation_key__in=keys) | in_menu)
        .annotate(
            in_main_menu=ExpressionWrapper(in_menu, output_field=BooleanField()),
            is_translation_candidate=ExpressionWrapper(Q(translation_key__in=keys), output_field=BooleanField()),
        )
        .select_related("locale")
        .distinct()
        .order_by("depth", "path")
    )
    if request is not None:
        request.navigation_pages = (page.pk, pages)
    return pages


def translated_urls(page, request):
    """{language: url} of the deepest live translation of the page or of an ancestor.

    One query: the page's and its ancestors' paths are prefixes of its own path.
    """
    candidates = [candidate for candidate in navigation_pages(page, request) if candidate.is_translation_candidate]
    # A routable page's sub-page (a form step, a filtered list) keeps its sub-path
    # in the other language when the page itself is translated.
    # Compared decoded: a Cyrillic slug is percent-encoded in one and not the other.
    own_url = unquote(page.get_url(request) or "")
    path = unquote(request.path) if request else ""
    rest = path[len(own_url) :] if own_url and path.startswith(own_url) else ""
    urls = {}
    for candidate in candidates:  # deeper ones overwrite their ancestors
        url = candidate.get_url(request)
        if url and candidate.translation_key == page.translation_key:
            url = iri_to_uri(unquote(url) + rest)
        urls[candidate.locale.language_code] = url
    return urls


def swap_language_prefix(path, language_code):
    """The same path under another language prefix (for pages that are not Wagtail pages)."""
    parts = path.split("/", 2)
    codes = {code for code, _ in settings.LANGUAGES}
    if len(parts) > 1 and parts[1] in codes:
        return f"/{language_code}/{parts[2] if len(parts) > 2 else ''}"
    return f"/{language_code}/"


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", in the visitor's language."""
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page):
        items = [item for item in navigation_pages(page, request) if item.in_main_menu]
    else:  # search results, error pages
        items = (
            Page.objects.live()
            .in_menu()
            .filter(view_restrictions__isnull=True, depth=3, locale__language_code=translation.get_language())
            .order_by("path")
        )
    return {
        "items": items,
        "current_path": page.path if isinstance(page, Page) else "",
        "request": context.get("request"),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    return {"crumbs": routed_ancestors(page), "request": context.get("request")}
