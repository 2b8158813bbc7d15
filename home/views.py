from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site

from .search_terms import search_words, shown_query

SEARCH_PAGE_SIZE = 10


@require_GET
def search(request):
    """Full-text search over the live pages in the visitor's language."""
    query = shown_query(request.GET.get("q", ""))
    words = search_words(query)
    results = Page.objects.none()
    if words:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(words)
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return TemplateResponse(request, "home/search.html", {"query": query, "results": page})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /*/search/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def healthz(request):
    """200 when the database answers, 503 otherwise (for load balancers)."""
    try:
        Site.objects.exists()  # one small query through the ORM: the database answers
    except Exception:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
